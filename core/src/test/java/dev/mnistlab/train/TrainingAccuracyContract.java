package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.testing.RealData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Trains on the real datasets and holds each backend to the accuracy floors of the seed tutorial.
 * Each backend module runs these as integration tests ({@code mvn verify}) by extending this class.
 */
public abstract class TrainingAccuracyContract {

    /** Returns the name of the backend under test, e.g. {@code pytorch}. */
    protected abstract String backendName();

    private TrainingResult train(TrainingSpec spec, Path data) throws IOException {
        DatasetSplits splits = DatasetLoader.load(data, spec.dataset());
        List<Integer> batchesSeen = new ArrayList<>();
        List<Evaluation> epochEndScores = new ArrayList<>();
        TrainingProgress counter = new TrainingProgress() {
            @Override
            public void onBatch(int epoch, int batch, int batches, Evaluation soFar) {
                batchesSeen.add(batch);
                if (batch == batches) {
                    epochEndScores.add(soFar);
                }
            }
        };
        try (TrainedModel trained =
                new ClassifierTrainer(Backends.get(backendName())).train(spec, splits, counter, EpochCheckpoint.NONE)) {
            TrainingResult result = trained.result();
            System.out.printf(
                    Locale.ROOT,
                    "%s %s on %s: %s%n",
                    backendName(),
                    spec.architecture().name(),
                    spec.dataset(),
                    result.epochs());
            int perEpoch = spec.limitBatches() > 0
                    ? spec.limitBatches()
                    : (splits.train().size() + spec.batchSize() - 1) / spec.batchSize();
            assertEquals(perEpoch * spec.epochs(), batchesSeen.size());
            for (int e = 0; e < epochEndScores.size(); e++) {
                EpochMetrics epoch = result.epochs().get(e);
                assertEquals(epoch.trainLoss(), epochEndScores.get(e).loss(), 1e-12, "running loss at the last batch");
                assertEquals(epoch.trainAccuracy(), epochEndScores.get(e).accuracy(), 1e-12, "running accuracy");
            }
            return result;
        }
    }

    @Test
    void seedMlpReachesTutorialAccuracyOnMnist() throws IOException {
        TrainingResult result = train(TrainingSpec.builder().build(), RealData.mnist());
        assertEquals(2, result.epochs().size());
        assertTrue(result.testAccuracy() >= 0.940, "test accuracy " + result.testAccuracy());
        EpochMetrics first = result.epochs().get(0);
        assertTrue(first.trainAccuracy() > 0.85 && first.samplesPerSecond() > 0, first.toString());
        assertTrue(
                result.last().trainLoss() < first.trainLoss(), result.epochs().toString());
    }

    @Test
    void cnnReaches0985AfterOneEpoch() throws IOException {
        TrainingResult result = train(TrainingSpec.builder().optModel("cnn").build(), RealData.mnist());
        assertTrue(result.testAccuracy() >= 0.985, "test accuracy " + result.testAccuracy());
    }

    @Test
    void seedMlpReaches084OnFashionMnist() throws IOException {
        TrainingSpec spec = TrainingSpec.builder().optDataset("fashion-mnist").build();
        TrainingResult result = train(spec, RealData.fashionMnist());
        assertTrue(result.testAccuracy() >= 0.84, "test accuracy " + result.testAccuracy());
    }

    @Test
    void sameSeedGivesIdenticalResults() throws IOException {
        TrainingSpec spec = TrainingSpec.builder()
                .optSeed(7)
                .optEpochs(2)
                .optLimitBatches(150)
                .build();
        TrainingResult first = train(spec, RealData.mnist());
        TrainingResult second = train(spec, RealData.mnist());
        assertEquals(first.testAccuracy(), second.testAccuracy());
        assertEquals(first.testLoss(), second.testLoss());
        assertEquals(first.last().trainLoss(), second.last().trainLoss());
        TrainingResult otherSeed = train(
                TrainingSpec.builder()
                        .optSeed(8)
                        .optEpochs(2)
                        .optLimitBatches(150)
                        .build(),
                RealData.mnist());
        assertTrue(otherSeed.testLoss() != first.testLoss(), "a different seed should change the run");
    }
}
