package dev.mnistlab.bench;

import dev.mnistlab.infer.MnistPreprocessor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
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
 * Turning a picture into a 28x28 MNIST-style input: a 28x28 image (already MNIST-like) and a
 * 1280x960 photo-sized one with a dark digit on a light page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class PreprocessingBenchmark {

    @Param({"28", "1280"})
    public int width;

    private BufferedImage picture;

    @Setup
    public void drawDigit() {
        int height = width == 28 ? 28 : width * 3 / 4;
        picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(235, 230, 220));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(20, 20, 30));
        g.setStroke(new BasicStroke(Math.max(2, width / 40f)));
        g.drawOval(width * 2 / 5, height / 5, width / 5, height * 3 / 5);
        g.dispose();
    }

    @Benchmark
    public float[] toMnist() {
        return MnistPreprocessor.toMnist(picture, "benchmark picture");
    }
}
