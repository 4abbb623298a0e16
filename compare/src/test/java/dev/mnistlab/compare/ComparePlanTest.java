package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparePlanTest {

    private static final List<TrainingSpec> MLP = List.of(TrainingSpec.builder().build());

    @Test
    void requestsGoRepetitionByRepetitionSoAPartialRunIsBalanced() {
        ComparePlan plan = CompareFixtures.plan(List.of("pytorch", "mxnet"), List.of("mlp", "cnn"), 2);
        assertEquals(
                List.of(
                        "pytorch-mlp-1",
                        "mxnet-mlp-1",
                        "pytorch-cnn-1",
                        "mxnet-cnn-1",
                        "pytorch-mlp-2",
                        "mxnet-mlp-2",
                        "pytorch-cnn-2",
                        "mxnet-cnn-2"),
                plan.requests().stream().map(PairRequest::label).toList());
    }

    @Test
    void aModelTrainedSeveralWaysIsNamedByItsOptimizerRateAndSeed() {
        TrainingSpec adam = TrainingSpec.builder()
                .optOptimizer("adam")
                .optLearningRate(0.0005)
                .optSeed(2)
                .build();
        ComparePlan plan = new ComparePlan(
                List.of("pytorch"),
                List.of(MLP.get(0), adam, TrainingSpec.builder().optModel("cnn").build()),
                Path.of("data"),
                1);

        assertEquals(
                List.of("mlp rmsprop lr=0.001 seed=42", "mlp adam lr=0.0005 seed=2", "cnn"),
                plan.specs().stream().map(plan::settingName).toList());
        assertEquals(
                List.of(
                        "pytorch-mlp-rmsprop-lr=0.001-seed=42-1",
                        "pytorch-mlp-adam-lr=0.0005-seed=2-1",
                        "pytorch-cnn-1"),
                plan.requests().stream().map(PairRequest::label).toList());
    }

    @Test
    void badPlansAreRejectedWithTheOptionToFix() {
        assertEquals("--repeat must be between 1 and 100, got 0", message(List.of("pytorch"), MLP, 0));
        assertEquals(
                "--engines names an engine twice: pytorch,pytorch", message(List.of("pytorch", "pytorch"), MLP, 1));
        assertEquals("--models names a model twice", message(List.of("pytorch"), List.of(MLP.get(0), MLP.get(0)), 1));
        assertEquals("a comparison needs at least one engine and one model", message(List.of(), MLP, 1));
    }

    private static String message(List<String> engines, List<TrainingSpec> specs, int repeat) {
        return assertThrows(InvalidInputException.class, () -> new ComparePlan(engines, specs, Path.of("data"), repeat))
                .getMessage();
    }
}
