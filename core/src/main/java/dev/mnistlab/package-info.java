/**
 * mnistlab core: engine-agnostic building blocks to train and evaluate 28x28 image classifiers on
 * DJL.
 *
 * <p>Sub-packages hold one concept each: {@code model} (network architectures as DJL blocks),
 * {@code data} (IDX files, named datasets, where to find or download them, batches), {@code train}
 * (configuration, optimizers, the training loop), {@code eval} (test-set evaluation),
 * {@code backend} (the engines found on the class path) and {@code report} (files written for
 * people and machines). {@link dev.mnistlab.InvalidInputException} marks every error that the user
 * can fix.
 */
package dev.mnistlab;
