package dev.mnistlab.infer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.internal.InputBuffer;
import dev.mnistlab.eval.EvaluationReport;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies images with a trained model: softmax probabilities and the top classes.
 *
 * <pre>{@code
 * try (DigitClassifier classifier = DigitClassifier.open(Path.of("runs/cnn"), Backends.get("pytorch"))) {
 *     Prediction p = classifier.classify(Path.of("seven.jpg"), 3);
 *     System.out.println(p.best().name() + " " + p.best().probability());
 * }
 * }</pre>
 *
 * <p>Pictures of any size and colour (a {@link BufferedImage}, a DJL {@link Image}, encoded bytes, a
 * stream, a file) are prepared by {@link MnistPreprocessor} first; a {@code float[28][28]} or a
 * 784-value row is taken as it is. Lists run in forward passes of the architecture's
 * {@linkplain Architecture#imagesPerPass() size}, which is faster than one pass over a long list.
 * {@link Prediction#toClassifications()}
 * gives the answer as DJL's {@code Classifications}; DJL's own route to the same answers is
 * {@code Criteria} with {@link MnistTranslatorFactory}.
 *
 * <p><b>Threads.</b> One classifier may be shared by any number of threads. Decoding and preparing
 * pictures run in parallel; the model's forward passes take turns, as they share one reused
 * native input buffer ({@link InputBuffer}). For parallel forward passes, open one classifier per
 * thread. (DJL's own {@code Predictor} is not safe to share; this class does not use one.)
 *
 * <p><b>Memory.</b> Every array made for a call is freed before it returns. A classifier from
 * {@link #open} owns its model and frees it on {@link #close()}; one made over a caller's model
 * leaves the model to the caller.
 */
public final class DigitClassifier implements AutoCloseable {

    private static final int SIZE = MnistPreprocessor.SIZE;
    private static final int PIXELS = SIZE * SIZE;
    private static final int IMAGES_PER_PASS_OF_ANY_BLOCK = 128;

    private final Model model;
    private final boolean ownsModel;
    private final List<String> classNames;
    private final int imagesPerPass;
    private final InputBuffer input = new InputBuffer();
    private boolean closed;

    /**
     * Creates a classifier over a model of one of mnistlab's architectures, which the caller keeps
     * and closes.
     *
     * @param model an initialised model whose block outputs class scores
     * @param architecture the model's architecture, which sizes its forward passes
     * @param classNames the name of each class, by index
     */
    public DigitClassifier(Model model, Architecture architecture, List<String> classNames) {
        this(model, classNames, architecture.imagesPerPass(), false);
    }

    /**
     * Creates a classifier over a model of any block, which the caller keeps and closes. Lists run
     * in passes of at most 128 images, the best size for the CNNs measured here.
     *
     * @param model an initialised model whose block outputs class scores
     * @param classNames the name of each class, by index
     */
    public DigitClassifier(Model model, List<String> classNames) {
        this(model, classNames, IMAGES_PER_PASS_OF_ANY_BLOCK, false);
    }

    private DigitClassifier(Model model, List<String> classNames, int imagesPerPass, boolean ownsModel) {
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.imagesPerPass = imagesPerPass;
        this.ownsModel = ownsModel;
    }

    /**
     * Loads a saved model folder on an engine, on a GPU if the engine sees one, else the CPU.
     *
     * @param folder a folder written by training ({@code model.json} and parameters)
     * @param backend the engine to run on (any engine reads any engine's folders)
     * @return a classifier that owns the model: close it
     * @throws InvalidInputException if the folder is missing, malformed or from another architecture
     */
    public static DigitClassifier open(Path folder, Backend backend) throws IOException {
        return open(folder, backend, DeviceChoice.AUTO.resolve(backend));
    }

    /**
     * Loads a saved model folder on an engine and device.
     *
     * @param folder a folder written by training ({@code model.json} and parameters)
     * @param backend the engine to run on
     * @param device where to compute, e.g. {@code DeviceChoice.GPU.resolve(backend)}
     * @return a classifier that owns the model: close it
     * @throws InvalidInputException if the folder is missing, malformed or from another architecture
     */
    public static DigitClassifier open(Path folder, Backend backend, Device device) throws IOException {
        ModelDescriptor descriptor = ModelFolder.readDescriptor(folder);
        return new DigitClassifier(
                ModelFolder.load(folder, descriptor, backend, device),
                descriptor.classNames(),
                descriptor.architecture().imagesPerPass(),
                true);
    }

    /** Returns the name of each class, by index. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Checks a top-k request.
     *
     * @throws InvalidInputException if {@code topK} is not between 1 and the number of classes
     */
    public static void requireTopK(int topK, int classCount) {
        if (topK < 1 || topK > classCount) {
            throw new InvalidInputException(
                    InputField.TOP_K, "topK must be between 1 and " + classCount + ", got " + topK);
        }
    }

    /**
     * Classifies a picture of one character, of any size and colour.
     *
     * @param picture the decoded picture
     * @param topK how many classes to rank
     * @throws InvalidInputException if the picture has no ink
     */
    public Prediction classify(BufferedImage picture, int topK) {
        return classifyOne(prepared(picture), topK);
    }

    private static float[] prepared(BufferedImage picture) {
        return MnistPreprocessor.toMnist(picture, "picture");
    }

    /**
     * Classifies a DJL image of one character, of any size and colour.
     *
     * @param image the image, from any DJL image factory
     * @param topK how many classes to rank
     * @throws InvalidInputException if the picture has no ink
     */
    public Prediction classify(Image image, int topK) {
        requireOpen();
        return classify(MnistPreprocessor.picture(image, model.getNDManager()), topK);
    }

    /**
     * Classifies an encoded picture read from a stream (PNG, JPEG, BMP or GIF), which is left open.
     *
     * @param encoded the stream
     * @param topK how many classes to rank
     * @throws InvalidInputException if the bytes are not a readable image, are too large, or show no ink
     */
    public Prediction classify(InputStream encoded, int topK) throws IOException {
        return classifyOne(ImageFiles.read(encoded, "image stream", DigitClassifier::prepared), topK);
    }

    /**
     * Classifies pictures of one character each, of any size and colour, in as few forward passes as
     * the pass size allows.
     *
     * @param pictures the decoded pictures
     * @param topK how many classes to rank per picture
     * @return one prediction per picture, in order
     * @throws InvalidInputException naming the picture's index if one has no ink
     */
    public List<Prediction> classifyPictures(List<BufferedImage> pictures, int topK) {
        List<float[]> prepared = new ArrayList<>(pictures.size());
        for (int i = 0; i < pictures.size(); i++) {
            prepared.add(MnistPreprocessor.toMnist(pictures.get(i), "picture " + i));
        }
        return classify(prepared, topK);
    }

    /**
     * Classifies an encoded picture (PNG, JPEG, BMP or GIF bytes).
     *
     * @param encoded the file's bytes
     * @param topK how many classes to rank
     * @throws InvalidInputException if the bytes are not a readable image, are too large, or show no ink
     */
    public Prediction classify(byte[] encoded, int topK) throws IOException {
        return classifyOne(ImageFiles.decode(encoded, "image bytes", DigitClassifier::prepared), topK);
    }

    /**
     * Classifies a picture file (PNG, JPEG, BMP or GIF).
     *
     * @param file the file
     * @param topK how many classes to rank
     * @throws InvalidInputException naming the file if it is missing, not a readable image, or shows no ink
     */
    public Prediction classify(Path file, int topK) throws IOException {
        return classifyOne(ImageFiles.read(file, picture -> MnistPreprocessor.toMnist(picture, file.toString())), topK);
    }

    /**
     * Classifies a prepared image, taken as it is.
     *
     * @param pixels 28 rows of 28 values in [0, 1], ink bright on black, as MNIST's own images
     * @param topK how many classes to rank
     * @throws InvalidInputException if the array is not 28x28 or holds a value outside [0, 1]
     */
    public Prediction classify(float[][] pixels, int topK) {
        if (pixels.length != SIZE) {
            throw new InvalidInputException("a prepared image has " + SIZE + " rows, got " + pixels.length);
        }
        float[] flat = new float[PIXELS];
        for (int row = 0; row < SIZE; row++) {
            if (pixels[row] == null || pixels[row].length != SIZE) {
                throw new InvalidInputException("row " + row + " of a prepared image must have " + SIZE
                        + " values, got " + (pixels[row] == null ? "null" : pixels[row].length));
            }
            System.arraycopy(pixels[row], 0, flat, row * SIZE, SIZE);
        }
        return classifyOne(flat, topK);
    }

    private Prediction classifyOne(float[] image, int topK) {
        return classify(List.of(image), topK).get(0);
    }

    /**
     * Classifies prepared images, in as few forward passes as the pass size allows.
     *
     * @param images each 784 values in [0, 1], row-major, as {@link MnistPreprocessor} makes them
     * @param topK how many classes to rank per image
     * @return one prediction per image, in order
     * @throws InvalidInputException if an image does not have 784 values in [0, 1]
     */
    public List<Prediction> classify(List<float[]> images, int topK) {
        requireTopK(topK, classNames.size());
        if (images.isEmpty()) {
            return List.of();
        }
        requirePrepared(images);
        float[] probabilities = forward(images);
        List<Prediction> predictions = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            predictions.add(rank(probabilities, i * classNames.size(), topK));
        }
        return predictions;
    }

    /** The {@code topK} most probable classes of one image's row, best first; ties go to the lower index. */
    private Prediction rank(float[] probabilities, int offset, int topK) {
        int classes = classNames.size();
        int[] order = new int[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = c;
        }
        List<Prediction.RankedClass> ranked = new ArrayList<>(topK);
        for (int place = 0; place < topK; place++) {
            int best = place;
            for (int candidate = place + 1; candidate < classes; candidate++) {
                float p = probabilities[offset + order[candidate]];
                float b = probabilities[offset + order[best]];
                if (p > b || (p == b && order[candidate] < order[best])) {
                    best = candidate;
                }
            }
            int chosen = order[best];
            order[best] = order[place];
            order[place] = chosen;
            ranked.add(new Prediction.RankedClass(chosen, classNames.get(chosen), probabilities[offset + chosen]));
        }
        return new Prediction(ranked);
    }

    /**
     * Scores the model on a labelled set: loss, accuracy and the confusion matrix.
     *
     * @param images the images, for example {@code DatasetLoader.load(folder, NamedDataset.MNIST).test()}
     */
    public synchronized EvaluationReport evaluate(ImageSet images) {
        requireOpen();
        return ModelEvaluator.evaluate(model, images, imagesPerPass, classNames.size());
    }

    private synchronized float[] forward(List<float[]> images) {
        requireOpen();
        if (images.size() <= imagesPerPass) {
            return forwardPass(images);
        }
        float[] probabilities = new float[images.size() * classNames.size()];
        for (int from = 0; from < images.size(); from += imagesPerPass) {
            float[] pass = forwardPass(images.subList(from, Math.min(images.size(), from + imagesPerPass)));
            System.arraycopy(pass, 0, probabilities, from * classNames.size(), pass.length);
        }
        return probabilities;
    }

    private float[] forwardPass(List<float[]> images) {
        FloatBuffer pixels = input.floats(images.size() * PIXELS);
        for (float[] image : images) {
            pixels.put(image);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray batch = input.toArray(manager, new Shape(images.size(), 1, SIZE, SIZE));
            NDList logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(batch), false);
            return logits.singletonOrThrow().softmax(1).toFloatArray();
        }
    }

    /**
     * Checks prepared images as {@link #classify(List, int)} does, for a caller that queues them
     * and wants the error before the forward pass, for example a service that batches requests.
     *
     * @param images each 784 values in [0, 1]
     * @throws InvalidInputException naming the image if one does not have 784 values in [0, 1]
     */
    public static void requirePrepared(List<float[]> images) {
        for (int i = 0; i < images.size(); i++) {
            requirePrepared(images.get(i), i, images.size());
        }
    }

    private static void requirePrepared(float[] image, int index, int count) {
        if (image.length != PIXELS) {
            throw new InvalidInputException(
                    which(index, count) + " has " + image.length + " values; it needs " + PIXELS + " (28x28)");
        }
        for (float value : image) {
            if (!(value >= 0 && value <= 1)) {
                throw new InvalidInputException(which(index, count) + " holds " + value
                        + "; values must be in [0, 1] (divide 8-bit pixels by 255)");
            }
        }
    }

    private static String which(int index, int count) {
        return count == 1 ? "the prepared image" : "prepared image " + index + " (of " + count + ")";
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this classifier is closed");
        }
    }

    /** Frees the model if this classifier opened it; later calls fail. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (ownsModel) {
                model.close();
            }
        }
    }
}
