package dev.mnistlab.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How many cores other processes keep busy right now, measured over a short interval from the
 * kernel's counters ({@code /proc/stat} for the whole machine, {@code /proc/self/stat} for this
 * process). Where those are not readable (not Linux), every core counts as free.
 */
public final class CpuLoad {

    private static final Path MACHINE = Path.of("/proc/stat");
    private static final Path SELF = Path.of("/proc/self/stat");
    /** Fields of the "cpu" line: user nice system idle iowait irq softirq steal. */
    private static final int IDLE = 3;

    private static final int IOWAIT = 4;
    private static final int STEAL = 7;
    /** utime and stime in /proc/self/stat, counted from the field after the command name. */
    private static final int SELF_USER_TIME = 11;

    private CpuLoad() {}

    /**
     * Returns how many of this JVM's cores are not busy with other processes: the cores the JVM
     * may use, less the cores other processes kept busy during {@code millis} milliseconds,
     * rounded, and at least 1.
     *
     * @param millis how long to watch, e.g. 200
     */
    public static int freeCores(long millis) {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            long[] before = sample();
            Thread.sleep(millis);
            long[] after = sample();
            long elapsed = after[0] - before[0];
            long othersBusy = (after[1] - before[1]) - (after[2] - before[2]);
            if (elapsed <= 0) {
                return cores;
            }
            // /proc/stat counts every core of the machine; elapsed is summed over them all.
            int machineCores = Math.max(1, countCpuLines());
            double busyCores = (double) othersBusy * machineCores / elapsed;
            return Math.max(1, Math.min(cores, (int) Math.round(cores - busyCores)));
        } catch (IOException | RuntimeException e) {
            return cores;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cores;
        }
    }

    /** Returns {total ticks of all cores, busy ticks of all cores, this process's ticks}. */
    private static long[] sample() throws IOException {
        String[] cpu = Files.readAllLines(MACHINE).get(0).trim().split("\\s+", -1);
        long total = 0;
        long idle = 0;
        for (int i = 1; i < cpu.length && i <= STEAL + 1; i++) {
            long value = Long.parseLong(cpu[i]);
            total += value;
            if (i - 1 == IDLE || i - 1 == IOWAIT || i - 1 == STEAL) {
                idle += value;
            }
        }
        String self = Files.readString(SELF);
        String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ", -1);
        long own = Long.parseLong(fields[SELF_USER_TIME]) + Long.parseLong(fields[SELF_USER_TIME + 1]);
        return new long[] {total, total - idle, own};
    }

    private static int countCpuLines() throws IOException {
        List<String> lines = Files.readAllLines(MACHINE);
        return (int) lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
    }
}
