package dev.mnistlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * RMSProp with Keras' update rule, written with NDArray operations so it runs on every engine.
 *
 * <p>Per parameter: {@code n = rho * n + (1 - rho) * g^2} and {@code w -= lr * g / (sqrt(n) + eps)},
 * with {@code n} starting at zero. DJL's MXNet RMSProp puts {@code eps} inside the square root and
 * its PyTorch engine has none, hence this class. Temporaries of each update are freed at once; the
 * running means live as long as the model's manager.
 */
final class KerasRmsProp extends Optimizer {

    private final float learningRate;
    private final float rho;
    private final float epsilon;
    private final Consumer<NDArray> finishUpdate;
    private final Map<String, Map<Device, NDArray>> meanSquares = new ConcurrentHashMap<>();

    /**
     * Creates the optimizer.
     *
     * @param spec the hyper-parameters
     * @param finishUpdate the engine's follow-up to an in-place update (clearing gradients on PyTorch)
     */
    KerasRmsProp(OptimizerSpec.RmsProp spec, Consumer<NDArray> finishUpdate) {
        super(new NoOptions());
        this.learningRate = (float) spec.learningRate();
        this.rho = (float) spec.rho();
        this.epsilon = (float) spec.epsilon();
        this.finishUpdate = finishUpdate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray meanSquare = withDefaultState(meanSquares, parameterId, weight.getDevice(),
                key -> weight.zerosLike());
        try (NDScope temporaries = new NDScope()) {
            temporaries.suppressNotUsedWarning();
            meanSquare.muli(rho).addi(grad.square().muli(1 - rho));
            weight.subi(grad.mul(learningRate).divi(meanSquare.sqrt().addi(epsilon)));
        }
        finishUpdate.accept(weight);
    }

    /** The base class wants a builder; this optimizer takes its settings from its spec instead. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
