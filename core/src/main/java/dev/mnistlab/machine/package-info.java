/**
 * The computer a run happens on: its CPU, cores and memory ({@link dev.mnistlab.machine.MachineInfo}),
 * recorded with every result, and how busy other processes keep its cores
 * ({@link dev.mnistlab.machine.CpuLoad}), which the automatic thread count takes into account.
 */
package dev.mnistlab.machine;
