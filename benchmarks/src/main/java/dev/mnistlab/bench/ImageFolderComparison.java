package dev.mnistlab.bench;

import ai.djl.basicdataset.cv.classification.ImageFolder;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.transform.ToTensor;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.TranslateException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageDataset;
import dev.mnistlab.data.ImageFolderSet;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * basicdataset's {@code ImageFolder} against mnistlab's own image-folder reader ({@link
 * ImageFolderSet} and {@link ImageDataset}) on the same PNG folders: 10,000 MNIST training images in
 * ten class folders. Times the set-up and three epochs of batches of 32 each way, on one thread.
 *
 * <pre>{@code
 * mvn -q -DskipTests install && java -cp "$(cd benchmarks && mvn -q dependency:build-classpath \
 *     -Dmdep.outputFile=/dev/stdout):benchmarks/target/classes" dev.mnistlab.bench.ImageFolderComparison \
 *     ../shared/data/mnist /tmp/folders
 * }</pre>
 */
public final class ImageFolderComparison {

    private static final int IMAGES = 10_000;
    private static final int BATCH = 32;
    private static final int EPOCHS = 3;

    private ImageFolderComparison() {}

    public static void main(String[] args) throws IOException, TranslateException {
        Path root = Path.of(args[1]);
        ImageSet train =
                DatasetLoader.load(Path.of(args[0]), NamedDataset.MNIST).train().head(IMAGES);
        writeFolders(train, root.resolve("train"));
        writeFolders(train.head(1000), root.resolve("test"));
        Backends.get("pytorch").useThreads(1);
        try (NDManager manager = Backends.get("pytorch").engine().newBaseManager()) {
            long start = System.nanoTime();
            DatasetSplits own = ImageFolderSet.load(root);
            ImageDataset ownSet =
                    ImageDataset.builder(own.train()).setSampling(BATCH, true).build();
            double ownSetUp = seconds(start);
            double[] ownEpochs = epochSeconds(() -> ownSet.getData(manager));

            start = System.nanoTime();
            ImageFolder djl = ImageFolder.builder()
                    .setRepositoryPath(root.resolve("train"))
                    .optFlag(Image.Flag.GRAYSCALE)
                    .addTransform(new ToTensor())
                    .setSampling(BATCH, true)
                    .build();
            djl.prepare();
            double djlSetUp = seconds(start);
            double[] djlEpochs = epochSeconds(() -> djl.getData(manager));
            System.out.printf(
                    Locale.ROOT,
                    "%d PNG images in %d classes, batches of %d, %d epochs%n",
                    IMAGES,
                    djl.getSynset().size(),
                    BATCH,
                    EPOCHS);
            System.out.printf(
                    Locale.ROOT,
                    "mnistlab ImageFolderSet + ImageDataset: set-up %.2f s, epochs %s s%n",
                    ownSetUp,
                    format(ownEpochs));
            System.out.printf(
                    Locale.ROOT,
                    "basicdataset ImageFolder:               set-up %.2f s, epochs %s s%n",
                    djlSetUp,
                    format(djlEpochs));
        }
    }

    /** An epoch's batches, which may fail as DJL's datasets do. */
    private interface Epoch {
        Iterable<Batch> batches() throws IOException, TranslateException;
    }

    /** Times {@value #EPOCHS} epochs of taking every batch and closing it. */
    private static double[] epochSeconds(Epoch epoch) throws IOException, TranslateException {
        double[] seconds = new double[EPOCHS];
        for (int i = 0; i < EPOCHS; i++) {
            long start = System.nanoTime();
            for (Batch batch : epoch.batches()) {
                batch.close();
            }
            seconds[i] = seconds(start);
        }
        return seconds;
    }

    private static void writeFolders(ImageSet images, Path split) throws IOException {
        for (int i = 0; i < images.size(); i++) {
            Path folder = split.resolve(Integer.toString(images.label(i)));
            Files.createDirectories(folder);
            BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            picture.getRaster()
                    .setDataElements(0, 0, 28, 28, Arrays.copyOfRange(images.pixels(), i * 784, (i + 1) * 784));
            ImageIO.write(picture, "png", folder.resolve(i + ".png").toFile());
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", value));
        }
        return text.toString();
    }
}
