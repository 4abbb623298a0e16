package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.EnsembleArchitecture;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training controls on a real engine: validation, early stopping, keeping the best epoch and
 * learning-rate schedules, checked against runs that must give the same parameters bit for bit.
 * Each backend module runs these by extending this class.
 */
public abstract class TrainingControlsContract {

    /** Returns the name of the backend under test, e.g. {@code pytorch}. */
    protected abstract String backendName();

    private Backend backend() {
        return Backends.get(backendName());
    }

    /** A fixed thread count: auto times the counts anew in every run, which may change the last digits. */
    private TrainingSpec.Builder spec() {
        return TrainingSpec.builder()
                .optSeed(3)
                .optLimitBatches(4)
                .optBatchSize(16)
                .optOptimizer("adam")
                .optLearningRate(0.01)
                .optThreads(Integer.toString(backend().computeThreads()));
    }

    private static DatasetSplits data(Path dir) throws IOException {
        return DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), 160, 48), NamedDataset.MNIST);
    }

    @Test
    void keepingTheBestEpochEndsWithTheParametersOfARunThatStoppedThere(@TempDir Path dir) throws IOException {
        DatasetSplits data = data(dir);
        TrainingSpec best =
                spec().optEpochs(6).optValidationFraction(0.25).optKeep("best").build();
        Path folder = dir.resolve("best");
        try (TrainedModel trained = new ClassifierTrainer(backend())
                .train(best, data, TrainingProgress.SILENT, RunOutput.checkpointInto(folder))) {
            TrainingResult result = trained.result();
            assertEquals(6, result.epochs().size());
            int kept = result.kept().epoch();
            System.out.printf("%s: kept epoch %d of 6%n", backendName(), kept);
            for (EpochMetrics epoch : result.epochs()) {
                assertTrue(epoch.validationLoss() >= result.kept().validationLoss(), epoch.toString());
            }
            assertEquals(result.kept().testAccuracy(), result.testAccuracy());
            TrainingSpec stoppedThere =
                    spec().optEpochs(kept).optValidationFraction(0.25).build();
            try (TrainedModel shorter = new ClassifierTrainer(backend())
                            .train(stoppedThere, data, TrainingProgress.SILENT, EpochCheckpoint.NONE);
                    Model saved = ModelFolder.load(folder, backend(), Device.cpu());
                    Model savedLast = ModelFolder.loadLastEpoch(
                            folder, ModelFolder.readDescriptor(folder), backend(), Device.cpu())) {
                assertSameParameters(shorter.model(), trained.model(), "kept model");
                assertSameParameters(shorter.model(), saved, "saved model");
                assertSameParameters(trained.lastEpochModel(), savedLast, "saved last epoch");
            }
        }
    }

    @Test
    void earlyStoppingEndsPatienceEpochsAfterTheBestAndAResumedRunEqualsTheUninterruptedOne(@TempDir Path dir)
            throws IOException {
        DatasetSplits data = data(dir);
        TrainingSpec spec = spec().optEpochs(8)
                .optValidationFraction(0.25)
                .optMonitor("loss")
                .optPatience(2)
                .optKeep("best")
                .optSchedule("warmup-cosine")
                .optWarmupEpochs(1.5)
                .optLabelSmoothing(0.1)
                .optOptimizer("adamw")
                .build();
        Path whole = dir.resolve("whole");
        Path halted = dir.resolve("halted");
        ClassifierTrainer trainer = new ClassifierTrainer(backend());
        List<Double> rates = new ArrayList<>();
        try (TrainedModel run = trainer.train(spec, data, TrainingProgress.SILENT, RunOutput.checkpointInto(whole))) {
            TrainingResult result = run.result();
            int bestEpoch = spec.validation().bestEpoch(result.epochs());
            System.out.printf(
                    "%s: %d epochs, best %d%n", backendName(), result.epochs().size(), bestEpoch);
            assertEquals(Math.min(8, bestEpoch + 2), result.epochs().size());
            assertEquals(result.epochs().size() < 8, result.stoppedEarly());
            result.epochs().forEach(epoch -> rates.add(epoch.learningRate()));

            ClassifierTrainer stopping = new ClassifierTrainer(backend());
            TrainingProgress stopAfterFirst = new TrainingProgress() {
                @Override
                public void onEpochEnd(EpochMetrics metrics) {
                    stopping.cancel();
                }
            };
            try {
                stopping.train(spec, data, stopAfterFirst, RunOutput.checkpointInto(halted))
                        .close();
                throw new AssertionError("the run was not cancelled");
            } catch (TrainingCancelledException expected) {
                assertEquals(1, expected.completedEpochs());
            }
            TrainingCheckpoint checkpoint = TrainingCheckpoint.read(halted);
            assertEquals(spec, checkpoint.spec());
            try (TrainedModel resumed = trainer.resume(
                    checkpoint,
                    checkpoint.continuedTo(8),
                    DeviceChoice.CPU,
                    data,
                    TrainingProgress.SILENT,
                    RunOutput.checkpointInto(halted))) {
                assertEquals(result.epochs().size(), resumed.result().epochs().size());
                for (int e = 0; e < result.epochs().size(); e++) {
                    EpochMetrics expected = result.epochs().get(e);
                    EpochMetrics actual = resumed.result().epochs().get(e);
                    assertEquals(expected.validationLoss(), actual.validationLoss(), "epoch " + (e + 1));
                    assertEquals(expected.testLoss(), actual.testLoss(), "epoch " + (e + 1));
                    assertEquals(expected.learningRate(), actual.learningRate(), "epoch " + (e + 1));
                }
                assertSameParameters(run.model(), resumed.model(), "kept model");
                assertSameParameters(run.lastEpochModel(), resumed.lastEpochModel(), "last epoch");
            }
        }
        // The warm-up rises to the rate in epoch 2 (step 6 of 32), then the cosine falls.
        assertTrue(rates.get(0) < rates.get(1), rates.toString());
        for (int e = 2; e < rates.size(); e++) {
            assertTrue(rates.get(e) < rates.get(e - 1), rates.toString());
        }
        try (Stream<Path> files = Files.list(halted)) {
            assertEquals(
                    1,
                    files.filter(file -> file.getFileName().toString().startsWith(ModelFolder.LAST_EPOCH_PREFIX))
                            .count());
        }
    }

    @Test
    void aResumedEarlyStoppedRunStaysStopped(@TempDir Path dir) throws IOException {
        DatasetSplits data = data(dir);
        TrainingSpec spec = spec().optEpochs(10)
                .optValidationFraction(0.25)
                .optPatience(1)
                .build()
                .withThreads(ComputeThreads.parse(Integer.toString(backend().computeThreads())));
        Path folder = dir.resolve("run");
        int epochs;
        try (TrainedModel run = new ClassifierTrainer(backend())
                .train(spec, data, TrainingProgress.SILENT, RunOutput.checkpointInto(folder))) {
            epochs = run.result().epochs().size();
            assertTrue(run.result().stoppedEarly(), "the data is noise: validation stops improving soon");
        }
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(folder);
        try (TrainedModel resumed = new ClassifierTrainer(backend())
                .resume(
                        checkpoint,
                        checkpoint.continuedTo(10),
                        DeviceChoice.CPU,
                        data,
                        TrainingProgress.SILENT,
                        EpochCheckpoint.NONE)) {
            assertEquals(epochs, resumed.result().epochs().size());
            assertFalse(Double.isNaN(resumed.result().last().validationAccuracy()));
        }
    }

    @Test
    void anEnsembleAnswersItsMembersAveragedProbabilitiesAndSavesAsOneModel(@TempDir Path dir) throws IOException {
        DatasetSplits data = data(dir);
        TrainingSpec spec = spec().optEpochs(2).build();
        Path folder = dir.resolve("ensemble");
        List<Integer> seeds = new ArrayList<>();
        double ensembleLoss;
        try (TrainedEnsemble two = new EnsembleTrainer(new ClassifierTrainer(backend()))
                .train(spec, 2, data, new EnsembleTrainer.EnsembleProgress() {
                    @Override
                    public void memberDone(int member, TrainingResult result) {
                        seeds.add(result.spec().seed());
                    }
                })) {
            RunOutput.saveEnsemble(two, folder);
            ensembleLoss = two.test().loss();
        }
        assertEquals(List.of(3, 4), seeds);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < data.test().size(); i++) {
            images.add(data.test().scaledImage(i));
        }
        List<double[]> first = probabilities(spec, data, images);
        List<double[]> second = probabilities(spec.withSeed(4), data, images);
        double expectedLoss = 0;
        try (DigitClassifier ensemble = DigitClassifier.open(folder, backend())) {
            assertEquals(
                    new EnsembleArchitecture(spec.architecture(), 2),
                    ModelFolder.readDescriptor(folder).architecture());
            List<Prediction> answers = ensemble.classify(images, 10);
            for (int i = 0; i < images.size(); i++) {
                for (Prediction.RankedClass ranked : answers.get(i).ranked()) {
                    double mean = (first.get(i)[ranked.index()] + second.get(i)[ranked.index()]) / 2;
                    assertEquals(mean, ranked.probability(), 1e-5, "image " + i + " class " + ranked.index());
                }
                int label = data.test().label(i);
                expectedLoss -= Math.log((first.get(i)[label] + second.get(i)[label]) / 2) / images.size();
            }
        }
        assertEquals(expectedLoss, ensembleLoss, 1e-5);
    }

    /** Trains one member alone and returns its probabilities for each image, by class. */
    private List<double[]> probabilities(TrainingSpec spec, DatasetSplits data, List<float[]> images) {
        try (TrainedModel member = new ClassifierTrainer(backend())
                        .train(spec, data, TrainingProgress.SILENT, EpochCheckpoint.NONE);
                DigitClassifier classifier = new DigitClassifier(member.model(), data.classNames())) {
            List<double[]> all = new ArrayList<>();
            for (Prediction prediction : classifier.classify(images, 10)) {
                double[] byClass = new double[10];
                prediction.ranked().forEach(ranked -> byClass[ranked.index()] = ranked.probability());
                all.add(byClass);
            }
            return all;
        }
    }

    private static void assertSameParameters(Model expected, Model actual, String what) {
        PairList<String, Parameter> want = expected.getBlock().getParameters();
        PairList<String, Parameter> got = actual.getBlock().getParameters();
        assertEquals(want.size(), got.size(), what);
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(
                    want.valueAt(i).getArray().toByteArray(),
                    got.valueAt(i).getArray().toByteArray(),
                    what + " " + want.keyAt(i));
        }
    }
}
