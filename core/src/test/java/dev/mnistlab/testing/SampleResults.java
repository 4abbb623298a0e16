package dev.mnistlab.testing;

import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.data.DataSource;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.RunProvenance;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Training results made up for tests of what is written and drawn from them: fixed provenance, given figures. */
public final class SampleResults {

    /** The machine every sample result ran on. */
    public static final MachineInfo MACHINE =
            new MachineInfo("Test CPU", 6, 2, 2500, List.of("avx", "avx2", "fma"), 24, "Linux test", "Java test");

    private SampleResults() {}

    /** Returns a result of a PyTorch run on MNIST with these epochs. */
    public static TrainingResult of(TrainingSpec spec, List<EpochMetrics> epochs) {
        return new TrainingResult(
                spec,
                NamedDataset.MNIST.classNames(),
                new BackendInfo("pytorch", "PyTorch", "0.36.0", "2.7.1", "cpu", List.of("cpu()"), 0, "2"),
                "cpu()",
                epochs,
                Instant.parse("2026-11-28T12:00:00Z"),
                new RunProvenance(
                        "0.1.0-test",
                        new DataSource(
                                "mnist", DataSource.IDX, Path.of("/data/mnist"), Map.of("a.gz", "00ff"), List.of()),
                        1,
                        MACHINE));
    }
}
