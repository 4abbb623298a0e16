package dev.mnistlab.model;

/**
 * How an architecture's weights are drawn: uniformly from {@code [-bound, bound]}, the bound
 * depending on the weight's fan-in and fan-out.
 */
public enum WeightInit {
    /** Keras' default (Glorot and Bengio): bound {@code sqrt(6 / (fanIn + fanOut))}. */
    GLOROT_UNIFORM {
        @Override
        public double bound(long fanIn, long fanOut) {
            return Math.sqrt(6.0 / (fanIn + fanOut));
        }
    },
    /** PyTorch's default for linear and convolution layers: bound {@code 1 / sqrt(fanIn)}. */
    PYTORCH_DEFAULT {
        @Override
        public double bound(long fanIn, long fanOut) {
            return 1.0 / Math.sqrt((double) fanIn);
        }
    };

    /**
     * Returns the half-width of the uniform distribution.
     *
     * @param fanIn inputs feeding one output unit (input channels times kernel area for convolutions)
     * @param fanOut outputs fed by one input unit (output channels times kernel area for convolutions)
     */
    public abstract double bound(long fanIn, long fanOut);
}
