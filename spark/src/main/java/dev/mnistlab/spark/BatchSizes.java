package dev.mnistlab.spark;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;

/** The range of engine batch sizes the jobs take. */
final class BatchSizes {

    /** The largest batch: 64 Ki images of 784 floats is 200 MB per task. */
    static final int MAX = 65_536;

    private BatchSizes() {}

    /** Checks a batch size. */
    static void require(int batchSize) {
        if (batchSize < 1 || batchSize > MAX) {
            throw new InvalidInputException(
                    InputField.BATCH_SIZE, "batchSize must be between 1 and " + MAX + ", got " + batchSize);
        }
    }
}
