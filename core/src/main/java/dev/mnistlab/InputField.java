package dev.mnistlab;

/**
 * The inputs of mnistlab's API that an {@link InvalidInputException} can be about, each with the
 * name the API gives it: a builder field, a method parameter or a folder.
 *
 * <p>A message about a field starts with that name ({@code "topK must be between 1 and 10, got
 * 0"}), so a front end can put its own word for the input in its place: the command line shows
 * {@code --top-k} there.
 */
public enum InputField {
    /** The network: {@code TrainingSpec.Builder.optModel} or {@code optArchitecture}. */
    ARCHITECTURE("architecture"),
    /** The MLP's hidden layer widths: {@code TrainingSpec.Builder.optHidden}. */
    HIDDEN_LAYERS("hiddenLayers"),
    /** The dataset's name: {@code TrainingSpec.Builder.optDataset}, {@code NamedDataset.byId}. */
    DATASET("dataset"),
    /** A folder of data files: {@code DatasetLoader.load}, {@code DatasetLocator.locate}. */
    DATA_FOLDER("dataFolder"),
    /** The engine's name: {@code Backends.get}. */
    ENGINE("engine"),
    /** Where to compute: {@code DeviceChoice}. */
    DEVICE("device"),
    /** Compute threads: {@code TrainingSpec.Builder.optThreads}, {@code ThreadCount}. */
    THREADS("threads"),
    /** Passes over the training set. */
    EPOCHS("epochs"),
    /** Images per optimizer step. */
    BATCH_SIZE("batchSize"),
    /** Batches per epoch, for quick looks. */
    LIMIT_BATCHES("limitBatches"),
    /** The optimizer's name. */
    OPTIMIZER("optimizer"),
    /** The optimizer's learning rate. */
    LEARNING_RATE("learningRate"),
    /** RMSProp's decay. */
    RHO("rho"),
    /** Adam's first-moment decay. */
    BETA1("beta1"),
    /** Adam's second-moment decay. */
    BETA2("beta2"),
    /** RMSProp's and Adam's epsilon. */
    EPSILON("epsilon"),
    /** SGD's momentum. */
    MOMENTUM("momentum"),
    /** AdamW's decoupled weight decay. */
    WEIGHT_DECAY("weightDecay"),
    /** How the learning rate changes over a run: {@code LearningRateSchedule}. */
    LEARNING_RATE_SCHEDULE("learningRateSchedule"),
    /** Epochs between two decays of the step schedule. */
    STEP_EPOCHS("stepEpochs"),
    /** What each decay of the step schedule multiplies the rate by. */
    DECAY_FACTOR("decayFactor"),
    /** Epochs of the learning rate's warm-up. */
    WARMUP_EPOCHS("warmupEpochs"),
    /** The most pixels an augmented training image moves: {@code Augmentation}. */
    AUGMENT_SHIFT("augmentShift"),
    /** The most degrees an augmented training image turns. */
    AUGMENT_ROTATION("augmentRotation"),
    /** The most an augmented training image grows or shrinks. */
    AUGMENT_SCALE("augmentScale"),
    /** How many models an ensemble trains and averages: {@code EnsembleArchitecture}. */
    ENSEMBLE("ensemble"),
    /** A named training recipe: {@code Recipe}. */
    RECIPE("recipe"),
    /** The share of each label's target spread over the other classes. */
    LABEL_SMOOTHING("labelSmoothing"),
    /** The share of the training set held out for validation: {@code ValidationPlan}. */
    VALIDATION_FRACTION("validationFraction"),
    /** The validation figure that early stopping and keeping the best epoch watch. */
    MONITOR("monitor"),
    /** Epochs without improvement before a run stops early. */
    PATIENCE("patience"),
    /** Which epoch's parameters a run keeps: the last or the best. */
    KEEP("keep"),
    /** How many classes a prediction ranks. */
    TOP_K("topK"),
    /** A saved model folder to load: {@code DigitClassifier.open}, {@code ModelFolder.load}. */
    MODEL_FOLDER("modelFolder"),
    /** A saved run to continue: {@code TrainingCheckpoint.read}. */
    CHECKPOINT_FOLDER("checkpointFolder"),
    /** The folder a run is saved into: {@code RunOutput}. */
    OUTPUT_FOLDER("outputFolder"),
    /** The name a service serves a model under. */
    MODEL_NAME("modelName"),
    /** The port a service listens on. */
    PORT("port"),
    /** The most images a service runs in one forward pass. */
    MAX_BATCH_SIZE("maxBatchSize"),
    /** How long a service gathers a batch. */
    MAX_BATCH_DELAY("maxBatchDelay"),
    /** How many requests may wait per served model. */
    MAX_QUEUE("maxQueue"),
    /** The largest request body a service reads. */
    MAX_BODY_BYTES("maxBodyBytes"),
    /** How long a service's connection may stay silent. */
    IDLE_TIMEOUT("idleTimeout"),
    /** How long a stopping service waits for requests in flight. */
    STOP_TIMEOUT("stopTimeout"),
    /** A folder a service may load models from at run time. */
    MODEL_STORE("modelStore");

    private final String apiName;

    InputField(String apiName) {
        this.apiName = apiName;
    }

    /** Returns the name the API gives this input, with which messages about it start. */
    public String apiName() {
        return apiName;
    }
}
