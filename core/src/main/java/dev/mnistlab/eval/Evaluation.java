package dev.mnistlab.eval;

/**
 * Mean loss and accuracy over a number of images.
 *
 * @param loss mean softmax cross-entropy per image
 * @param accuracy fraction of images whose highest score is their label
 * @param count how many images were scored
 */
public record Evaluation(double loss, double accuracy, long count) {}
