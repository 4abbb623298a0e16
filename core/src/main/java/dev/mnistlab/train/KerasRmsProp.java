package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mnistlab.backend.Backend;

/**
 * RMSProp with Keras' update rule, on every engine.
 *
 * <p>Per parameter: {@code n = rho * n + (1 - rho) * g^2} and {@code w -= lr * g / (sqrt(n) + eps)},
 * with {@code n} starting at zero. DJL's MXNet RMSProp puts {@code eps} inside the square root and
 * its PyTorch engine has none. This rule is Adam with {@code beta1 = 0} (the first moment is then
 * the gradient itself), {@code beta2 = rho} and no bias correction, so it runs as one fused Adam
 * call ({@link FusedAdamUpdate}); the first-moment array is scratch, not state.
 */
final class KerasRmsProp extends StatefulOptimizer {

    private static final float NO_MOMENTUM = 0f;

    private final float rho;
    private final float epsilon;

    KerasRmsProp(OptimizerSpec.RmsProp spec, NDManager stateManager, Backend backend) {
        super(spec.learningRate(), stateManager, backend);
        this.rho = (float) spec.rho();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected int scratchSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, int step) {
        FusedAdamUpdate.apply(weight, grad, state[1], state[0], (float) learningRate(), NO_MOMENTUM, rho, epsilon);
    }
}
