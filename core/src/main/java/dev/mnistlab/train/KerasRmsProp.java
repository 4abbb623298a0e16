package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.function.Consumer;

/**
 * RMSProp with Keras' update rule, on every engine.
 *
 * <p>Per parameter: {@code n = rho * n + (1 - rho) * g^2} and {@code w -= lr * g / (sqrt(n) + eps)},
 * with {@code n} starting at zero. DJL's MXNet RMSProp puts {@code eps} inside the square root and
 * its PyTorch engine has none, hence this class.
 */
final class KerasRmsProp extends StatefulOptimizer {

    private final float learningRate;
    private final float rho;
    private final float epsilon;

    KerasRmsProp(OptimizerSpec.RmsProp spec, Consumer<NDArray> finishUpdate, NDManager stateManager) {
        super(finishUpdate, stateManager);
        this.learningRate = (float) spec.learningRate();
        this.rho = (float) spec.rho();
        this.epsilon = (float) spec.epsilon();
    }

    @Override
    protected int stateSize() {
        return 1;
    }

    @Override
    protected void apply(NDArray weight, NDArray grad, NDArray[] state, int step) {
        NDArray meanSquare = state[0];
        meanSquare.muli(rho).addi(grad.square().muli(1 - rho));
        weight.subi(grad.mul(learningRate).divi(meanSquare.sqrt().addi(epsilon)));
    }
}
