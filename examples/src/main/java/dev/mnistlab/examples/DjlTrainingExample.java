package dev.mnistlab.examples;

import ai.djl.Model;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageDataset;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.model.SeededInitializer;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.OptimizerSpec;
import dev.mnistlab.train.TrainingCancelledException;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * mnistlab's pieces in DJL's own training loop: a mnistlab network and optimizer, trained by {@code
 * EasyTrain.fit} on mnistlab datasets, with DJL's listeners; then a mnistlab training cancelled from
 * a listener. Run it with an MNIST folder (or none, to use or download MNIST).
 */
public final class DjlTrainingExample {

    private DjlTrainingExample() {}

    public static void main(String[] args) throws IOException, TranslateException {
        DatasetSplits mnist = args.length > 0
                ? DatasetLoader.load(Path.of(args[0]), NamedDataset.MNIST)
                : DatasetLoader.load(NamedDataset.MNIST);
        Backend backend = Backends.get("pytorch");
        TrainingSpec spec = TrainingSpec.builder().build(); // the tutorial's MLP, RMSprop, batch 32
        spec.threads().applyTo(backend, spec.architecture().forwardFlops()); // auto: 1 thread for the MLP

        // 1. DJL's EasyTrain.fit on mnistlab data: ImageDataset is a DJL RandomAccessDataset.
        ImageDataset train = ImageDataset.builder(mnist.train())
                .setSampling(spec.batchSize(), true)
                .optSeed(spec.seed())
                .build();
        ImageDataset test =
                ImageDataset.builder(mnist.test()).setSampling(1000, false).build();
        try (Model model = Model.newInstance("mlp", spec.device().resolve(backend), backend.engineName())) {
            model.setBlock(MlpArchitecture.seed().newBlock(10));
            OptimizerSpec rmsProp = spec.optimizer();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optInitializer(
                            new SeededInitializer(spec.architecture().weightInit(), spec.seed()), Parameter.Type.WEIGHT)
                    .optOptimizer(rmsProp.newOptimizer(backend, model.getNDManager()))
                    .addEvaluator(new Accuracy())
                    .addTrainingListeners(TrainingListener.Defaults.basic()); // a DJL listener set
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.setMetrics(new Metrics());
                trainer.initialize(new Shape(spec.batchSize(), 1, 28, 28));
                EasyTrain.fit(trainer, spec.epochs(), train, test);
                TrainingResult result = trainer.getTrainingResult();
                System.out.printf(
                        Locale.ROOT,
                        "EasyTrain.fit: test accuracy %.4f after %d epochs%n",
                        result.getValidateEvaluation("Accuracy"),
                        result.getEpoch());
            }
        }

        // 2. Cancel a mnistlab training: from a listener here, from any thread in an app.
        ClassifierTrainer trainer = new ClassifierTrainer(backend);
        trainer.addListeners(new TrainingListenerAdapter() {
            private int batches;

            @Override
            public void onTrainingBatch(Trainer djlTrainer, BatchData batch) {
                if (++batches == 100) {
                    trainer.cancel();
                }
            }
        });
        try {
            trainer.train(spec, mnist).close();
        } catch (TrainingCancelledException cancelled) {
            System.out.println("cancelled: " + cancelled.getMessage());
        }
    }
}
