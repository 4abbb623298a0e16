package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Consumer;

/**
 * Stochastic gradient descent with momentum, with checkpointable state:
 * {@code v = momentum * v - lr * g}, {@code w += v}. Momentum 0 is plain SGD.
 */
final class MomentumSgd extends StatefulOptimizer {

    private final float learningRate;
    private final float momentum;

    MomentumSgd(OptimizerSpec.Sgd spec, Consumer<NDArray> finishUpdate, NDManager stateManager) {
        super(finishUpdate, stateManager);
        this.learningRate = (float) spec.learningRate();
        this.momentum = (float) spec.momentum();
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, int step) {
        NDArray velocity = state[0];
        velocity.muli(momentum).subi(grad.mul(learningRate));
        weight.addi(velocity);
    }
}
