package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.BaseNDManager;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.ResidentMemory;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Long training does not grow: resident memory and live native arrays over 10 epochs of the MLP. */
class SoakIT {

    private static final double ALLOWED_GROWTH = 0.10;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void tenMlpEpochsKeepResidentMemoryAndLiveArraysFlat(String engine) throws IOException {
        DatasetSplits mnist = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST);
        ClassifierTrainer trainer = new ClassifierTrainer(Backends.get(engine));
        int liveAfterOne =
                liveArrays(trainer, TrainingSpec.builder().optEpochs(1).build(), mnist, new ArrayList<>());
        List<Double> residentMiB = new ArrayList<>();
        int liveAfterTen =
                liveArrays(trainer, TrainingSpec.builder().optEpochs(10).build(), mnist, residentMiB);

        double first = residentMiB.get(0);
        double last = residentMiB.get(residentMiB.size() - 1);
        System.out.printf(
                Locale.ROOT,
                "%s, 10 MLP epochs: resident memory after each epoch %s MiB (last/first %.3f);"
                        + " live arrays in the model's manager after 1 epoch %d, after 10 %d%n",
                engine,
                residentMiB.stream()
                        .map(mib -> String.format(Locale.ROOT, "%.0f", mib))
                        .collect(Collectors.joining(", ")),
                last / first,
                liveAfterOne,
                liveAfterTen);
        assertTrue(last <= first * (1 + ALLOWED_GROWTH), engine + ": " + residentMiB);
        assertEquals(liveAfterOne, liveAfterTen, "arrays left behind by training");
    }

    private static int liveArrays(
            ClassifierTrainer trainer, TrainingSpec spec, DatasetSplits data, List<Double> residentMiB) {
        TrainingProgress recorder = new TrainingProgress() {
            @Override
            public void onEpochEnd(EpochMetrics metrics) {
                try {
                    residentMiB.add(ResidentMemory.afterCollectionMiB());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try (TrainedModel trained = trainer.train(spec, data, recorder, EpochCheckpoint.NONE)) {
            assertTrue(
                    trained.result().testAccuracy() > 0.93,
                    trained.result().epochs().toString());
            Model model = trained.model();
            return ((BaseNDManager) model.getNDManager()).getManagedArrays().size();
        }
    }
}
