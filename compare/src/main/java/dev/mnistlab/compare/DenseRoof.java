package dev.mnistlab.compare;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mnistlab.backend.Backend;

/**
 * The attainable FP32 rate of an engine on this machine, at its current thread count: a large dense
 * layer (a {@code SIZE x SIZE} input times a {@code SIZE x SIZE} weight) through the engine's own
 * dense-layer operation, the one the models' {@code Linear} blocks call, whose arithmetic dwarfs
 * every per-call cost. Training rates are read against this roof as well as the datasheet peak,
 * which a virtual machine's shared cores do not promise and turbo clocks exceed.
 *
 * <p>Not the engine's general matrix product: MXNet's ({@code matMul}, {@code dot}) runs at a fifth
 * of its dense layer's rate on the same machine, which would make a roof that its training exceeds.
 */
final class DenseRoof {

    /** Rows and columns of the input and weight: 2 x 2048^3, about 17 GFLOP a product. */
    static final int SIZE = 2048;

    private static final int WARM_UP = 2;
    private static final int MIN_PRODUCTS = 3;
    private static final double MIN_SECONDS = 1.0;

    private DenseRoof() {}

    /** Returns the GFLOP/s of repeated {@code SIZE x SIZE} dense-layer products on the device. */
    static double gflops(Backend backend, Device device) {
        try (NDManager manager = backend.engine().newBaseManager(device)) {
            NDArray input = manager.randomUniform(-1, 1, new Shape(SIZE, SIZE));
            NDArray weight = manager.randomUniform(-1, 1, new Shape(SIZE, SIZE));
            for (int i = 0; i < WARM_UP; i++) {
                product(input, weight);
            }
            long start = System.nanoTime();
            int products = 0;
            double seconds;
            do {
                product(input, weight);
                products++;
                seconds = (System.nanoTime() - start) / 1e9;
            } while (products < MIN_PRODUCTS || seconds < MIN_SECONDS);
            return 2.0 * SIZE * SIZE * SIZE * products / seconds / 1e9;
        }
    }

    /** One product; reading a value of it waits for asynchronous engines to finish. */
    private static void product(NDArray input, NDArray weight) {
        try (NDArray result =
                input.getNDArrayInternal().linear(input, weight, null).singletonOrThrow()) {
            result.getFloat(0, 0);
        }
    }
}
