package dev.mnistlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.metric.Metrics;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Record;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.DivergenceCheckTrainingListener;
import ai.djl.training.listener.EarlyStoppingListener;
import ai.djl.training.listener.LoggingTrainingListener;
import ai.djl.training.listener.MemoryTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import com.google.gson.JsonParser;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageDataset;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistTranslatorFactory;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.ImageFolders;
import dev.mnistlab.testing.Pictures;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingCancelledException;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mnistlab meets DJL at DJL's own types, on every backend: its data is a DJL dataset that {@code
 * EasyTrain} trains on, its trainer takes DJL's listeners and can be cancelled, its saved folders
 * load through DJL's {@code Criteria}, and its classifier answers with DJL's types.
 */
public abstract class DjlSeamsContractTest {

    /** 256 training images: 8 batches of 32 an epoch. */
    private static final int TRAIN_IMAGES = 256;

    private static final int BATCH = 32;

    @TempDir
    Path dir;

    private DatasetSplits data;

    /** Returns the name of the backend under test, e.g. {@code pytorch}. */
    protected abstract String backendName();

    private Backend backend() {
        return Backends.get(backendName());
    }

    @BeforeEach
    void writeData() throws IOException {
        data = DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("data"), TRAIN_IMAGES, 64), NamedDataset.MNIST);
    }

    @Test
    void easyTrainFitsAMnistlabBlockOnAMnistlabDatasetWithDjlListeners() throws Exception {
        Backend backend = backend();
        Counts counts = new Counts();
        try (Model model = Model.newInstance("mlp", Device.cpu(), backend.engineName())) {
            model.setBlock(MlpArchitecture.seed().newBlock(10));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .addEvaluator(new Accuracy())
                    .optOptimizer(
                            TrainingSpec.builder().build().optimizer().newOptimizer(backend, model.getNDManager()))
                    .addTrainingListeners(TrainingListener.Defaults.basic())
                    .addTrainingListeners(counts);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.setMetrics(new Metrics());
                trainer.initialize(new Shape(BATCH, 1, 28, 28));
                ImageDataset train = ImageDataset.builder(data.train())
                        .setSampling(BATCH, true)
                        .optSeed(7)
                        .build();
                ImageDataset test =
                        ImageDataset.builder(data.test()).setSampling(64, false).build();

                EasyTrain.fit(trainer, 2, train, test);

                assertEquals(2 * TRAIN_IMAGES / BATCH, counts.trainingBatches);
                assertEquals(2, counts.validationBatches);
                assertEquals(2, counts.epochs);
                assertNotNull(trainer.getTrainingResult().getValidateLoss());
                assertTrue(trainer.getTrainingResult().getEvaluations().containsKey("validate_Accuracy"));
            }
        }
    }

    @Test
    void datasetRecordsAreScaledImagesWithTheirLabels() throws Exception {
        ImageDataset set =
                ImageDataset.builder(data.test()).setSampling(8, false).build();
        try (NDManager manager = backend().engine().newBaseManager()) {
            Record record = set.get(manager, 5);
            assertEquals(
                    new Shape(1, 28, 28), record.getData().singletonOrThrow().getShape());
            assertEquals(data.test().label(5), (int)
                    record.getLabels().singletonOrThrow().getFloat());
            float[] expected = data.test().scaledImage(5);
            float[] actual = record.getData().singletonOrThrow().toFloatArray();
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 0f);
            }
            assertEquals(64, set.size());
            assertEquals(8, set.batchesPerEpoch());
        }
    }

    @Test
    void stockListenersWorkOnAMnistlabTrainingAndEarlyStoppingEndsIt() {
        Counts counts = new Counts();
        EarlyStoppingListener stopAfterTheFirstEpoch =
                EarlyStoppingListener.builder().optMaxMillis(1).build();
        ClassifierTrainer trainer = new ClassifierTrainer(backend())
                .addListeners(
                        new DivergenceCheckTrainingListener(),
                        new MemoryTrainingListener(),
                        new LoggingTrainingListener(),
                        counts,
                        stopAfterTheFirstEpoch);
        try (TrainedModel trained = trainer.train(spec(3), data)) {
            assertEquals(1, trained.result().epochs().size(), "early stopping kept the first epoch only");
            assertEquals(TRAIN_IMAGES / BATCH, counts.trainingBatches);
            assertEquals(1, counts.validationBatches, "the test set is scored in one batch of 1000");
            assertEquals(1, counts.epochs);
        }
    }

    @Test
    void cancellingStopsWithinOneBatchAndKeepsTheLastCheckpoint() throws IOException {
        Path folder = dir.resolve("run");
        ClassifierTrainer trainer = new ClassifierTrainer(backend());
        Counts counts = new Counts();
        trainer.addListeners(counts, new TrainingListenerAdapter() {
            @Override
            public void onTrainingBatch(Trainer djlTrainer, BatchData batchData) {
                if (counts.trainingBatches == TRAIN_IMAGES / BATCH + 2) {
                    trainer.cancel();
                }
            }
        });

        TrainingCancelledException cancelled = assertThrows(
                TrainingCancelledException.class,
                () -> trainer.train(spec(3), data, TrainingProgress.SILENT, RunOutput.checkpointInto(folder)));

        assertEquals(TRAIN_IMAGES / BATCH + 2, counts.trainingBatches, "stopped before the next batch");
        assertEquals(1, cancelled.completedEpochs());
        assertEquals(
                "training cancelled in epoch 2 before batch 3; 1 complete epoch kept by the checkpoint",
                cancelled.getMessage());
        assertEquals(
                1,
                JsonParser.parseString(Files.readString(folder.resolve("metrics.json")))
                        .getAsJsonObject()
                        .getAsJsonArray("epochs")
                        .size());
        try (TrainedModel again = trainer.train(spec(1), data)) {
            assertEquals(1, again.result().epochs().size(), "a cancel applies to one run only");
        }
    }

    @Test
    void interruptingTheTrainingThreadCancelsTheRun() throws InterruptedException {
        ClassifierTrainer trainer = new ClassifierTrainer(backend());
        trainer.addListeners(new TrainingListenerAdapter() {
            @Override
            public void onTrainingBatch(Trainer djlTrainer, BatchData batchData) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread training = new Thread(() -> {
            try {
                trainer.train(spec(2), data).close();
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        training.start();
        training.join();

        TrainingCancelledException cancelled = assertInstanceOfCancelled(thrown.get());
        assertEquals(
                "training cancelled in epoch 1 before batch 2; 0 complete epochs kept by the checkpoint",
                cancelled.getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt stays set for the caller");
    }

    @Test
    void threadCountIsAppliedAndRecorded() {
        Backend backend = backend();
        boolean fixedBefore = backend.threadsFixed();
        try (TrainedModel trained = new ClassifierTrainer(backend).train(spec(1), data)) {
            int used = trained.result().provenance().computeThreads();
            assertEquals(backend.computeThreads(), used);
            if (!fixedBefore) {
                assertEquals(1, used, "auto gives the small MLP one thread");
            }
            assertEquals(data.source(), trained.result().provenance().data());
        }
    }

    @Test
    void savedFolderLoadsThroughDjlCriteriaAndAnswersAsDigitClassifier() throws Exception {
        Path folder = dir.resolve("model");
        try (TrainedModel trained = new ClassifierTrainer(backend()).train(spec(1), data)) {
            RunOutput.save(trained, folder);
        }
        Criteria<Image, Classifications> criteria = Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optModelPath(folder)
                .optEngine(backend().engineName())
                .optTranslatorFactory(new MnistTranslatorFactory())
                .build();
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pictures.add(ImageFolders.grey(data.test(), i));
        }
        try (ZooModel<Image, Classifications> zooModel = criteria.loadModel();
                Predictor<Image, Classifications> predictor = zooModel.newPredictor();
                DigitClassifier classifier = DigitClassifier.open(folder, backend(), Device.cpu())) {
            List<Image> images = pictures.stream()
                    .map(picture -> ImageFactory.getInstance().fromImage(picture))
                    .toList();
            List<Classifications> batch = predictor.batchPredict(images);
            List<Prediction> together = classifier.classifyPictures(pictures, 10);
            for (int i = 0; i < pictures.size(); i++) {
                Classifications djl = predictor.predict(images.get(i));
                assertSameAnswer(djl, classifier.classify(pictures.get(i), 10).toClassifications());
                assertSameAnswer(
                        batch.get(i), classifier.classify(images.get(i), 10).toClassifications());
                assertSameAnswer(djl, together.get(i).toClassifications());
                byte[] png = Pictures.encoded(pictures.get(i), "png");
                assertSameAnswer(
                        djl,
                        classifier.classify(new ByteArrayInputStream(png), 10).toClassifications());
            }
        }
    }

    private static void assertSameAnswer(Classifications expected, Classifications actual) {
        assertEquals(expected.getClassNames().size(), actual.getClassNames().size());
        for (String name : expected.getClassNames()) {
            assertEquals(expected.get(name).getProbability(), actual.get(name).getProbability(), 1e-6, name);
        }
        assertEquals(expected.best().getClassName(), actual.best().getClassName());
    }

    private static TrainingCancelledException assertInstanceOfCancelled(Throwable thrown) {
        assertTrue(thrown instanceof TrainingCancelledException, String.valueOf(thrown));
        return (TrainingCancelledException) thrown;
    }

    private static TrainingSpec spec(int epochs) {
        return TrainingSpec.builder().optEpochs(epochs).optBatchSize(BATCH).build();
    }

    /** Counts what DJL tells its listeners. */
    private static final class Counts extends TrainingListenerAdapter {
        int trainingBatches;
        int validationBatches;
        int epochs;

        @Override
        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
            trainingBatches++;
        }

        @Override
        public void onValidationBatch(Trainer trainer, BatchData batchData) {
            validationBatches++;
        }

        @Override
        public void onEpoch(Trainer trainer) {
            epochs++;
        }
    }
}
