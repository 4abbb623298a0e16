package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.NamedDataset;
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
        assertRejected("architecture 'rnn' is unknown: choose one of mlp, cnn", b -> b.optModel("rnn"));
        assertRejected(
                "dataset 'cifar' is unknown: choose one of mnist, fashion-mnist, or load a folder of IDX files or"
                        + " image folders",
                b -> b.optDataset("cifar"));
        assertRejected("device 'tpu' is unknown: choose one of auto, cpu, gpu", b -> b.optDevice("tpu"));
        assertRejected("optimizer 'lion' is unknown: choose one of rmsprop, adam, sgd", b -> b.optOptimizer("lion"));
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
}
