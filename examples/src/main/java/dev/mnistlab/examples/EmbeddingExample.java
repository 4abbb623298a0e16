package dev.mnistlab.examples;

import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetLocator;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.DownloadProgress;
import dev.mnistlab.eval.EvaluationReport;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingProgress;
import dev.mnistlab.train.TrainingSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * mnistlab inside an app: train a classifier, save it, load it back, evaluate it, and classify a
 * picture given four ways. Run it with a data folder (or none, to use or download MNIST) and a model folder.
 */
public final class EmbeddingExample {

    private EmbeddingExample() {}

    public static void main(String[] args) throws IOException {
        Path dataFolder = args.length > 0 ? Path.of(args[0]) : null;
        Path modelFolder = Path.of(args.length > 1 ? args[1] : "runs/embedded");

        // 1. Configure: the Keras tutorial's MLP, RMSprop and 2 epochs are the defaults; build() validates.
        TrainingSpec spec =
                TrainingSpec.builder().optModel("mlp").optEpochs(2).optSeed(42).build();
        Backend backend = Backends.get("pytorch"); // the backends on the class path; an error names the missing one
        Path found = DatasetLocator.standard(DownloadProgress.NONE).locate(spec.dataset(), dataFolder);
        DatasetSplits data = DatasetLoader.load(found, spec.dataset());

        // 2. Train, on a GPU if the engine sees one (TrainingSpec.optDevice picks), and save.
        TrainingProgress printEpochs = new TrainingProgress() {
            @Override
            public void onEpochEnd(EpochMetrics epoch) {
                System.out.printf(Locale.ROOT, "epoch %d: test accuracy %.4f%n", epoch.epoch(), epoch.testAccuracy());
            }
        };
        try (TrainedModel trained =
                new ClassifierTrainer(backend).train(spec, data, printEpochs, EpochCheckpoint.NONE)) {
            RunOutput.save(trained, modelFolder);
        }

        // 3. Load it back (any backend reads any backend's folder), evaluate, and classify.
        try (DigitClassifier classifier = DigitClassifier.open(modelFolder, backend)) {
            EvaluationReport report = classifier.evaluate(data.test());
            System.out.printf(
                    Locale.ROOT,
                    "loaded: test accuracy %.4f%n",
                    report.summary().accuracy());

            BufferedImage drawn = drawDigit("7");
            print("a BufferedImage", classifier.classify(drawn, 3));

            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(drawn, "png", png);
            print("PNG bytes", classifier.classify(png.toByteArray(), 3));

            Path file = Files.createTempFile("seven", ".png");
            try {
                Files.write(file, png.toByteArray());
                print("a file", classifier.classify(file, 3));
            } finally {
                Files.delete(file);
            }

            float[] first = data.test().scaledImage(0); // 784 values in [0, 1], ink bright on black
            float[][] pixels = new float[28][];
            for (int row = 0; row < 28; row++) {
                pixels[row] = Arrays.copyOfRange(first, row * 28, row * 28 + 28);
            }
            print("28x28 floats (test image 0, a " + data.test().label(0) + ")", classifier.classify(pixels, 3));
        }
    }

    /** Draws a digit in black on white paper, as a user might scan one. */
    private static BufferedImage drawDigit(String digit) {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 120, 160);
        graphics.setColor(Color.BLACK);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 140));
        graphics.drawString(digit, 20, 135);
        graphics.dispose();
        return image;
    }

    private static void print(String given, Prediction prediction) {
        String runnersUp = prediction.ranked().stream()
                .skip(1)
                .map(ranked -> String.format(Locale.ROOT, "%s %.3f", ranked.name(), ranked.probability()))
                .collect(Collectors.joining(", "));
        System.out.printf(
                Locale.ROOT,
                "%s: %s (p %.3f), then %s%n",
                given,
                prediction.best().name(),
                prediction.best().probability(),
                runnersUp);
    }
}
