package dev.mnistlab.serve;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.time.Duration;

/**
 * How requests are batched: at most {@code maxBatchSize} images a forward pass, gathered for at
 * most {@code maxBatchDelay}, with at most {@code maxQueue} requests waiting per model.
 */
record BatchSettings(int maxBatchSize, Duration maxBatchDelay, int maxQueue) {

    BatchSettings {
        if (maxBatchSize < 1 || maxBatchSize > 4096) {
            throw new InvalidInputException(
                    InputField.MAX_BATCH_SIZE, "maxBatchSize must be between 1 and 4096, got " + maxBatchSize);
        }
        if (maxBatchDelay.isNegative() || maxBatchDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new InvalidInputException(
                    InputField.MAX_BATCH_DELAY,
                    "maxBatchDelay must be between 0 and 10 s, got " + maxBatchDelay.toMillis() + " ms");
        }
        if (maxQueue < 1 || maxQueue > 1_000_000) {
            throw new InvalidInputException(
                    InputField.MAX_QUEUE, "maxQueue must be between 1 and 1000000, got " + maxQueue);
        }
    }
}
