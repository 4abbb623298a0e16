package dev.mnistlab.eval;

import java.util.List;

/**
 * A model's figures on a labelled set: mean loss, accuracy and the confusion matrix.
 *
 * @param summary mean loss, accuracy and image count
 * @param confusion true against predicted classes
 */
public record EvaluationReport(Evaluation summary, ConfusionMatrix confusion) {

    /**
     * Combines the reports of the parts of one set, scored apart (on several machines, say), into
     * the report of the whole: the confusion counts added, the accuracy counted from them, the loss
     * the mean over every image. Parts with no images are ignored.
     *
     * @param parts the parts' reports, each with the same number of classes
     * @param classCount how many classes the model predicts
     * @return the whole set's report; with no images at all, loss and accuracy are NaN
     * @throws IllegalArgumentException if a part has another number of classes
     */
    public static EvaluationReport combine(List<EvaluationReport> parts, int classCount) {
        ConfusionMatrix confusion = new ConfusionMatrix(classCount);
        double lossSum = 0;
        for (EvaluationReport part : parts) {
            if (part.summary().count() == 0) {
                continue;
            }
            confusion.addAll(part.confusion());
            lossSum += part.summary().loss() * part.summary().count();
        }
        return ofTotals(lossSum, confusion);
    }

    /**
     * Makes the report of a set from its totals: the image count and accuracy are the confusion
     * matrix's, the loss the sum over the images divided by their count.
     *
     * @param lossSum the loss summed over every image
     * @param confusion the counts of (true class, predicted class)
     * @return the report; with no images, loss and accuracy are NaN
     */
    public static EvaluationReport ofTotals(double lossSum, ConfusionMatrix confusion) {
        long count = confusion.total();
        Evaluation summary = count == 0
                ? new Evaluation(Double.NaN, Double.NaN, 0)
                : new Evaluation(lossSum / count, (double) confusion.correct() / count, count);
        return new EvaluationReport(summary, confusion);
    }
}
