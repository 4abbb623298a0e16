/**
 * Inference on people's own images: reading image files safely, turning a photo or scan of a digit
 * into an MNIST-style 28x28 image, and classifying it with a saved model.
 *
 * <pre>{@code
 * float[] pixels = MnistPreprocessor.toMnist(ImageFiles.read(Path.of("seven.jpg")), "seven.jpg");
 * try (Model model = ModelFolder.load(dir, backend, Device.cpu())) {
 *     Prediction p = new DigitClassifier(model, classNames).classify(List.of(pixels), 3).get(0);
 * }
 * }</pre>
 */
package dev.mnistlab.infer;
