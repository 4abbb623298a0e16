/**
 * Inference on people's own images: turning a photo or scan of a digit into an MNIST-style 28x28
 * image ({@link dev.mnistlab.infer.MnistPreprocessor}) and classifying it with a saved model, either
 * with {@link dev.mnistlab.infer.DigitClassifier} (safe to share between threads) or through DJL's
 * model zoo with {@link dev.mnistlab.infer.MnistTranslatorFactory}. Image files are read with the
 * limits of {@link dev.mnistlab.data.ImageFiles}.
 *
 * <pre>{@code
 * try (DigitClassifier classifier = DigitClassifier.open(Path.of("runs/cnn"), Backends.get("pytorch"))) {
 *     Prediction p = classifier.classify(Path.of("seven.jpg"), 3);
 *     for (Prediction.RankedClass c : p.ranked()) {
 *         System.out.printf("%s %.3f%n", c.name(), c.probability());
 *     }
 * }
 * }</pre>
 */
package dev.mnistlab.infer;
