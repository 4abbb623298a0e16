/**
 * mnistlab core: engine-agnostic building blocks to train and evaluate 28x28 image classifiers on
 * DJL.
 *
 * <p>Sub-packages hold one concept each: {@code model} (network architectures as DJL blocks),
 * {@code data} (IDX files, named datasets, where to find or download them, batches), {@code train}
 * (configuration, optimizers, the training loop), {@code eval} (test-set evaluation),
 * {@code infer} (classifying people's own pictures), {@code backend} (the engines found on the
 * class path), {@code report} (files and pictures written for people and machines) and
 * {@code compare} (engines measured side by side).
 *
 * <p>docs/embedding.md walks through a complete app: train, save, load, evaluate, classify. {@link dev.mnistlab.InvalidInputException} marks every error that the user
 * can fix.
 */
package dev.mnistlab;
