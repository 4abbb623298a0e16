package dev.mnistlab.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * Draws initial weights on the Java side from a seeded generator, so a seed gives the same starting
 * weights on every engine: PyTorch and MXNet runs then differ only by their arithmetic, not by
 * their random number generators.
 *
 * <p>Weights are drawn in the order DJL initialises parameters, which is fixed by the block, so a
 * fresh instance per model is required.
 */
public final class SeededInitializer implements Initializer {

    private final WeightInit scheme;
    private final SplittableRandom random;

    /**
     * Creates an initializer for one model.
     *
     * @param scheme the distribution's bound
     * @param seed the run's seed
     */
    public SeededInitializer(WeightInit scheme, long seed) {
        this.scheme = scheme;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long size = shape.size();
        long fanIn = shape.dimension() > 1 ? size / shape.get(0) : size;
        long fanOut = shape.dimension() > 1 ? size / shape.get(1) : size;
        double bound = scheme.bound(fanIn, fanOut);
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
