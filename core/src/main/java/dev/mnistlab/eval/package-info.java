/**
 * Evaluation: loss, accuracy, per-class figures and the confusion matrix of a model on a set of
 * images.
 *
 * <pre>{@code
 * EvaluationReport report = ModelEvaluator.evaluate(model, splits.test(), 1000, 10);
 * Evaluation test = report.summary();
 * System.out.printf("accuracy %.4f, loss %.4f%n", test.accuracy(), test.loss());
 * }</pre>
 *
 * <p>{@link dev.mnistlab.eval.EvaluationProgress} hears about each scored batch, for a progress bar.
 */
package dev.mnistlab.eval;
