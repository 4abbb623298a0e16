package dev.mnistlab.eval;

/**
 * A model's figures on a labelled set: mean loss, accuracy and the confusion matrix.
 *
 * @param summary mean loss, accuracy and image count
 * @param confusion true against predicted classes
 */
public record EvaluationReport(Evaluation summary, ConfusionMatrix confusion) {}
