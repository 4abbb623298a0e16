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
        MachineInfo avxOnly = new MachineInfo("old", 4, 2000, List.of("avx"), 8, "Linux", "Java");
        assertEquals(128.0, avxOnly.peakGflops(), 1e-9);
    }

    @Test
    void thisMachineIsDescribed() {
        MachineInfo here = MachineInfo.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), here.cores());
        assertTrue(here.describe().contains(here.cpuModel()), here.describe());
    }
}
