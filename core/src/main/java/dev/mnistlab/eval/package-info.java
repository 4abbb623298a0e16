/**
 * Evaluation: loss and accuracy of a model on a set of images.
 *
 * <pre>{@code
 * Evaluation test = ModelEvaluator.evaluate(model, splits.test(), 256);
 * System.out.printf("accuracy %.4f, loss %.4f%n", test.accuracy(), test.loss());
 * }</pre>
 */
package dev.mnistlab.eval;
