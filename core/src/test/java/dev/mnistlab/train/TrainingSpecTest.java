package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.Augmentation;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.model.BatchNormCnnArchitecture;
import dev.mnistlab.model.CnnArchitecture;
import dev.mnistlab.model.MlpArchitecture;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrainingSpecTest {

    @Test
    void defaultsReproduceTheSeedTutorial() {
        TrainingSpec spec = TrainingSpec.builder().build();
        assertEquals(new MlpArchitecture(List.of(32)), spec.architecture());
        assertEquals(new OptimizerSpec.RmsProp(0.001, 0.9, 1e-8), spec.optimizer());
        assertEquals(32, spec.batchSize());
        assertEquals(2, spec.epochs());
        assertEquals(42, spec.seed());
        assertEquals(NamedDataset.MNIST, spec.dataset());
        assertEquals(DeviceChoice.AUTO, spec.device());
        assertEquals(0, spec.limitBatches());
        assertEquals(new LearningRateSchedule.Constant(), spec.schedule());
        assertEquals(0, spec.labelSmoothing());
        assertEquals(ValidationPlan.NONE, spec.validation());
    }

    @Test
    void cnnDefaultsToAdamAndBatch64() {
        TrainingSpec spec = TrainingSpec.builder().optModel("cnn").build();
        assertEquals(new CnnArchitecture(), spec.architecture());
        assertEquals(new OptimizerSpec.Adam(0.001, 0.9, 0.999, 1e-8), spec.optimizer());
        assertEquals(64, spec.batchSize());
        assertEquals(1, spec.epochs());
    }

    @Test
    void explicitChoicesWin() {
        TrainingSpec spec = TrainingSpec.builder()
                .optModel("mlp")
                .optHidden(List.of(128, 64))
                .optEpochs(5)
                .optBatchSize(100)
                .optOptimizer("sgd")
                .optLearningRate(0.1)
                .optMomentum(0.9)
                .optSeed(7)
                .optDataset("fashion-mnist")
                .optDevice("cpu")
                .optLimitBatches(10)
                .build();
        assertEquals(new MlpArchitecture(List.of(128, 64)), spec.architecture());
        assertEquals(new OptimizerSpec.Sgd(0.1, 0.9), spec.optimizer());
        assertEquals(NamedDataset.FASHION_MNIST, spec.dataset());
        assertEquals(DeviceChoice.CPU, spec.device());
        assertEquals(
                List.of(5, 100, 7, 10), List.of(spec.epochs(), spec.batchSize(), spec.seed(), spec.limitBatches()));
    }

    private static void assertRejected(String message, UnaryOperator<TrainingSpec.Builder> change) {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> change.apply(TrainingSpec.builder()).build());
        assertEquals(message, e.getMessage());
    }

    @Test
    void everyFieldIsValidatedWithItsRange() {
        assertRejected("epochs must be between 1 and 10000, got 0", b -> b.optEpochs(0));
        assertRejected("epochs must be between 1 and 10000, got -3", b -> b.optEpochs(-3));
        assertRejected("batchSize must be between 1 and 65536, got 0", b -> b.optBatchSize(0));
        assertRejected("limitBatches must be at least 0, got -1", b -> b.optLimitBatches(-1));
        assertRejected("architecture 'rnn' is unknown: choose one of mlp, cnn, cnn-bn", b -> b.optModel("rnn"));
        assertRejected(
                "dataset 'cifar' is unknown: choose one of mnist, fashion-mnist, or load a folder of IDX files or"
                        + " image folders",
                b -> b.optDataset("cifar"));
        assertRejected("device 'tpu' is unknown: choose one of auto, cpu, gpu", b -> b.optDevice("tpu"));
        assertRejected(
                "optimizer 'lion' is unknown: choose one of rmsprop, adam, adamw, sgd", b -> b.optOptimizer("lion"));
        assertRejected("learningRate must be greater than 0 and at most 10, got 0.0", b -> b.optLearningRate(0.0));
        assertRejected(
                "learningRate must be greater than 0 and at most 10, got NaN", b -> b.optLearningRate(Double.NaN));
        assertRejected("rho must be at least 0 and less than 1, got 1.0", b -> b.optRho(1.0));
        assertRejected(
                "beta2 must be at least 0 and less than 1, got -0.1",
                b -> b.optOptimizer("adam").optBeta2(-0.1));
        assertRejected("epsilon must be greater than 0 and at most 1, got 0.0", b -> b.optEpsilon(0.0));
        assertRejected(
                "momentum must be at least 0 and less than 1, got 1.5",
                b -> b.optOptimizer("sgd").optMomentum(1.5));
        assertRejected("hiddenLayers: widths must be between 1 and 65536, got 0", b -> b.optHidden(List.of(32, 0)));
        assertRejected(
                "hiddenLayers apply to the mlp architecture only; give none for the cnn",
                b -> b.optModel("cnn").optHidden(List.of(10)));
    }

    @Test
    void hyperParametersOfAnotherOptimizerAreRejected() {
        assertRejected(
                "beta1 does not apply to the rmsprop optimizer; drop it or choose an optimizer that uses it",
                b -> b.optBeta1(0.8));
        assertRejected(
                "rho does not apply to the adam optimizer; drop it or choose an optimizer that uses it",
                b -> b.optModel("cnn").optRho(0.8));
        assertRejected(
                "epsilon does not apply to the sgd optimizer; drop it or choose an optimizer that uses it",
                b -> b.optOptimizer("sgd").optEpsilon(1e-7));
    }

    @Test
    void trainingControlsAreValidatedAndNamed() {
        assertRejected(
                "learningRateSchedule 'linear' is unknown: choose one of constant, step, cosine, warmup-cosine,"
                        + " one-cycle",
                b -> b.optSchedule("linear"));
        assertRejected(
                "warmupEpochs does not apply to the cosine schedule; drop it or choose a schedule that uses it",
                b -> b.optSchedule("cosine").optWarmupEpochs(1.0));
        assertRejected(
                "stepEpochs does not apply to the constant schedule; drop it or choose a schedule that uses it",
                b -> b.optStepEpochs(2));
        assertRejected(
                "decayFactor must be greater than 0 and less than 1, got 1.5",
                b -> b.optSchedule("step").optDecayFactor(1.5));
        assertRejected(
                "stepEpochs must be between 1 and 10000, got 0",
                b -> b.optSchedule("step").optStepEpochs(0));
        assertRejected(
                "warmupEpochs 2.0 leaves nothing of a run of 2 epochs to decay over; give fewer warm-up epochs or"
                        + " more epochs",
                b -> b.optSchedule("warmup-cosine").optWarmupEpochs(2.0));
        assertRejected("labelSmoothing must be at least 0 and less than 1, got 1.0", b -> b.optLabelSmoothing(1.0));
        assertRejected(
                "weightDecay must be between 0 and 1, got -0.1",
                b -> b.optOptimizer("adamw").optWeightDecay(-0.1));
        assertRejected(
                "weightDecay does not apply to the adam optimizer; drop it or choose an optimizer that uses it",
                b -> b.optOptimizer("adam").optWeightDecay(0.1));
        assertRejected(
                "validationFraction must be above 0 and at most 0.5, got 0.0", b -> b.optValidationFraction(0.0));
        assertRejected(
                "validationFraction must be above 0 and at most 0.5, got 0.75", b -> b.optValidationFraction(0.75));
        assertRejected("patience must be between 1 and 10000, got 0", b -> b.optPatience(0));
        assertRejected(
                "validationFraction is not set, and early stopping watches a validation figure; set it (0.1 holds out"
                        + " a tenth of the training set)",
                b -> b.optPatience(3));
        assertRejected(
                "validationFraction is not set, and keeping the best epoch watches a validation figure; set it (0.1"
                        + " holds out a tenth of the training set)",
                b -> b.optKeep("best"));
        assertRejected(
                "monitor 'error' is unknown: choose loss or accuracy",
                b -> b.optValidationFraction(0.1).optMonitor("error"));
        assertRejected("keep 'first' is unknown: choose last or best", b -> b.optKeep("first"));
    }

    @Test
    void everySettingSurvivesTheJsonOfAModelFolder() {
        TrainingSpec spec = TrainingSpec.builder()
                .optModel("cnn")
                .optEpochs(12)
                .optOptimizer("adamw")
                .optWeightDecay(0.05)
                .optSchedule("step")
                .optStepEpochs(4)
                .optDecayFactor(0.5)
                .optLabelSmoothing(0.1)
                .optValidationFraction(0.1)
                .optMonitor("accuracy")
                .optPatience(3)
                .optKeep("best")
                .build();
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        TrainingSpecJson.write(spec, json);
        assertEquals(spec, TrainingSpecJson.read(json));
        assertEquals(new OptimizerSpec.AdamW(0.001, 0.9, 0.999, 1e-8, 0.05), spec.optimizer());
        assertEquals(new LearningRateSchedule.StepDecay(4, 0.5), spec.schedule());
        assertEquals(
                new ValidationPlan(0.1, ValidationPlan.Monitor.ACCURACY, 3, ValidationPlan.Keep.BEST),
                spec.validation());
        for (String schedule : List.of("constant", "cosine", "warmup-cosine", "one-cycle")) {
            TrainingSpec other =
                    TrainingSpec.builder().optEpochs(3).optSchedule(schedule).build();
            com.google.gson.JsonObject written = new com.google.gson.JsonObject();
            TrainingSpecJson.write(other, written);
            assertEquals(other, TrainingSpecJson.read(written), schedule);
        }
    }

    @Test
    void aRecipeFillsInWhatIsLeftUnsetAndGivenOptionsWin() {
        TrainingSpec digits = TrainingSpec.builder().optRecipe("mnist").build();
        assertEquals(new BatchNormCnnArchitecture(), digits.architecture());
        assertEquals(NamedDataset.MNIST, digits.dataset());
        assertEquals(List.of(15, 128), List.of(digits.epochs(), digits.batchSize()));
        assertEquals(new OptimizerSpec.AdamW(0.003, 0.9, 0.999, 1e-8, 0.01), digits.optimizer());
        assertEquals(new LearningRateSchedule.OneCycle(), digits.schedule());
        assertEquals(0.1, digits.labelSmoothing());
        assertEquals(new Augmentation(2, 10, 0.1, false), digits.augmentation());

        TrainingSpec clothes = TrainingSpec.builder()
                .optRecipe("fashion-mnist")
                .optEpochs(3)
                .optOptimizer("sgd")
                .optAugmentShift(1.0)
                .build();
        assertEquals(NamedDataset.FASHION_MNIST, clothes.dataset());
        assertEquals(3, clothes.epochs());
        assertEquals(new OptimizerSpec.Sgd(0.01, 0), clothes.optimizer());
        assertEquals(new Augmentation(1, 0, 0, true), clothes.augmentation());
        assertRejected("recipe 'cifar' is unknown: choose one of mnist, fashion-mnist", b -> b.optRecipe("cifar"));
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        TrainingSpecJson.write(digits, json);
        assertEquals(digits, TrainingSpecJson.read(json));
    }
}
