package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mnistlab.backend.Backend;

/**
 * Adam (Kingma and Ba) with the update DJL's built-in Adam makes, but with state that can be
 * checkpointed: {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code w -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps)}, in one fused native call
 * ({@link FusedAdamUpdate}). With a weight decay (AdamW), {@code w *= 1 - lr * weightDecay} first,
 * one more call.
 */
final class AdamOptimizer extends StatefulOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final double weightDecay;

    AdamOptimizer(OptimizerSpec.Adam spec, double weightDecay, NDManager stateManager, Backend backend) {
        super(spec.learningRate(), stateManager, backend);
        this.weightDecay = weightDecay;
        this.beta1 = (float) spec.beta1();
        this.beta2 = (float) spec.beta2();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    protected int stateSize() {
        return 2;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, int step) {
        if (weightDecay > 0) {
            weight.muli((float) (1 - learningRate() * weightDecay));
        }
        float stepSize = (float) (learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step)));
        FusedAdamUpdate.apply(weight, grad, state[0], state[1], stepSize, beta1, beta2, epsilon);
    }
}
