package dev.mnistlab.examples;

import ai.djl.Model;
import ai.djl.basicdataset.cv.classification.Mnist;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.repository.Repository;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.SeededSampler;
import dev.mnistlab.model.SeededInitializer;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * DJL's own MNIST dataset (ai.djl:basicdataset's {@code Mnist}) read from local files, training
 * mnistlab's MLP with DJL's {@code EasyTrain}: the tutorial's settings, no network. Run it with a
 * folder holding the four MNIST {@code .gz} files and a folder for the local repository.
 *
 * <p>basicdataset finds its files through a DJL {@code Repository}; a local one is a folder with a
 * {@code metadata.json} per dataset. The one written here points at the files where they are, so
 * DJL copies and unpacks them into its cache ({@code DJL_CACHE_DIR}) instead of downloading.
 */
public final class BasicDatasetExample {

    private BasicDatasetExample() {}

    public static void main(String[] args) throws IOException, TranslateException {
        Path mnistFolder = Path.of(args[0]).toAbsolutePath();
        Repository local = Repository.newInstance("local-mnist", writeRepository(mnistFolder, Path.of(args[1])));

        TrainingSpec spec = TrainingSpec.builder().build(); // MLP 784-32-10, RMSprop, batch 32, 2 epochs
        Backend backend = Backends.get("pytorch");
        spec.threads().applyTo(backend, spec.architecture().forwardFlops()); // auto: 1 thread for the MLP
        try (NDManager data = backend.engine().newBaseManager();
                Model model = Model.newInstance("mlp", spec.device().resolve(backend), backend.engineName())) {
            Mnist train = Mnist.builder()
                    .optRepository(local)
                    .optManager(data)
                    .optUsage(Dataset.Usage.TRAIN)
                    .setSampling(new SeededSampler(spec.batchSize(), spec.seed())) // mnistlab's epoch order
                    .build();
            Mnist test = Mnist.builder()
                    .optRepository(local)
                    .optManager(data)
                    .optUsage(Dataset.Usage.TEST)
                    .setSampling(1000, false)
                    .build();
            train.prepare();
            test.prepare();

            model.setBlock(spec.architecture().newBlock(10));
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optInitializer(
                            new SeededInitializer(spec.architecture().weightInit(), spec.seed()), Parameter.Type.WEIGHT)
                    .optOptimizer(spec.optimizer().newOptimizer(backend, model.getNDManager()))
                    .addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.setMetrics(new Metrics());
                trainer.initialize(new Shape(spec.batchSize(), 1, 28, 28));
                EasyTrain.fit(trainer, spec.epochs(), train, test);
                System.out.printf(
                        Locale.ROOT,
                        "basicdataset Mnist, %d + %d images from %s: test accuracy %.4f after %d epochs%n",
                        train.size(),
                        test.size(),
                        mnistFolder,
                        trainer.getTrainingResult().getValidateEvaluation("Accuracy"),
                        spec.epochs());
            }
        }
    }

    /** Writes a local DJL repository whose MNIST artifact is the given folder's four files. */
    private static Path writeRepository(Path mnistFolder, Path root) throws IOException {
        Path artifact = root.resolve("dataset/cv/ai/djl/basicdataset/mnist");
        Files.createDirectories(artifact);
        String metadata = """
                {
                  "metadataVersion": "0.2",
                  "resourceType": "dataset",
                  "application": "cv",
                  "groupId": "ai.djl.basicdataset",
                  "artifactId": "mnist",
                  "name": "mnist",
                  "artifacts": [{
                    "version": "1.0",
                    "snapshot": false,
                    "files": {
                      "train_data": {"uri": "%1$s/train-images-idx3-ubyte.gz"},
                      "train_labels": {"uri": "%1$s/train-labels-idx1-ubyte.gz"},
                      "test_data": {"uri": "%1$s/t10k-images-idx3-ubyte.gz"},
                      "test_labels": {"uri": "%1$s/t10k-labels-idx1-ubyte.gz"}
                    }
                  }]
                }
                """.formatted(mnistFolder.toUri().toString().replaceAll("/$", ""));
        Files.writeString(artifact.resolve("metadata.json"), metadata, StandardCharsets.UTF_8);
        return root;
    }
}
