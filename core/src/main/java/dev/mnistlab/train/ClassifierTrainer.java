package dev.mnistlab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageBatcher;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.eval.RunningScore;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.model.SeededInitializer;
import dev.mnistlab.train.PhaseClock.Phase;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a classifier with DJL's {@link Trainer} on one backend, evaluating on the test set after
 * every epoch.
 *
 * <p>A run is determined by its {@link TrainingSpec}: the seed fixes parameter initialisation (via
 * the engine's generator) and the shuffled order of every epoch (via {@link EpochOrder}), so the
 * same spec on the same engine and machine gives the same model. Each batch lives in its own
 * native-memory manager, closed as soon as its step is done.
 */
public final class ClassifierTrainer {

    private static final int EVALUATION_BATCH_SIZE = 1000;

    private final Backend backend;

    /**
     * Creates a trainer for one backend.
     *
     * @param backend the engine to train on
     */
    public ClassifierTrainer(Backend backend) {
        this.backend = backend;
    }

    /**
     * Runs a training.
     *
     * @param spec what to train and how
     * @param data training and test images
     * @param progress hears about epochs and batches
     * @param checkpoint saves the run after every epoch
     * @return the trained model, which the caller must close
     * @throws UncheckedIOException if a checkpoint cannot be written
     */
    public TrainedModel train(
            TrainingSpec spec, DatasetSplits data, TrainingProgress progress, EpochCheckpoint checkpoint) {
        Device device = spec.device().resolve(backend);
        backend.engine().setRandomSeed(spec.seed());
        Model model = Model.newInstance(spec.architecture().name(), device, backend.engineName());
        try {
            model.setBlock(spec.architecture().newBlock(data.classNames().size()));
            return run(
                    model,
                    device,
                    spec,
                    spec.optimizer().newOptimizer(backend, model.getNDManager()),
                    List.of(),
                    data,
                    progress,
                    checkpoint);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * Continues a run from its last checkpoint. With the same engine, the result is the one the
     * uninterrupted run would have given: the parameters, the optimizer's state and the data order
     * of every epoch are restored exactly.
     *
     * @param from the checkpoint, from {@link TrainingCheckpoint#read}
     * @param spec the run's spec with the total epochs wanted, from {@link TrainingCheckpoint#continuedTo}
     * @param device where to compute
     * @param data the run's training and test images
     * @param progress hears about epochs and batches
     * @param checkpoint saves the run after every epoch
     * @return the trained model, which the caller must close
     * @throws dev.mnistlab.InvalidInputException if the checkpoint cannot be loaded
     */
    public TrainedModel resume(
            TrainingCheckpoint from,
            TrainingSpec spec,
            DeviceChoice device,
            DatasetSplits data,
            TrainingProgress progress,
            EpochCheckpoint checkpoint)
            throws IOException {
        data.requireClassNames(from.descriptor().classNames());
        Device resolved = device.resolve(backend);
        Model model = ModelFolder.load(from.folder(), from.descriptor(), backend, resolved);
        try (DataInputStream state = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(from.folder().resolve(TrainingCheckpoint.STATE_FILE))))) {
            StatefulOptimizer optimizer = spec.optimizer().newOptimizer(backend, model.getNDManager());
            optimizer.loadState(model, state);
            return run(model, resolved, spec, optimizer, from.completed(), data, progress, checkpoint);
        } catch (IOException | RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private TrainedModel run(
            Model model,
            Device device,
            TrainingSpec spec,
            StatefulOptimizer optimizer,
            List<EpochMetrics> completed,
            DatasetSplits data,
            TrainingProgress progress,
            EpochCheckpoint checkpoint) {
        BackendInfo info = backend.describe();
        List<EpochMetrics> epochs = new ArrayList<>(completed);
        TrainingResult result = null;
        try (Trainer trainer = model.newTrainer(trainingConfig(spec, device, optimizer))) {
            ImageSet train = data.train();
            trainer.initialize(new Shape(spec.batchSize(), 1, train.rows(), train.cols()));
            ImageBatcher batcher = new ImageBatcher(train, spec.batchSize());
            for (int epoch = completed.size() + 1; epoch <= spec.epochs(); epoch++) {
                epochs.add(runEpoch(trainer, batcher, spec, data, epoch, progress));
                result = new TrainingResult(spec, data.classNames(), info, device.toString(), epochs, Instant.now());
                checkpoint.save(model, optimizer, result);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the epoch's checkpoint: " + e.getMessage(), e);
        }
        return new TrainedModel(model, optimizer, result);
    }

    private static DefaultTrainingConfig trainingConfig(TrainingSpec spec, Device device, StatefulOptimizer optimizer) {
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optInitializer(
                        new SeededInitializer(spec.architecture().weightInit(), spec.seed()), Parameter.Type.WEIGHT)
                .optOptimizer(optimizer)
                .optDevices(new Device[] {device});
    }

    private EpochMetrics runEpoch(
            Trainer trainer,
            ImageBatcher batcher,
            TrainingSpec spec,
            DatasetSplits data,
            int epoch,
            TrainingProgress progress) {
        int size = data.train().size();
        int[] order = EpochOrder.shuffled(size, spec.seed(), epoch);
        int batches = (size + spec.batchSize() - 1) / spec.batchSize();
        if (spec.limitBatches() > 0) {
            batches = Math.min(batches, spec.limitBatches());
        }
        progress.onEpochStart(epoch, spec.epochs(), batches);
        RunningScore score = new RunningScore();
        PhaseClock clock = new PhaseClock(backend);
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            int from = b * spec.batchSize();
            int to = Math.min(size, from + spec.batchSize());
            clock.startStep();
            try (Batch batch = batcher.batch(trainer.getManager().newSubManager(), order, from, to)) {
                clock.end(Phase.BATCHING);
                trainStep(trainer, batch, score, clock);
            }
            progress.onBatch(epoch, b + 1, batches, score.result());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation train = score.result();
        long evaluationStart = System.nanoTime();
        Evaluation test = ModelEvaluator.evaluate(
                        trainer.getModel(),
                        data.test(),
                        EVALUATION_BATCH_SIZE,
                        data.classNames().size())
                .summary();
        double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;
        EpochMetrics metrics = new EpochMetrics(
                epoch,
                train.loss(),
                train.accuracy(),
                test.loss(),
                test.accuracy(),
                seconds,
                train.count() / seconds,
                evaluationSeconds,
                clock.phases());
        progress.onEpochEnd(metrics);
        return metrics;
    }

    private static void trainStep(Trainer trainer, Batch batch, RunningScore score, PhaseClock clock) {
        NDList labels = batch.getLabels();
        NDList logits;
        NDArray loss;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            logits = trainer.forward(batch.getData());
            loss = trainer.getLoss().evaluate(labels, logits);
            collector.backward(loss);
        }
        clock.end(Phase.FORWARD_BACKWARD);
        score.add(logits.singletonOrThrow(), labels.singletonOrThrow(), loss);
        clock.end(Phase.SCORING);
        trainer.step();
        clock.end(Phase.OPTIMIZER);
    }
}
