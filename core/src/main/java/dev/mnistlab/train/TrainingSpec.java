package dev.mnistlab.train;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.Augmentation;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.model.MlpArchitecture;
import java.util.List;

/**
 * Everything that determines a training run, validated.
 *
 * <p>Build one with {@link #builder()}; every field has a default, and the defaults reproduce the
 * seed tutorial: the 784-32-10 MLP, RMSProp (lr 0.001, rho 0.9, eps 1e-8), batch 32, 2 epochs,
 * pixels scaled to [0, 1]. Choosing a CNN changes the defaults to Adam (lr 0.001) and batch 64.
 * By default the rate is constant, the targets are not smoothed, nothing is held out for
 * validation and the last epoch is kept.
 *
 * @param architecture the network
 * @param dataset which dataset the run trains on
 * @param epochs passes over the training set
 * @param batchSize images per optimizer step
 * @param optimizer the optimizer and its hyper-parameters
 * @param schedule how the optimizer's learning rate changes over the run
 * @param augmentation the random changes made to each training image every time it is served
 * @param labelSmoothing the share of each training target spread over all classes, 0 for none
 * @param validation what is held out to validate on, and what the run does with it
 * @param seed seeds parameter initialisation and the shuffling of every epoch
 * @param limitBatches stop each epoch after this many batches; 0 for whole epochs
 * @param device where to compute
 * @param threads how many threads the engine computes each operation with
 */
public record TrainingSpec(
        Architecture architecture,
        NamedDataset dataset,
        int epochs,
        int batchSize,
        OptimizerSpec optimizer,
        LearningRateSchedule schedule,
        Augmentation augmentation,
        double labelSmoothing,
        ValidationPlan validation,
        int seed,
        int limitBatches,
        DeviceChoice device,
        ComputeThreads threads) {

    /** The most epochs accepted. */
    public static final int MAX_EPOCHS = 10_000;

    /** The largest batch accepted. */
    public static final int MAX_BATCH_SIZE = 65_536;

    /** The seed used when none is given. */
    public static final int DEFAULT_SEED = 42;

    /** Validates every field; the message names the field and its allowed range. */
    public TrainingSpec {
        requireRange(InputField.EPOCHS, epochs, 1, MAX_EPOCHS);
        requireRange(InputField.BATCH_SIZE, batchSize, 1, MAX_BATCH_SIZE);
        requireRange(InputField.LIMIT_BATCHES, limitBatches, 0, Integer.MAX_VALUE);
        if (architecture == null
                || dataset == null
                || optimizer == null
                || schedule == null
                || augmentation == null
                || validation == null
                || device == null
                || threads == null) {
            throw new IllegalArgumentException(
                    "architecture, dataset, optimizer, schedule, augmentation, validation, device and threads are"
                            + " required");
        }
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new InvalidInputException(
                    InputField.LABEL_SMOOTHING,
                    "labelSmoothing must be at least 0 and less than 1, got " + labelSmoothing);
        }
        schedule.requireFits(epochs);
    }

    /**
     * Returns this spec with another number of epochs, e.g. to continue a run further.
     *
     * @throws InvalidInputException if the number is out of range
     */
    public TrainingSpec withEpochs(int newEpochs) {
        return copy(newEpochs, seed, threads);
    }

    /**
     * Returns this spec with another thread count, e.g. to continue a run on another machine.
     *
     * @param newThreads the count, or {@link ComputeThreads#AUTO}
     */
    public TrainingSpec withThreads(ComputeThreads newThreads) {
        return copy(epochs, seed, newThreads);
    }

    /**
     * Returns this spec with another seed, e.g. for another member of an ensemble.
     *
     * @param newSeed the seed
     */
    public TrainingSpec withSeed(int newSeed) {
        return copy(epochs, newSeed, threads);
    }

    private TrainingSpec copy(int newEpochs, int newSeed, ComputeThreads newThreads) {
        return new TrainingSpec(
                architecture,
                dataset,
                newEpochs,
                batchSize,
                optimizer,
                schedule,
                augmentation,
                labelSmoothing,
                validation,
                newSeed,
                limitBatches,
                device,
                newThreads);
    }

    /** Returns a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    private static void requireRange(InputField field, int value, int min, int max) {
        if (value < min || value > max) {
            String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
            throw new InvalidInputException(field, field.apiName() + " must be " + range + ", got " + value);
        }
    }

    /**
     * Collects the user's choices; any value left unset (or set to null) takes its default.
     * {@link #build()} validates everything in one place.
     */
    public static final class Builder {
        private Recipe recipe;
        private String model;
        private List<Integer> hidden = List.of();
        private String dataset;
        private Integer epochs;
        private Integer batchSize;
        private String optimizer;
        private Double learningRate;
        private Double rho;
        private Double beta1;
        private Double beta2;
        private Double epsilon;
        private Double momentum;
        private Double weightDecay;
        private String scheduleName;
        private Integer stepEpochs;
        private Double decayFactor;
        private Double warmupEpochs;
        private Double labelSmoothing;
        private Double augmentShift;
        private Double augmentRotation;
        private Double augmentScale;
        private Boolean augmentFlip;
        private Double validationFraction;
        private String monitor;
        private Integer patience;
        private String keep;
        private Integer seed;
        private Integer limitBatches;
        private String device = "auto";
        private String threads = "auto";
        private Architecture architecture;
        private OptimizerSpec optimizerSpec;
        private LearningRateSchedule schedule;
        private Augmentation augmentation;
        private ValidationPlan validation;

        private Builder() {}

        /**
         * Starts from a named recipe ({@link Recipe}): its settings fill in whatever is left unset,
         * in place of the plain defaults.
         *
         * @param name {@code mnist} or {@code fashion-mnist}, or null for none
         * @throws InvalidInputException if there is no recipe of that name
         */
        public Builder optRecipe(String name) {
            this.recipe = name == null ? null : Recipe.byId(name);
            return this;
        }

        /** Sets the model: {@code mlp} (default), {@code cnn} or {@code cnn-bn}. */
        public Builder optModel(String model) {
            this.model = model;
            return this;
        }

        /** Sets the MLP's hidden layer widths (default {@code [32]}). */
        public Builder optHidden(List<Integer> hidden) {
            this.hidden = hidden == null ? List.of() : List.copyOf(hidden);
            return this;
        }

        /** Sets the dataset by name: {@code mnist} (default) or {@code fashion-mnist}. */
        public Builder optDataset(String dataset) {
            this.dataset = dataset;
            return this;
        }

        /** Sets the number of epochs (default 2 for the MLP, 1 for the CNN). */
        public Builder optEpochs(Integer epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Sets the batch size (default 32 for the MLP, 64 for the CNN). */
        public Builder optBatchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Sets the optimizer: {@code rmsprop} (MLP default), {@code adam} (CNN default), {@code adamw}
         * or {@code sgd}.
         */
        public Builder optOptimizer(String optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** Sets the learning rate (default 0.001; 0.01 for SGD). */
        public Builder optLearningRate(Double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Sets RMSProp's rho (default 0.9). */
        public Builder optRho(Double rho) {
            this.rho = rho;
            return this;
        }

        /** Sets Adam's beta1 (default 0.9). */
        public Builder optBeta1(Double beta1) {
            this.beta1 = beta1;
            return this;
        }

        /** Sets Adam's beta2 (default 0.999). */
        public Builder optBeta2(Double beta2) {
            this.beta2 = beta2;
            return this;
        }

        /** Sets RMSProp's or Adam's epsilon (default 1e-8). */
        public Builder optEpsilon(Double epsilon) {
            this.epsilon = epsilon;
            return this;
        }

        /** Sets SGD's momentum (default 0). */
        public Builder optMomentum(Double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Sets AdamW's decoupled weight decay (default 0.01). */
        public Builder optWeightDecay(Double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Sets the learning-rate schedule by name: {@code constant} (default), {@code step}, {@code
         * cosine}, {@code warmup-cosine} or {@code one-cycle} ({@link LearningRateSchedule}).
         */
        public Builder optSchedule(String name) {
            this.scheduleName = name;
            return this;
        }

        /** Sets the step schedule's epochs between decays (default 1). */
        public Builder optStepEpochs(Integer stepEpochs) {
            this.stepEpochs = stepEpochs;
            return this;
        }

        /** Sets what each decay of the step schedule multiplies the rate by (default 0.1). */
        public Builder optDecayFactor(Double decayFactor) {
            this.decayFactor = decayFactor;
            return this;
        }

        /** Sets the warm-up of the warmup-cosine schedule, in epochs (default 1). */
        public Builder optWarmupEpochs(Double warmupEpochs) {
            this.warmupEpochs = warmupEpochs;
            return this;
        }

        /**
         * Sets the schedule with all its settings; replaces {@link #optSchedule(String)} and the single
         * settings.
         */
        public Builder optSchedule(LearningRateSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** Sets the label smoothing, 0 (default: none) to below 1. */
        public Builder optLabelSmoothing(Double labelSmoothing) {
            this.labelSmoothing = labelSmoothing;
            return this;
        }

        /** Sets the most pixels an augmented training image moves, 0 to 8 (default 0). */
        public Builder optAugmentShift(Double pixels) {
            this.augmentShift = pixels;
            return this;
        }

        /** Sets the most degrees an augmented training image turns, 0 to 45 (default 0). */
        public Builder optAugmentRotation(Double degrees) {
            this.augmentRotation = degrees;
            return this;
        }

        /** Sets the most an augmented training image grows or shrinks, 0 to 0.5 (default 0). */
        public Builder optAugmentScale(Double fraction) {
            this.augmentScale = fraction;
            return this;
        }

        /** Sets whether half the training images are mirrored left to right each epoch (default false). */
        public Builder optAugmentFlip(Boolean flip) {
            this.augmentFlip = flip;
            return this;
        }

        /** Sets the augmentation whole; replaces the single augmentation settings. */
        public Builder optAugmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Sets the share of the training set held out to validate on, above 0 to 0.5 (default: none). */
        public Builder optValidationFraction(Double fraction) {
            this.validationFraction = fraction;
            return this;
        }

        /** Sets the validation figure watched: {@code loss} (default) or {@code accuracy}. */
        public Builder optMonitor(String monitor) {
            this.monitor = monitor;
            return this;
        }

        /** Stops the run after this many epochs without a better validation figure (default: never). */
        public Builder optPatience(Integer patience) {
            this.patience = patience;
            return this;
        }

        /** Sets whose parameters the run ends with: {@code last} (default) or {@code best}. */
        public Builder optKeep(String keep) {
            this.keep = keep;
            return this;
        }

        /**
         * Sets the validation plan whole; replaces {@link #optValidationFraction}, {@link #optMonitor},
         * {@link #optPatience} and {@link #optKeep}.
         */
        public Builder optValidation(ValidationPlan validation) {
            this.validation = validation;
            return this;
        }

        /** Sets the seed (default {@value TrainingSpec#DEFAULT_SEED}). */
        public Builder optSeed(Integer seed) {
            this.seed = seed;
            return this;
        }

        /** Stops each epoch after this many batches, for quick looks (default 0: whole epochs). */
        public Builder optLimitBatches(Integer limitBatches) {
            this.limitBatches = limitBatches;
            return this;
        }

        /** Sets the device: {@code auto} (default), {@code cpu} or {@code gpu}. */
        public Builder optDevice(String device) {
            this.device = device == null ? this.device : device;
            return this;
        }

        /** Sets the device (default {@link DeviceChoice#AUTO}). */
        public Builder optDevice(DeviceChoice device) {
            return optDevice(device == null ? null : device.toString());
        }

        /** Sets the network, with its hyper-parameters; replaces {@link #optModel} and {@link #optHidden}. */
        public Builder optArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * Sets the optimizer with all its hyper-parameters; replaces {@link #optOptimizer(String)} and the
         * single settings ({@link #optLearningRate} and the others).
         */
        public Builder optOptimizer(OptimizerSpec optimizer) {
            this.optimizerSpec = optimizer;
            return this;
        }

        /** Sets the engine's compute threads: {@code auto} (default) or a count. */
        public Builder optThreads(String threads) {
            this.threads = threads == null ? this.threads : threads;
            return this;
        }

        /** Sets the engine's compute threads (default {@link ComputeThreads#AUTO}). */
        public Builder optThreads(ComputeThreads threads) {
            return optThreads(threads == null ? null : threads.toString());
        }

        /**
         * Validates the choices and fills in the defaults.
         *
         * @throws InvalidInputException naming the first field that is wrong and its allowed values
         */
        public TrainingSpec build() {
            fillInRecipe();
            Architecture network =
                    architecture != null ? architecture : Architecture.parse(model != null ? model : "mlp", hidden);
            boolean cnn = !(network instanceof MlpArchitecture);
            OptimizerSpec optimizerSpec = this.optimizerSpec != null
                    ? this.optimizerSpec
                    : OptimizerSpec.create(
                            optimizer != null ? optimizer : cnn ? "adam" : "rmsprop",
                            learningRate,
                            rho,
                            beta1,
                            beta2,
                            epsilon,
                            momentum,
                            weightDecay);
            return new TrainingSpec(
                    network,
                    NamedDataset.byId(dataset != null ? dataset : NamedDataset.MNIST.id()),
                    epochs != null ? epochs : cnn ? 1 : 2,
                    batchSize != null ? batchSize : cnn ? 64 : 32,
                    optimizerSpec,
                    schedule != null
                            ? schedule
                            : LearningRateSchedule.create(scheduleName, stepEpochs, decayFactor, warmupEpochs),
                    augmentation != null
                            ? augmentation
                            : new Augmentation(
                                    augmentShift != null ? augmentShift : 0,
                                    augmentRotation != null ? augmentRotation : 0,
                                    augmentScale != null ? augmentScale : 0,
                                    augmentFlip != null && augmentFlip),
                    labelSmoothing != null ? labelSmoothing : 0,
                    validation != null
                            ? validation
                            : ValidationPlan.create(validationFraction, monitor, patience, keep),
                    seed != null ? seed : DEFAULT_SEED,
                    limitBatches != null ? limitBatches : 0,
                    DeviceChoice.parse(device),
                    ComputeThreads.parse(threads));
        }

        /** Sets what the caller left unset to the recipe's values, if a recipe was chosen. */
        private void fillInRecipe() {
            if (recipe == null) {
                return;
            }
            boolean recipeOptimizer = optimizer == null && optimizerSpec == null;
            model = model != null || architecture != null ? model : recipe.model();
            dataset = dataset != null ? dataset : recipe.dataset();
            epochs = epochs != null ? epochs : recipe.epochs();
            batchSize = batchSize != null ? batchSize : recipe.batchSize();
            optimizer = recipeOptimizer ? recipe.optimizer() : optimizer;
            if (learningRate == null && recipeOptimizer) {
                learningRate = recipe.learningRate();
            }
            boolean recipeSchedule = scheduleName == null && schedule == null;
            scheduleName = recipeSchedule ? recipe.schedule() : scheduleName;
            labelSmoothing = labelSmoothing != null ? labelSmoothing : recipe.labelSmoothing();
            if (augmentation == null) {
                Augmentation changes = recipe.augmentation();
                augmentShift = augmentShift != null ? augmentShift : changes.maxShift();
                augmentRotation = augmentRotation != null ? augmentRotation : changes.maxRotation();
                augmentScale = augmentScale != null ? augmentScale : changes.maxScale();
                augmentFlip = augmentFlip != null ? augmentFlip : changes.flip();
            }
        }
    }
}
