package dev.mnistlab.bench;

import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.MnistPreprocessor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Turning a picture into a 28x28 MNIST-style input, as {@code mnistlab predict}, the service and the
 * Spark jobs do: the first MNIST test digit as an 8-bit grey PNG (the files of the Spark and serve
 * benchmarks), and a 1280x960 photo-sized JPEG with a dark digit on a light page. {@code toMnist}
 * prepares the decoded picture; {@code decodeAndPrepare} starts from the file's bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class PreprocessingBenchmark {

    @Param({"mnist-png", "photo-jpeg"})
    public String picture;

    private byte[] encoded;

    private BufferedImage decoded;

    @Setup
    public void encodePicture() throws IOException {
        boolean mnist = picture.equals("mnist-png");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(mnist ? firstTestDigit() : photo(), mnist ? "png" : "jpg", bytes);
        encoded = bytes.toByteArray();
        decoded = ImageFiles.decode(encoded, picture);
    }

    private static BufferedImage firstTestDigit() throws IOException {
        ImageSet test = DatasetLoader.load(BenchmarkData.mnistFolder(), NamedDataset.MNIST)
                .test();
        return MnistPreprocessor.toImage(test.scaledImage(0));
    }

    private static BufferedImage photo() {
        int width = 1280;
        int height = 960;
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(235, 230, 220));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 20, 30));
        g.setStroke(new BasicStroke(width / 40f));
        g.drawOval(width * 2 / 5, height / 5, width / 5, height * 3 / 5);
        g.dispose();
        return photo;
    }

    @Benchmark
    public float[] toMnist() {
        return MnistPreprocessor.toMnist(decoded, picture);
    }

    @Benchmark
    public float[] decodeAndPrepare() throws IOException {
        return MnistPreprocessor.toMnist(ImageFiles.decode(encoded, picture), picture);
    }
}
