package dev.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.PairList;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.data.internal.ImageBatcher;
import dev.mnistlab.eval.SoftmaxCrossEntropy;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistPreprocessor;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.machine.DenormalMode;
import dev.mnistlab.machine.GpuHardware;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.model.SeededInitializer;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.Pictures;
import dev.mnistlab.testing.UntrainedModel;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.OptimizerSpec;
import dev.mnistlab.train.StatefulOptimizer;
import dev.mnistlab.train.StepPhases;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingCheckpoint;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend must do, checked against its real engine. Each backend module runs these
 * tests by extending this class and naming its backend.
 */
public abstract class BackendContractTest {

    /** Returns the name of the backend under test, e.g. {@code pytorch}. */
    protected abstract String backendName();

    /** Whether the engine's slices share memory, so optimizers gather parameters in one buffer. */
    protected abstract boolean gathersParametersInOneBuffer();

    /** Returns the backend with its engine started as the backend starts it (MXNet: synchronously). */
    private Backend backend() {
        Backend backend = Backends.get(backendName());
        backend.engine();
        return backend;
    }

    @Test
    void isFoundByNameAndDescribesItself() {
        BackendInfo info = backend().describe();
        assertEquals(backendName(), info.name());
        assertEquals(backend().engineName(), info.engineName());
        assertFalse(info.engineVersion().isBlank());
        assertTrue(info.devices().contains("cpu()"), info.devices().toString());
        assertEquals("true", System.getProperty(Backends.OFFLINE_PROPERTY));
    }

    @Test
    void aGpuTheEngineDoesNotSeeIsNamed() {
        Backend backend = backend();
        assertTrue(DeviceChoice.unseenGpu(backend, 0).isEmpty());
        if (backend.engine().getGpuCount() > 0) {
            assertTrue(DeviceChoice.unseenGpu(backend, 2).isEmpty());
            return;
        }
        assertEquals(
                "this machine has 2 NVIDIA GPUs but the " + backendName() + " engine loaded CPU-only native libraries",
                DeviceChoice.unseenGpu(backend, 2).orElseThrow());
        if (GpuHardware.count() == 0) {
            assertTrue(DeviceChoice.unseenGpuNotice(backend).isEmpty());
        }
    }

    @Test
    void gpuChoiceFailsClearlyWithoutGpu() {
        Backend backend = backend();
        if (backend.engine().getGpuCount() > 0) {
            assertEquals(Device.gpu(), DeviceChoice.GPU.resolve(backend));
            return;
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DeviceChoice.GPU.resolve(backend));
        String expected = GpuHardware.count() > 0
                ? "device gpu: "
                        + DeviceChoice.unseenGpu(backend, GpuHardware.count()).orElseThrow()
                        + "; docs/gpu.md gives the switch to CUDA natives, or choose cpu"
                : "device gpu: the " + backendName() + " engine sees no GPU (no CUDA device visible,"
                        + " or CPU-only native libraries loaded; see docs/gpu.md); choose cpu or auto";
        assertEquals(expected, e.getMessage());
        assertEquals(InputField.DEVICE, e.field().orElseThrow());
        assertEquals(Device.cpu(), DeviceChoice.AUTO.resolve(backend));
    }

    @Test
    void mlpMapsImagesToTenScores() {
        assertEquals(new Shape(3, 10), outputShape(Architecture.parse("mlp", List.of())));
        assertEquals(new Shape(3, 10), outputShape(Architecture.parse("mlp", List.of(64, 16))));
    }

    @Test
    void cnnMapsImagesToTenScores() {
        assertEquals(new Shape(3, 10), outputShape(Architecture.parse("cnn", List.of())));
    }

    @Test
    void seedMlpHasKerasParameterCount() {
        // Keras reports 25,450 parameters for Dense(32) + Dense(10) on 784 inputs.
        assertEquals(784 * 32 + 32 + 32 * 10 + 10, parameterCount(Architecture.parse("mlp", List.of())));
    }

    @Test
    void cnnHasDeepMnistParameterCount() {
        long conv = (5 * 5 * 1 * 32 + 32) + (5 * 5 * 32 * 64 + 64);
        long dense = (7 * 7 * 64 * 1024 + 1024) + (1024 * 10 + 10);
        assertEquals(conv + dense, parameterCount(Architecture.parse("cnn", List.of())));
    }

    @Test
    void batchNormCnnCountsItsNormalisationsRunningStatisticsToo() {
        long conv = (3 * 3 * 1 * 32 + 32) + (3 * 3 * 32 * 64 + 64) + (3 * 3 * 64 * 64 + 64);
        long normalised = 4 * (32 + 64 + 64 + 256);
        long dense = (7 * 7 * 64 * 256 + 256) + (256 * 10 + 10);
        Architecture architecture = Architecture.parse("cnn-bn", List.of());
        assertEquals(conv + normalised + dense, parameterCount(architecture));
        assertEquals(conv + normalised + dense, architecture.parameterCount(Architecture.CLASS_COUNT));
    }

    @Test
    void rmsPropFollowsKerasFormulaOverTwoSteps() {
        // w = [1, 2], constant gradient g = [0.5, -1], lr 0.001, rho 0.9, eps 1e-8:
        // step 1: n = 0.1 g^2,  w -= 0.001 g / (sqrt(0.1) |g| + 1e-8)   = w -+ 0.001 / sqrt(0.1)
        // step 2: n = 0.19 g^2, w -= 0.001 g / (sqrt(0.19) |g| + 1e-8)  = w -+ 0.001 / sqrt(0.19)
        double step1 = 0.001 / Math.sqrt(0.1);
        double step2 = 0.001 / Math.sqrt(0.19);
        float[] expected1 = {(float) (1 - step1), (float) (2 + step1)};
        float[] expected2 = {(float) (1 - step1 - step2), (float) (2 + step1 + step2)};
        float[][] weights = weightsAfterTwoSteps("rmsprop");
        assertArrayEquals(expected1, weights[0], 1e-6f);
        assertArrayEquals(expected2, weights[1], 1e-6f);
    }

    @Test
    void adamMovesByTheLearningRateUnderAConstantGradient() {
        // Bias-corrected Adam under a constant gradient g steps by lr * g / |g| (eps aside) every time.
        float[][] weights = weightsAfterTwoSteps("adam");
        assertArrayEquals(new float[] {0.999f, 2.001f}, weights[0], 1e-6f);
        assertArrayEquals(new float[] {0.998f, 2.002f}, weights[1], 1e-6f);
    }

    @Test
    void adamwShrinksEveryWeightBeforeItsAdamStep() {
        // Decoupled weight decay: w *= 1 - lr * wd, then Adam's step of lr * g / |g| under a constant gradient.
        double shrink = 1 - 0.001 * 0.01;
        double[] first = {1 * shrink - 0.001, 2 * shrink + 0.001};
        float[][] weights = weightsAfterTwoSteps("adamw");
        assertArrayEquals(new float[] {(float) first[0], (float) first[1]}, weights[0], 1e-6f);
        assertArrayEquals(
                new float[] {(float) (first[0] * shrink - 0.001), (float) (first[1] * shrink + 0.001)},
                weights[1],
                1e-6f);
    }

    @Test
    void aScheduledRateReachesTheUpdate() {
        // SGD without momentum moves by exactly rate * gradient: the rate set before the step is the one used.
        Backend backend = backend();
        try (NDManager manager = backend.engine().newBaseManager(Device.cpu())) {
            StatefulOptimizer optimizer = OptimizerSpec.create("sgd", 0.5, null, null, null, null, null, null)
                    .newOptimizer(backend, manager);
            NDArray weight = manager.create(new float[] {1f, 2f});
            weight.setRequiresGradient(true);
            NDArray gradient = manager.create(new float[] {0.5f, -1f});
            optimizer.setLearningRate(0.25);
            applyStep(backend, optimizer, weight, gradient);
            assertArrayEquals(new float[] {1 - 0.125f, 2 + 0.25f}, weight.toFloatArray(), 0f);
        }
    }

    @Test
    void anOptimizerStepOverOneBufferEqualsStepsParameterByParameter() throws IOException {
        // 8 hidden units: 6,370 values, one piece of the buffer. 400: 318,010 values, which one
        // thread updates in two pieces (of at most 2^18 values a thread), the first inside the first
        // weight, the second across its end and the three parameters after; two threads in one.
        // Where the engine allows, the steps alternate between one thread and two.
        Backend backend = backend();
        int threads = backend.computeThreads();
        try {
            for (int hidden : List.of(8, 400)) {
                for (String optimizer : List.of("rmsprop", "adam", "adamw", "sgd")) {
                    ByteArrayOutputStream separateState = new ByteArrayOutputStream();
                    ByteArrayOutputStream togetherState = new ByteArrayOutputStream();
                    float[] separately = parametersAfterSteps(optimizer, hidden, false, separateState);
                    float[] together = parametersAfterSteps(optimizer, hidden, true, togetherState);
                    String setting = optimizer + ", " + hidden + " hidden";
                    assertArrayEquals(separately, together, 0f, setting);
                    assertArrayEquals(separateState.toByteArray(), togetherState.toByteArray(), setting);
                }
            }
        } finally {
            backend.useThreads(threads);
        }
    }

    @Test
    void crossEntropyGivesDjlsLossAndGradientBitForBit() {
        Backend backend = backend();
        float[] scores = new float[3 * Architecture.CLASS_COUNT];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i * 7 % 13 - 6) / 3f;
        }
        try (NDManager manager = backend.engine().newBaseManager(Device.cpu())) {
            NDArray logits = manager.create(scores, new Shape(3, Architecture.CLASS_COUNT));
            logits.setRequiresGradient(true);
            NDList labels = new NDList(manager.create(new float[] {2, 9, 0}));
            float[][] ours = lossAndGradient(backend, new SoftmaxCrossEntropy(), labels, logits);
            float[][] djls = lossAndGradient(backend, Loss.softmaxCrossEntropyLoss(), labels, logits);
            assertArrayEquals(djls[0], ours[0], 0f);
            assertArrayEquals(djls[1], ours[1], 0f);
        }
    }

    @Test
    void labelSmoothingGivesTheSmoothedCrossEntropyAndItsGradient() {
        Backend backend = backend();
        int classes = Architecture.CLASS_COUNT;
        float[] scores = new float[3 * classes];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (i * 7 % 13 - 6) / 3f;
        }
        int[] labels = {2, 9, 0};
        double smoothing = 0.1;
        double expectedLoss = 0;
        float[] expectedGradient = new float[scores.length];
        for (int row = 0; row < labels.length; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, scores[row * classes + k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(scores[row * classes + k] - max);
            }
            for (int k = 0; k < classes; k++) {
                double logProbability = scores[row * classes + k] - max - Math.log(sum);
                double target = (k == labels[row] ? 1 - smoothing : 0) + smoothing / classes;
                expectedLoss -= target * logProbability / labels.length;
                expectedGradient[row * classes + k] = (float) ((Math.exp(logProbability) - target) / labels.length);
            }
        }
        try (NDManager manager = backend.engine().newBaseManager(Device.cpu())) {
            NDArray logits = manager.create(scores, new Shape(3, classes));
            logits.setRequiresGradient(true);
            NDList labelList = new NDList(manager.create(new float[] {2, 9, 0}));
            float[][] smoothed = lossAndGradient(backend, new SoftmaxCrossEntropy(smoothing), labelList, logits);
            assertEquals(expectedLoss, smoothed[0][0], 1e-5);
            assertArrayEquals(expectedGradient, smoothed[1], 1e-6f);
        }
    }

    private static float[][] lossAndGradient(Backend backend, Loss loss, NDList labels, NDArray logits) {
        NDArray value;
        try (GradientCollector collector = backend.engine().newGradientCollector()) {
            value = loss.evaluate(labels, new NDList(logits));
            collector.backward(value);
        }
        float[] gradient = logits.getGradient().toFloatArray();
        backend.finishUpdate(logits);
        return new float[][] {value.toFloatArray(), gradient};
    }

    @Test
    void denormalsAreFlushedOnlyWhileAsked() {
        Backend backend = backend();
        float denormal = 1e-39f;
        try (NDManager manager = backend.engine().newBaseManager(Device.cpu())) {
            NDArray tiny = manager.create(new float[] {denormal});
            backend.flushDenormals(true);
            float whileFlushing = tiny.mul(1f).toFloatArray()[0];
            backend.flushDenormals(false);
            assertEquals(DenormalMode.isSupported() ? 0f : denormal, whileFlushing);
            assertEquals(denormal, tiny.mul(1f).toFloatArray()[0]);
        }
    }

    @Test
    void batchesMadeOneAfterAnotherHoldTheirOwnImages(@TempDir Path dir) throws IOException {
        ImageSet images = DatasetLoader.load(IdxFiles.writeDataset(dir, 64, 16), NamedDataset.MNIST)
                .train();
        ImageBatcher batcher = new ImageBatcher(images, 8);
        int[] order = EpochOrder.shuffled(images.size(), 7, 1);
        try (NDManager manager = backend().engine().newBaseManager(Device.cpu())) {
            for (int from = 0; from < 24; from += 8) {
                try (Batch batch = batcher.batch(manager.newSubManager(), order, from, from + 8)) {
                    float[] pixels = batch.getData().singletonOrThrow().toFloatArray();
                    float[] labels = batch.getLabels().singletonOrThrow().toFloatArray();
                    for (int i = 0; i < 8; i++) {
                        assertArrayEquals(
                                images.scaledImage(order[from + i]),
                                Arrays.copyOfRange(pixels, i * 784, (i + 1) * 784),
                                0f);
                        assertEquals(images.label(order[from + i]), labels[i]);
                    }
                }
            }
        }
    }

    @Test
    void stepPhasesAccountForTheTrainingTime(@TempDir Path dir) throws IOException {
        DatasetSplits data = DatasetLoader.load(IdxFiles.writeDataset(dir, 640, 64), NamedDataset.MNIST);
        TrainingSpec spec = TrainingSpec.builder().optEpochs(1).build();
        try (TrainedModel trained =
                new ClassifierTrainer(backend()).train(spec, data, TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            EpochMetrics epoch = trained.result().last();
            StepPhases phases = epoch.phases();
            for (double seconds : new double[] {
                phases.batchingSeconds(),
                phases.forwardBackwardSeconds(),
                phases.scoringSeconds(),
                phases.optimizerSeconds()
            }) {
                assertTrue(seconds > 0, phases.toString());
            }
            assertTrue(phases.totalSeconds() <= epoch.seconds(), phases + " within " + epoch.seconds());
            assertTrue(phases.totalSeconds() > 0.8 * epoch.seconds(), phases + " cover " + epoch.seconds());
        }
    }

    @Test
    void trainingDoesNotAccumulateNativeArrays(@TempDir Path dir) throws IOException {
        DatasetSplits data = DatasetLoader.load(IdxFiles.writeDataset(dir, 320, 64), NamedDataset.MNIST);
        assertEquals(
                liveArraysAfter(1, data),
                liveArraysAfter(4, data),
                "arrays left in the model's manager must not grow with the number of steps");
    }

    @Test
    void aModelTrainedOnAnotherThreadLearnsAsOnTheFirst(@TempDir Path dir) throws Exception {
        DatasetSplits data = DatasetLoader.load(IdxFiles.writeDataset(dir, 320, 64), NamedDataset.MNIST);
        TrainingSpec spec =
                TrainingSpec.builder().optOptimizer("adam").optLimitBatches(5).build();
        List<byte[]> here = trainedParameters(spec, data);
        // A thread of a pool, an executor or a server: no engine state of its own set up yet.
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            List<byte[]> there =
                    other.submit(() -> trainedParameters(spec, data)).get();
            assertEquals(here.size(), there.size());
            for (int i = 0; i < here.size(); i++) {
                assertArrayEquals(here.get(i), there.get(i), "parameter " + i);
            }
        } finally {
            other.shutdown();
        }
    }

    private List<byte[]> trainedParameters(TrainingSpec spec, DatasetSplits data) {
        try (TrainedModel trained =
                new ClassifierTrainer(backend()).train(spec, data, TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            List<byte[]> parameters = new ArrayList<>();
            for (var parameter : trained.model().getBlock().getParameters()) {
                parameters.add(parameter.getValue().getArray().toByteArray());
            }
            return parameters;
        }
    }

    @Test
    void savedModelLoadsBitForBit(@TempDir Path dir) throws IOException {
        DatasetSplits data =
                DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), 128, 32), NamedDataset.MNIST);
        for (String model : List.of("cnn", "cnn-bn")) {
            Path folder = dir.resolve(model);
            TrainingSpec spec =
                    TrainingSpec.builder().optModel(model).optLimitBatches(2).build();
            try (TrainedModel trained = new ClassifierTrainer(backend())
                            .train(spec, data, TrainingProgress.SILENT, RunOutput.checkpointInto(folder));
                    Model loaded = ModelFolder.load(folder, backend(), Device.cpu())) {
                PairList<String, Parameter> saved = trained.model().getBlock().getParameters();
                PairList<String, Parameter> read = loaded.getBlock().getParameters();
                assertEquals(saved.keys(), read.keys());
                for (int i = 0; i < saved.size(); i++) {
                    assertArrayEquals(
                            saved.valueAt(i).getArray().toByteArray(),
                            read.valueAt(i).getArray().toByteArray(),
                            saved.keyAt(i));
                }
            }
        }
    }

    @Test
    void savedClassifierAnswersAlikeForEveryKindOfInputAndRefusesBadOnes(@TempDir Path dir) throws IOException {
        DatasetSplits data = DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), 64, 32), NamedDataset.MNIST);
        Path folder = dir.resolve("model");
        try (TrainedModel trained = new ClassifierTrainer(backend())
                .train(
                        TrainingSpec.builder().optEpochs(1).optLimitBatches(1).build(),
                        data,
                        TrainingProgress.SILENT,
                        EpochCheckpoint.NONE)) {
            RunOutput.save(trained, folder);
        }
        BufferedImage picture = Pictures.stroke(BufferedImage.TYPE_INT_RGB);
        byte[] png = Pictures.encoded(picture, "png");
        Path file = Files.write(dir.resolve("one.png"), png);
        float[] prepared = MnistPreprocessor.toMnist(picture, "picture");
        float[][] rows = new float[28][];
        for (int row = 0; row < 28; row++) {
            rows[row] = Arrays.copyOfRange(prepared, row * 28, row * 28 + 28);
        }

        DigitClassifier classifier = DigitClassifier.open(folder, backend());
        try (classifier) {
            Prediction expected = classifier.classify(List.of(prepared), 10).get(0);
            assertEquals(
                    1.0,
                    expected.ranked().stream()
                            .mapToDouble(Prediction.RankedClass::probability)
                            .sum(),
                    1e-5);
            assertEquals(expected, classifier.classify(picture, 10));
            assertEquals(expected, classifier.classify(png, 10));
            assertEquals(expected, classifier.classify(file, 10));
            assertEquals(expected, classifier.classify(rows, 10));
            assertEquals(
                    expected.ranked().subList(0, 3),
                    classifier.classify(rows, 3).ranked());

            assertEquals(
                    "a prepared image has 28 rows, got 27",
                    assertThrows(InvalidInputException.class, () -> classifier.classify(new float[27][28], 1))
                            .getMessage());
            rows[3][4] = 2f;
            assertEquals(
                    "the prepared image holds 2.0; values must be in [0, 1] (divide 8-bit pixels by 255)",
                    assertThrows(InvalidInputException.class, () -> classifier.classify(rows, 1))
                            .getMessage());
            // Every image of a batch is checked, whatever its size and whatever the bad value.
            for (float bad : new float[] {2f, -0.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
                for (int count : new int[] {31, 32, 256}) {
                    List<float[]> batch = new ArrayList<>(Collections.nCopies(count, prepared));
                    float[] spoiled = prepared.clone();
                    spoiled[700] = bad;
                    batch.set(count - 2, spoiled);
                    assertEquals(
                            "prepared image " + (count - 2) + " (of " + count + ") holds " + bad
                                    + "; values must be in [0, 1] (divide 8-bit pixels by 255)",
                            assertThrows(InvalidInputException.class, () -> classifier.classify(batch, 1))
                                    .getMessage());
                }
            }
            List<float[]> edges = new ArrayList<>(Collections.nCopies(40, prepared));
            float[] edge = prepared.clone();
            edge[0] = -0f;
            edge[1] = 1f;
            edges.set(7, edge);
            assertEquals(40, classifier.classify(edges, 1).size());
            assertEquals(
                    "image bytes: not an image mnistlab can read (PNG, JPEG, BMP or GIF)",
                    assertThrows(
                                    InvalidInputException.class,
                                    () -> classifier.classify("not a picture".getBytes(StandardCharsets.UTF_8), 1))
                            .getMessage());
            assertEquals(
                    "topK must be between 1 and 10, got 0",
                    assertThrows(InvalidInputException.class, () -> classifier.classify(picture, 0))
                            .getMessage());
        }
        assertEquals(
                "this classifier is closed",
                assertThrows(IllegalStateException.class, () -> classifier.classify(picture, 1))
                        .getMessage());
    }

    @Test
    void aLongListIsClassifiedInPassesThatAnswerAsImageByImage() {
        Architecture cnn = Architecture.parse("cnn", List.of());
        int count = 2 * cnn.imagesPerPass() + 3;
        SplittableRandom random = new SplittableRandom(5);
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] image = new float[28 * 28];
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) random.nextDouble();
            }
            images.add(image);
        }
        backend();
        try (Model model = UntrainedModel.of(backendName(), "cnn")) {
            DigitClassifier classifier = new DigitClassifier(model, cnn, NamedDataset.MNIST.classNames());
            List<Prediction> together = classifier.classify(images, 10);
            assertEquals(count, together.size());
            for (int i = 0; i < count; i += 7) {
                assertArrayEquals(
                        byClass(classifier.classify(List.of(images.get(i)), 10).get(0)),
                        byClass(together.get(i)),
                        1e-5,
                        "image " + i);
            }
        }
    }

    private static double[] byClass(Prediction prediction) {
        double[] probabilities = new double[prediction.ranked().size()];
        for (Prediction.RankedClass ranked : prediction.ranked()) {
            probabilities[ranked.index()] = ranked.probability();
        }
        return probabilities;
    }

    @Test
    void truncatedLinkedOrForeignParametersAreRejected(@TempDir Path dir) throws IOException {
        DatasetSplits data = DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), 64, 32), NamedDataset.MNIST);
        Path folder = dir.resolve("model");
        try (TrainedModel trained = new ClassifierTrainer(backend())
                .train(
                        TrainingSpec.builder().optLimitBatches(1).build(),
                        data,
                        TrainingProgress.SILENT,
                        RunOutput.checkpointInto(folder))) {
            assertEquals(2, trained.result().epochs().size());
        }
        Path parameters = folder.resolve("model-0002.params");
        byte[] whole = Files.readAllBytes(parameters);
        Files.write(parameters, Arrays.copyOf(whole, whole.length / 2));
        String truncated = assertThrows(
                        InvalidInputException.class, () -> ModelFolder.load(folder, backend(), Device.cpu()))
                .getMessage();
        assertTrue(
                truncated.startsWith(folder + ": its parameters cannot be loaded as the mlp it describes ("),
                truncated);

        Path elsewhere = Files.write(dir.resolve("elsewhere.params"), whole);
        Files.delete(parameters);
        Files.createSymbolicLink(parameters, elsewhere);
        assertEquals(
                parameters + " is a link to " + elsewhere + "; a saved folder's files must be in the folder itself"
                        + " (copy the file in)",
                assertThrows(InvalidInputException.class, () -> ModelFolder.load(folder, backend(), Device.cpu()))
                        .getMessage());

        Files.delete(parameters);
        Files.write(parameters, whole);
        Path descriptor = folder.resolve(ModelFolder.DESCRIPTOR_FILE);
        Files.writeString(
                descriptor,
                Files.readString(descriptor)
                        .replace("\"hidden\": [\n      32\n    ]", "\"hidden\": [\n      64\n    ]"));
        String foreign = assertThrows(
                        InvalidInputException.class, () -> ModelFolder.load(folder, backend(), Device.cpu()))
                .getMessage();
        assertTrue(foreign.startsWith(folder + ": its parameters"), foreign);
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws IOException {
        DatasetSplits data =
                DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), 192, 64), NamedDataset.MNIST);
        for (String model : List.of("mlp", "cnn", "cnn-bn")) {
            // A fixed count, the engine's own (MXNet cannot change it): with auto, each run times the
            // counts anew, and on a busy machine two runs may choose differently, which may change
            // the last digits (seen while a build ran beside). The batch-normalised CNN trains on
            // augmented images: their random changes, and its running statistics, are resumed too.
            TrainingSpec spec = TrainingSpec.builder()
                    .optModel(model)
                    .optAugmentShift(model.equals("cnn-bn") ? 2.0 : null)
                    .optAugmentRotation(model.equals("cnn-bn") ? 10.0 : null)
                    .optEpochs(3)
                    .optLimitBatches(3)
                    .build()
                    .withThreads(ComputeThreads.parse(Integer.toString(backend().computeThreads())));
            Path whole = dir.resolve(model + "-whole");
            Path halted = dir.resolve(model + "-halted");
            ClassifierTrainer trainer = new ClassifierTrainer(backend());
            try (TrainedModel first = trainer.train(
                    spec.withEpochs(1), data, TrainingProgress.SILENT, RunOutput.checkpointInto(halted))) {
                assertEquals(1, first.result().epochs().size());
            }
            try (TrainedModel run =
                            trainer.train(spec, data, TrainingProgress.SILENT, RunOutput.checkpointInto(whole));
                    TrainedModel resumed = resume(trainer, halted, data)) {
                assertEquals(
                        run.result().epochs().size(), resumed.result().epochs().size());
                assertEquals(run.result().testLoss(), resumed.result().testLoss(), model);
                assertEquals(
                        run.result().last().trainLoss(), resumed.result().last().trainLoss(), model);
                PairList<String, Parameter> expected = run.model().getBlock().getParameters();
                PairList<String, Parameter> actual = resumed.model().getBlock().getParameters();
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(
                            expected.valueAt(i).getArray().toByteArray(),
                            actual.valueAt(i).getArray().toByteArray(),
                            model + " " + expected.keyAt(i));
                }
            }
        }
    }

    private static TrainedModel resume(ClassifierTrainer trainer, Path folder, DatasetSplits data) throws IOException {
        TrainingCheckpoint checkpoint = TrainingCheckpoint.read(folder);
        return trainer.resume(
                checkpoint,
                checkpoint.continuedTo(3),
                DeviceChoice.CPU,
                data,
                TrainingProgress.SILENT,
                RunOutput.checkpointInto(folder));
    }

    private int liveArraysAfter(int epochs, DatasetSplits data) {
        TrainingSpec spec =
                TrainingSpec.builder().optEpochs(epochs).optBatchSize(32).build();
        try (TrainedModel trained =
                new ClassifierTrainer(backend()).train(spec, data, TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            return ((BaseNDManager) trained.model().getNDManager())
                    .getManagedArrays()
                    .size();
        }
    }

    /** Runs two steps of an optimizer on w = [1, 2] with the constant gradient [0.5, -1]. */
    private float[][] weightsAfterTwoSteps(String optimizerName) {
        Backend backend = backend();
        try (NDManager manager = backend.engine().newBaseManager(Device.cpu())) {
            Optimizer optimizer = OptimizerSpec.create(optimizerName, null, null, null, null, null, null, null)
                    .newOptimizer(backend, manager);
            NDArray weight = manager.create(new float[] {1f, 2f});
            weight.setRequiresGradient(true);
            NDArray gradientSource = manager.create(new float[] {0.5f, -1f});
            applyStep(backend, optimizer, weight, gradientSource);
            float[] afterOne = weight.toFloatArray();
            applyStep(backend, optimizer, weight, gradientSource);
            return new float[][] {afterOne, weight.toFloatArray()};
        }
    }

    /**
     * Trains an MLP five steps on fixed data; returns its parameters end to end and writes the
     * optimizer's saved state to {@code savedState}.
     */
    private float[] parametersAfterSteps(
            String optimizerName, int hidden, boolean gather, ByteArrayOutputStream savedState) throws IOException {
        Backend backend = backend();
        Architecture mlp = new MlpArchitecture(List.of(hidden));
        try (Model model = Model.newInstance(mlp.name(), Device.cpu(), backend.engineName())) {
            model.setBlock(mlp.newBlock(Architecture.CLASS_COUNT));
            model.getBlock().setInitializer(new SeededInitializer(mlp.weightInit(), 7), Parameter.Type.WEIGHT);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(4, 1, 28, 28));
            StatefulOptimizer optimizer = OptimizerSpec.create(optimizerName, null, null, null, null, null, null, null)
                    .newOptimizer(backend, model.getNDManager());
            List<Parameter> parameters = StatefulOptimizer.parametersOf(model);
            assertEquals(gather && gathersParametersInOneBuffer(), gather && optimizer.gatherParameters(parameters));
            float[] pixels = new float[4 * 28 * 28];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (i * 37 % 101) / 100f;
            }
            for (int step = 0; step < 5; step++) {
                if (backend.changesThreadsAnyTime()) {
                    backend.useThreads(1 + step % 2);
                }
                try (NDManager batch = model.getNDManager().newSubManager()) {
                    NDArray images = batch.create(pixels, new Shape(4, 1, 28, 28));
                    NDArray labels = batch.create(new float[] {1, 7, 3, step});
                    try (GradientCollector collector = backend.engine().newGradientCollector()) {
                        NDList scores =
                                model.getBlock().forward(new ParameterStore(batch, false), new NDList(images), true);
                        collector.backward(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), scores));
                    }
                    optimizer.step(parameters);
                }
            }
            optimizer.saveState(model, new DataOutputStream(savedState));
            return model.getBlock().getParameters().values().stream()
                    .map(parameter -> parameter.getArray().toFloatArray())
                    .reduce(new float[0], BackendContractTest::joined);
        }
    }

    private static float[] joined(float[] first, float[] second) {
        float[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void applyStep(Backend backend, Optimizer optimizer, NDArray weight, NDArray gradientSource) {
        try (GradientCollector collector = backend.engine().newGradientCollector()) {
            collector.backward(weight.mul(gradientSource).sum());
        }
        // A gradient left over from the previous step would double this one.
        assertArrayEquals(gradientSource.toFloatArray(), weight.getGradient().toFloatArray(), 0f);
        optimizer.update("w", weight, weight.getGradient());
    }

    private Shape outputShape(Architecture architecture) {
        try (Model model = newModel(architecture);
                NDManager manager = model.getNDManager().newSubManager()) {
            NDArray images = manager.zeros(new Shape(3, 1, 28, 28), DataType.FLOAT32);
            NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(images), false);
            return out.singletonOrThrow().getShape();
        }
    }

    private long parameterCount(Architecture architecture) {
        try (Model model = newModel(architecture)) {
            return model.getBlock().getParameters().values().stream()
                    .mapToLong(parameter -> parameter.getArray().size())
                    .sum();
        }
    }

    private Model newModel(Architecture architecture) {
        Model model =
                Model.newInstance(architecture.name(), Device.cpu(), backend().engineName());
        model.setBlock(architecture.newBlock(Architecture.CLASS_COUNT));
        model.getBlock().setInitializer(Initializer.ONES, p -> true);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
        return model;
    }
}
