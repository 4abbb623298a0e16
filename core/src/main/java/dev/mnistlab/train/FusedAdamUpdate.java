package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The engine's own one-call Adam update, {@code m = b1 m + (1 - b1) g}, {@code v = b2 v + (1 - b2) g^2},
 * {@code w -= stepSize * m / (sqrt(v) + eps)}, with {@code m} and {@code v} updated in place.
 *
 * <p>One native call instead of about ten: on a small model the per-call cost, not the arithmetic,
 * is what an optimizer step spends its time on. PyTorch's version also clears the gradient of the
 * array it updates (none, for a {@link ParameterBuffer}'s flat array); MXNet's needs nothing
 * cleared.
 */
final class FusedAdamUpdate {

    private static final float NO_WEIGHT_DECAY = 0f;
    private static final float NO_RESCALING = 1f;
    private static final float NO_CLIPPING = -1f;

    private FusedAdamUpdate() {}

    static void apply(
            NDArray weight,
            NDArray grad,
            NDArray mean,
            NDArray variance,
            float stepSize,
            float beta1,
            float beta2,
            float epsilon) {
        weight.getNDArrayInternal()
                .adamUpdate(
                        new NDList(weight, grad, mean, variance),
                        new NDList(weight),
                        stepSize,
                        stepSize,
                        NO_WEIGHT_DECAY,
                        NO_RESCALING,
                        NO_CLIPPING,
                        beta1,
                        beta2,
                        epsilon,
                        false,
                        false);
    }
}
