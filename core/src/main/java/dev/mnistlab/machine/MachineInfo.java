package dev.mnistlab.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The machine a comparison ran on, as far as it can be read: CPU model, cores, clock, SIMD
 * extensions, memory, operating system and Java.
 *
 * <p>The peak FP32 rate is {@code cores x clock x FLOPs per cycle}. Per core and cycle: 64 for a
 * CPU with AVX-512 that runs it at full width (two 16-wide fused multiply-adds: Intel's cores, and
 * AMD's from Zen 5, CPU family 26), 32 for AVX2 with FMA (two 8-wide), 16 for AVX without FMA and 8
 * otherwise. AVX-512 on Zen 4 (family 25) counts as AVX2: it executes it as two 256-bit halves.
 * A few low-end Xeons have one 512-bit unit, and Zen 5's laptop parts run AVX-512 at 256 bits;
 * there the peak is twice what the core can do. The clock is the one the operating system reports,
 * which in a virtual machine is often the base clock: cores that boost compute faster than this
 * peak.
 *
 * @param cpuModel the CPU's name
 * @param cpuFamily the x86 CPU family number ({@code cpu family} in {@code /proc/cpuinfo}), 0 if
 *     unknown
 * @param cores processors available to the JVM
 * @param clockMhz the clock the operating system reports, in MHz; {@code NaN} if unknown
 * @param simd the SIMD extensions relevant to these engines that the CPU has
 * @param memoryGib physical memory in GiB; {@code NaN} if unknown
 * @param os the operating system and kernel
 * @param java the Java runtime
 */
public record MachineInfo(
        String cpuModel,
        int cpuFamily,
        int cores,
        double clockMhz,
        List<String> simd,
        double memoryGib,
        String os,
        String java) {

    /** The x86 CPU family of AMD's Zen 5 cores, the first to run AVX-512 at full width. */
    private static final int ZEN_5 = 26;

    private static final List<String> SIMD_FLAGS =
            List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile");

    /** Copies the flag list. */
    public MachineInfo {
        simd = List.copyOf(simd);
    }

    /** Describes this machine, from {@code /proc} on Linux and from Java's properties. */
    public static MachineInfo current() {
        List<String> cpuInfo = lines(Path.of("/proc/cpuinfo"));
        String model = field(cpuInfo, "model name").orElse(System.getProperty("os.arch"));
        int family = field(cpuInfo, "cpu family").map(Integer::parseInt).orElse(0);
        double mhz = field(cpuInfo, "cpu MHz").map(Double::parseDouble).orElse(Double.NaN);
        Set<String> flags =
                Set.copyOf(Arrays.asList(field(cpuInfo, "flags").orElse("").split("\\s+")));
        double memory = field(lines(Path.of("/proc/meminfo")), "MemTotal")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) / 1024.0 / 1024.0)
                .orElse(Double.NaN);
        return new MachineInfo(
                model,
                family,
                Runtime.getRuntime().availableProcessors(),
                mhz,
                SIMD_FLAGS.stream().filter(flags::contains).toList(),
                memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /**
     * Returns the memory the kernel says new work can use now without swapping ({@code MemAvailable}),
     * in bytes, or -1 where the platform does not say.
     */
    public static long availableMemoryBytes() {
        return field(lines(Path.of("/proc/meminfo")), "MemAvailable")
                .map(value -> Long.parseLong(value.replace("kB", "").trim()) * 1024)
                .orElse(-1L);
    }

    /** Returns the FP32 floating-point operations one core can start per clock cycle. */
    public int flopsPerCycle() {
        if (simd.contains("avx512f")
                && (cpuModel.contains("Intel") || (cpuModel.contains("AMD") && cpuFamily >= ZEN_5))) {
            return 64;
        }
        if (simd.contains("avx2") && simd.contains("fma")) {
            return 32;
        }
        return simd.contains("avx") ? 16 : 8;
    }

    /** Returns the peak FP32 rate in GFLOP/s, or {@code NaN} if the clock is unknown. */
    public double peakGflops() {
        return cores * clockMhz / 1000 * flopsPerCycle();
    }

    /** Returns a one-line description, e.g. {@code AMD EPYC, 2 cores at 2596 MHz, avx2 fma, 23.4 GiB}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s, %d cores at %.0f MHz (%s), %.1f GiB, %s, %s",
                cpuModel,
                cores,
                clockMhz,
                String.join(" ", simd),
                memoryGib,
                os,
                java);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> field(List<String> lines, String name) {
        return lines.stream()
                .filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst();
    }
}
