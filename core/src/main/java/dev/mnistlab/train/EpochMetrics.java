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
 * @param validationLoss mean loss on the held-out validation images after the epoch; NaN when the
 *     run holds none out ({@link ValidationPlan})
 * @param validationAccuracy accuracy on the held-out images after the epoch; NaN likewise
 * @param learningRate the learning rate of the epoch's last step
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
        StepPhases phases,
        double validationLoss,
        double validationAccuracy,
        double learningRate) {

    /** Creates the figures of an epoch of a run that validates on nothing, its rate not recorded. */
    public EpochMetrics(
            int epoch,
            double trainLoss,
            double trainAccuracy,
            double testLoss,
            double testAccuracy,
            double seconds,
            double samplesPerSecond,
            double evaluationSeconds,
            StepPhases phases) {
        this(
                epoch,
                trainLoss,
                trainAccuracy,
                testLoss,
                testAccuracy,
                seconds,
                samplesPerSecond,
                evaluationSeconds,
                phases,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }
}
