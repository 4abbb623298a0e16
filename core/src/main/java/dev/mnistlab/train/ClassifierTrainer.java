package dev.mnistlab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EarlyStoppingListener.EarlyStoppedException;
import ai.djl.training.listener.EpochTrainingListener;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.training.tracker.Tracker;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageDataset;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.ValidationSplit;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.eval.EvaluationProgress;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.eval.SoftmaxCrossEntropy;
import dev.mnistlab.eval.internal.RunningScore;
import dev.mnistlab.files.InputFiles;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.model.SeededInitializer;
import dev.mnistlab.train.PhaseClock.Phase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a classifier with DJL's {@link Trainer} on one backend, evaluating on the test set after
 * every epoch.
 *
 * <pre>{@code
 * ClassifierTrainer trainer = new ClassifierTrainer(Backends.get("pytorch"))
 *         .addListeners(TrainingListener.Defaults.logging());        // any DJL listeners
 * try (TrainedModel trained = trainer.train(TrainingSpec.builder().build(), DatasetLoader.load(NamedDataset.MNIST))) {
 *     System.out.println(trained.result().testAccuracy());
 * }
 * }</pre>
 *
 * <p>A run is determined by its {@link TrainingSpec}: the seed fixes parameter initialisation and
 * the shuffled order of every epoch ({@link ImageDataset}, {@link EpochOrder}), and the spec's
 * thread count is applied to the engine first ({@link dev.mnistlab.backend.ComputeThreads}), so the
 * same spec on the same engine, machine and thread count gives the same model. Every run starts
 * with a few forward passes of one batch; with {@code ComputeThreads.AUTO}, an engine that can
 * still change its count and a model that may use several cores, they are timed at one thread and
 * at every core and the faster count is kept. The count used is in the result's {@link
 * RunProvenance}.
 *
 * <p><b>Listeners.</b> The loop is DJL's {@code EasyTrain.fit}'s: each batch's forward and backward
 * pass, then {@code onTrainingBatch}, then the optimizer step (through {@link StatefulOptimizer#step},
 * straight from the gradients, not DJL's {@code Trainer.step()}); the test set is scored after each
 * epoch with {@code onValidationBatch} per batch, then {@code onEpoch}. mnistlab's progress
 * ({@link TrainingProgress}) and checkpoints ({@link EpochCheckpoint}) are listeners on that loop
 * too, notified before the caller's. When the caller adds DJL listeners, DJL's bookkeeping comes
 * with them ({@link EpochTrainingListener}, {@link EvaluatorTrainingListener} with loss and
 * {@link Accuracy}, and the trainer's {@link Metrics}), so DJL's stock listeners (logging, memory,
 * divergence check, early stopping) find what they read; that bookkeeping costs a few engine calls
 * per batch and is left out otherwise. An {@link EarlyStoppedException} ends the run after the
 * current epoch, which is kept. Step phases are timed inside the step ({@link StepPhases}), where no
 * listener can see the boundaries.
 *
 * <p><b>Divergence.</b> A batch whose loss is not a finite number (too high a learning rate, for
 * one) ends the run at once with a {@link TrainingDivergedException}, as Keras' {@code
 * TerminateOnNaN} does; the checkpoint keeps the last complete epoch, whose loss was finite.
 *
 * <p><b>Cancelling.</b> {@link #cancel()} from another thread, or an interrupt of the training
 * thread, stops the run before its next batch with a {@link TrainingCancelledException}; the
 * checkpoint keeps the last complete epoch.
 *
 * <p>Each batch lives in its own native-memory manager, closed as soon as its step is done.
 */
public final class ClassifierTrainer {

    private final Backend backend;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private volatile boolean cancelled;

    /**
     * Creates a trainer for one backend.
     *
     * @param backend the engine to train on
     */
    public ClassifierTrainer(Backend backend) {
        this.backend = backend;
    }

    /** Returns the engine this trainer trains on. */
    Backend backend() {
        return backend;
    }

    /**
     * Adds DJL training listeners to every later run of this trainer.
     *
     * @param added listeners, notified in order after mnistlab's own
     * @return this trainer
     */
    public ClassifierTrainer addListeners(TrainingListener... added) {
        listeners.addAll(List.of(added));
        return this;
    }

    /**
     * Cancels the run in progress (or the next one, if none is running) before its next batch. Safe
     * to call from any thread.
     */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Runs a training without progress reports or checkpoints.
     *
     * @param spec what to train and how
     * @param data training and test images
     * @return the trained model, which the caller must close
     */
    public TrainedModel train(TrainingSpec spec, DatasetSplits data) {
        return train(spec, data, TrainingProgress.SILENT, EpochCheckpoint.NONE);
    }

    /**
     * Runs a training.
     *
     * @param spec what to train and how
     * @param data training and test images
     * @param progress hears about epochs and batches
     * @param checkpoint saves the run after every epoch
     * @return the trained model, which the caller must close
     * @throws java.io.UncheckedIOException if a checkpoint cannot be written
     * @throws TrainingCancelledException if the run was cancelled
     */
    public TrainedModel train(
            TrainingSpec spec, DatasetSplits data, TrainingProgress progress, EpochCheckpoint checkpoint) {
        MemoryBudget.requireTrainingFits(spec.architecture(), data.classNames().size(), spec.batchSize());
        backend.prepareThread();
        int threads = spec.threads().applyTo(backend, spec.architecture().forwardFlops());
        Device device = spec.device().resolve(backend);
        backend.engine().setRandomSeed(spec.seed());
        Model model = newModel(spec, device, data.classNames().size());
        Model kept = model;
        try {
            if (spec.validation().keep() == ValidationPlan.Keep.BEST) {
                kept = spec.architecture().newModel(data.classNames().size(), device, backend.engineName());
            }
            StatefulOptimizer optimizer = spec.optimizer().newOptimizer(backend, model.getNDManager());
            TrainingState state = new TrainingState(model, kept, optimizer, spec.epochs(), List.of());
            return run(state, device, spec, data, RunProvenance.here(data.source(), threads), progress, checkpoint);
        } catch (RuntimeException | Error e) {
            closeBoth(model, kept);
            throw e;
        }
    }

    private Model newModel(TrainingSpec spec, Device device, int classes) {
        Model model = Model.newInstance(spec.architecture().name(), device, backend.engineName());
        model.setBlock(spec.architecture().newBlock(classes));
        return model;
    }

    private static void closeBoth(Model model, Model kept) {
        if (kept != model) {
            kept.close();
        }
        model.close();
    }

    /**
     * Continues a run from its last checkpoint. With the same engine and thread count, the result
     * is the one the uninterrupted run would have given: the parameters, the optimizer's state and
     * the data order of every epoch are restored exactly. A spec with no epochs left returns the
     * checkpoint's model and figures as they are, and so does a run that stopped early: its
     * validation figures say it stops there.
     *
     * @param from the checkpoint, from {@link TrainingCheckpoint#read}
     * @param spec the run's spec with the total epochs wanted, from {@link TrainingCheckpoint#continuedTo}
     * @param device where to compute
     * @param data the run's training and test images
     * @param progress hears about epochs and batches
     * @param checkpoint saves the run after every epoch
     * @return the trained model, which the caller must close
     * @throws dev.mnistlab.InvalidInputException if the checkpoint cannot be loaded
     * @throws TrainingCancelledException if the run was cancelled
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
        backend.prepareThread();
        int threads = spec.threads().applyTo(backend, spec.architecture().forwardFlops());
        Device resolved = device.resolve(backend);
        Model kept = ModelFolder.load(from.folder(), from.descriptor(), backend, resolved);
        Model model = kept;
        try {
            if (spec.validation().keep() == ValidationPlan.Keep.BEST) {
                model = ModelFolder.loadLastEpoch(from.folder(), from.descriptor(), backend, resolved);
            }
            StatefulOptimizer optimizer = spec.optimizer().newOptimizer(backend, model.getNDManager());
            Path stateFile = from.folder().resolve(TrainingCheckpoint.STATE_FILE);
            byte[] saved = InputFiles.readOwn(stateFile, optimizer.savedBytesAtMost(model), "an optimizer state");
            try {
                optimizer.loadState(model, saved);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        stateFile + ": " + e.getMessage() + "; this checkpoint cannot be resumed (its model can"
                                + " still be evaluated and used)",
                        e);
            }
            TrainingState state = new TrainingState(model, kept, optimizer, spec.epochs(), from.completed());
            return run(state, resolved, spec, data, RunProvenance.here(data.source(), threads), progress, checkpoint);
        } catch (IOException | RuntimeException | Error e) {
            closeBoth(model, kept);
            throw e;
        }
    }

    private TrainedModel run(
            TrainingState state,
            Device device,
            TrainingSpec spec,
            DatasetSplits data,
            RunProvenance startProvenance,
            TrainingProgress progress,
            EpochCheckpoint checkpoint) {
        RunProvenance provenance = startProvenance;
        BackendInfo info = backend.describe();
        if (!state.finished.isEmpty()) {
            state.result = new TrainingResult(
                    spec, data.classNames(), info, device.toString(), state.finished, Instant.now(), provenance);
        }
        try (Trainer trainer = state.model.newTrainer(trainingConfig(spec, device, state, progress, checkpoint))) {
            if (!listeners.isEmpty()) {
                trainer.setMetrics(new Metrics());
            }
            ImageSet train = data.train();
            ImageSet validation = null;
            if (spec.validation().validates()) {
                ValidationSplit split =
                        ValidationSplit.holdOut(train, spec.validation().fraction(), spec.seed());
                train = split.train();
                validation = split.validation();
            }
            Shape batchShape = new Shape(spec.batchSize(), 1, train.rows(), train.cols());
            // The trainer keeps the parameter arrays it sees when it initializes: gather them first.
            state.model.getBlock().initialize(state.model.getNDManager(), state.model.getDataType(), batchShape);
            state.optimizer.gatherParameters(state.parameters);
            trainer.initialize(batchShape);
            if (state.finished.size() < spec.epochs()) {
                int threads = provenance.computeThreads();
                int[] candidates = spec.threads().isAuto() && threads > 1 && !backend.threadsFixed()
                        ? new int[] {threads, 1}
                        : new int[] {threads};
                provenance = provenance.withComputeThreads(FastestThreadCount.choose(
                        backend, state.model.getBlock(), trainer.getManager(), batchShape, candidates));
                info = backend.describe();
            }
            ImageDataset epochs = ImageDataset.builder(train)
                    .setSampling(spec.batchSize(), true)
                    .optSeed(spec.seed())
                    .optAugmentation(spec.augmentation())
                    .build();
            int stepsPerEpoch = spec.limitBatches() > 0
                    ? Math.min(epochs.batchesPerEpoch(), spec.limitBatches())
                    : epochs.batchesPerEpoch();
            EpochPlan plan = new EpochPlan(
                    epochs, validation, spec.schedule().tracker(stepsPerEpoch, spec.epochs()), stepsPerEpoch);
            for (state.epoch = state.finished.size() + 1;
                    state.epoch <= spec.epochs() && !spec.validation().stopsAfter(state.finished);
                    state.epoch++) {
                state.finished.add(runEpoch(trainer, plan, spec, data, state));
                state.keepIfBest(spec.validation());
                state.result = new TrainingResult(
                        spec, data.classNames(), info, device.toString(), state.finished, Instant.now(), provenance);
                try {
                    trainer.notifyListeners(listener -> listener.onEpoch(trainer));
                } catch (EarlyStoppedException stopped) {
                    break;
                }
            }
        } finally {
            cancelled = false;
        }
        return new TrainedModel(state.kept, state.model, state.optimizer, state.result);
    }

    private DefaultTrainingConfig trainingConfig(
            TrainingSpec spec,
            Device device,
            TrainingState state,
            TrainingProgress progress,
            EpochCheckpoint checkpoint) {
        DefaultTrainingConfig config = new DefaultTrainingConfig(new SoftmaxCrossEntropy(spec.labelSmoothing()))
                .optInitializer(
                        new SeededInitializer(spec.architecture().weightInit(), spec.seed()), Parameter.Type.WEIGHT)
                .optOptimizer(state.optimizer)
                .optDevices(new Device[] {device});
        if (!listeners.isEmpty()) {
            config.addEvaluator(new Accuracy());
            if (listeners.stream().noneMatch(EvaluatorTrainingListener.class::isInstance)) {
                config.addTrainingListeners(new EpochTrainingListener(), new EvaluatorTrainingListener());
            }
        }
        config.addTrainingListeners(new ProgressListener(progress, state), new CheckpointListener(checkpoint, state));
        return config.addTrainingListeners(listeners.toArray(TrainingListener[]::new));
    }

    /**
     * What every epoch of a run shares: its batches, its held-out images (null when none), its
     * learning-rate factors by step and its steps per epoch.
     */
    private record EpochPlan(ImageDataset epochs, ImageSet validation, Tracker rates, int stepsPerEpoch) {}

    private EpochMetrics runEpoch(
            Trainer trainer, EpochPlan plan, TrainingSpec spec, DatasetSplits data, TrainingState state) {
        state.batches = plan.stepsPerEpoch();
        // The engine's generator draws dropout's masks: seeded anew each epoch, from the run's seed and
        // the epoch alone, a resumed run draws the masks the uninterrupted one drew.
        backend.engine().setRandomSeed(Objects.hash(spec.seed(), state.epoch));
        RunningScore score = new RunningScore();
        PhaseClock clock = new PhaseClock(backend);
        long start = System.nanoTime();
        Iterator<Batch> batches =
                plan.epochs().epoch(trainer.getManager(), state.epoch).iterator();
        double baseRate = spec.optimizer().learningRate();
        double rate = baseRate;
        for (state.batch = 1; state.batch <= state.batches; state.batch++) {
            requireNotCancelled(state);
            clock.startStep();
            int step = (state.epoch - 1) * plan.stepsPerEpoch() + state.batch - 1;
            rate = baseRate * plan.rates().getNewValue(step);
            state.optimizer.setLearningRate(rate);
            try (Batch batch = batches.next()) {
                clock.end(Phase.BATCHING);
                trainStep(trainer, batch, score, clock, state);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation train = score.result();
        long evaluationStart = System.nanoTime();
        Evaluation test = ModelEvaluator.evaluate(
                        trainer.getModel(),
                        data.test(),
                        spec.architecture().imagesPerPass(),
                        data.classNames().size(),
                        EvaluationProgress.NONE,
                        (batch, logits) -> trainer.notifyListeners(
                                listener -> listener.onValidationBatch(trainer, batchData(trainer, batch, logits))))
                .summary();
        Evaluation validation = plan.validation() == null
                ? null
                : ModelEvaluator.evaluate(
                                trainer.getModel(),
                                plan.validation(),
                                spec.architecture().imagesPerPass(),
                                data.classNames().size())
                        .summary();
        double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;
        return new EpochMetrics(
                state.epoch,
                train.loss(),
                train.accuracy(),
                test.loss(),
                test.accuracy(),
                seconds,
                train.count() / seconds,
                evaluationSeconds,
                clock.phases(),
                validation == null ? Double.NaN : validation.loss(),
                validation == null ? Double.NaN : validation.accuracy(),
                rate);
    }

    private void requireNotCancelled(TrainingState state) {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new TrainingCancelledException(state.epoch, state.batch, state.finished.size());
        }
    }

    private static void trainStep(
            Trainer trainer, Batch batch, RunningScore score, PhaseClock clock, TrainingState state) {
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
        state.soFar = score.result();
        if (!Double.isFinite(state.soFar.loss())) {
            throw new TrainingDivergedException(state.epoch, state.batch, state.finished.size());
        }
        trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, batchData(trainer, batch, logits)));
        clock.end(Phase.SCORING);
        state.optimizer.step(state.parameters);
        clock.end(Phase.OPTIMIZER);
    }

    private static BatchData batchData(Trainer trainer, Batch batch, NDList logits) {
        Device device = trainer.getDevices()[0];
        return new BatchData(batch, Map.of(device, batch.getLabels()), Map.of(device, logits));
    }
}
