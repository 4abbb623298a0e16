package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mnistlab.backend.Backend;

/**
 * Stochastic gradient descent with momentum, with checkpointable state:
 * {@code v = momentum * v - lr * g}, {@code w += v}. Momentum 0 is plain SGD.
 *
 * <p>Written with NDArray operations, not the engines' fused SGD: PyTorch's and MXNet's keep the
 * velocity with opposite signs, so their state could not be resumed on the other engine.
 */
final class MomentumSgd extends StatefulOptimizer {

    private final float momentum;

    MomentumSgd(OptimizerSpec.Sgd spec, NDManager stateManager, Backend backend) {
        super(spec.learningRate(), stateManager, backend);
        this.momentum = (float) spec.momentum();
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, int step) {
        NDArray velocity = state[0];
        velocity.muli(momentum).subi(grad.mul((float) learningRate()));
        weight.addi(velocity);
    }
}
