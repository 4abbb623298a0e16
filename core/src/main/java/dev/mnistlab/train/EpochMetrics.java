package dev.mnistlab.train;

/**
 * The figures of one epoch.
 *
 * @param epoch the epoch number, from 1
 * @param trainLoss mean loss over the epoch's training batches, as the model changed during it
 * @param trainAccuracy accuracy over the epoch's training batches, likewise
 * @param testLoss mean loss on the test set after the epoch
 * @param testAccuracy accuracy on the test set after the epoch
 * @param seconds wall time of the epoch's training (evaluation excluded)
 * @param samplesPerSecond training images per second of {@code seconds}
 * @param evaluationSeconds wall time of the evaluation on the test set
 * @param phases where the training time went
 */
public record EpochMetrics(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        double seconds,
        double samplesPerSecond,
        double evaluationSeconds,
        StepPhases phases) {}
