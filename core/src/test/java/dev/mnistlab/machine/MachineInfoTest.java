package dev.mnistlab.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.SampleResults;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void peakCountsTwoEightWideFmasPerCycleWithAvx2() {
        assertEquals(160.0, SampleResults.MACHINE.peakGflops(), 1e-9);
        MachineInfo avxOnly = new MachineInfo("old", 6, 4, 2000, List.of("avx"), 8, "Linux", "Java");
        assertEquals(128.0, avxOnly.peakGflops(), 1e-9);
    }

    @Test
    void avx512CountsTwoSixteenWideFmasOnIntelAndFromZen5() {
        List<String> avx512 = List.of("avx", "avx2", "fma", "avx512f");
        assertEquals(
                64,
                new MachineInfo("Intel(R) Xeon(R) Processor", 6, 2, 2100, avx512, 24, "Linux", "Java").flopsPerCycle());
        assertEquals(32, new MachineInfo("AMD EPYC 9R14", 25, 2, 2600, avx512, 24, "Linux", "Java").flopsPerCycle());
        assertEquals(64, new MachineInfo("AMD EPYC", 26, 2, 2100, avx512, 24, "Linux", "Java").flopsPerCycle());
        List<String> avx2 = List.of("avx", "avx2", "fma");
        assertEquals(32, new MachineInfo("AMD EPYC", 26, 2, 2100, avx2, 24, "Linux", "Java").flopsPerCycle());
    }

    @Test
    void thisMachineIsDescribed() {
        MachineInfo here = MachineInfo.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), here.cores());
        assertTrue(here.describe().contains(here.cpuModel()), here.describe());
    }
}
