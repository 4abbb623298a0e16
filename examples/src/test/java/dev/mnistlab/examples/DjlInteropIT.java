package dev.mnistlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.testing.DocSection;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL interoperation examples of docs/embedding.md and docs/datasets.md run as written on real
 * MNIST, with mnistlab-core, the PyTorch backend and basicdataset alone: EasyTrain on mnistlab data
 * with a DJL listener and a cancelled training; a saved folder through DJL's Criteria, answering as
 * DigitClassifier on 1,000 test pictures; basicdataset's Mnist from local files, no network.
 */
class DjlInteropIT {

    private static final Path SOURCES = Path.of("src/main/java/dev/mnistlab/examples");

    @TempDir
    Path dir;

    @Test
    void easyTrainOnMnistlabDataAndACancelledTraining() throws Exception {
        String printed =
                run(() -> DjlTrainingExample.main(new String[] {RealData.mnist().toString()}));
        double accuracy = number(printed, "EasyTrain.fit: test accuracy (\\d\\.\\d{4}) after 2 epochs");
        assertTrue(accuracy > 0.94, printed);
        assertTrue(
                printed.contains("cancelled: training cancelled in epoch 1 before batch 101; 0 complete epochs"),
                printed);
    }

    @Test
    void savedFolderThroughCriteriaAnswersAsDigitClassifier() throws Exception {
        Path model = dir.resolve("model");
        try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch"))
                .train(
                        TrainingSpec.builder().optEpochs(1).build(),
                        DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST))) {
            RunOutput.save(trained, model);
        }
        String printed = run(() -> CriteriaExample.main(
                new String[] {model.toString(), RealData.mnist().toString()}));
        Matcher line = Pattern.compile(
                        "Criteria: 1000 pictures, (\\d+) read right; largest difference from DigitClassifier (\\S+)")
                .matcher(printed);
        assertTrue(line.find(), printed);
        assertTrue(Integer.parseInt(line.group(1)) > 850, "MNIST-style preprocessing keeps most right: " + printed);
        assertTrue(Double.parseDouble(line.group(2)) <= 1e-6, printed);
    }

    @Test
    void basicdatasetMnistFromLocalFilesTrainsAsMnistlabDoes() throws Exception {
        String cacheBefore = System.getProperty("DJL_CACHE_DIR");
        System.setProperty("DJL_CACHE_DIR", dir.resolve("djl-cache").toString());
        String printed;
        try {
            printed = run(() -> BasicDatasetExample.main(new String[] {
                RealData.mnist().toString(), dir.resolve("repo").toString()
            }));
        } finally {
            if (cacheBefore == null) {
                System.clearProperty("DJL_CACHE_DIR");
            } else {
                System.setProperty("DJL_CACHE_DIR", cacheBefore);
            }
        }
        assertEquals("true", System.getProperty("ai.djl.offline"), "no download was allowed");
        double viaBasicdataset =
                number(printed, "basicdataset Mnist, 60000 \\+ 10000 images from .*: test accuracy (\\d\\.\\d{4})");
        double viaMnistlab;
        try (TrainedModel trained = new ClassifierTrainer(Backends.get("pytorch"))
                .train(TrainingSpec.builder().build(), DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST))) {
            viaMnistlab = trained.result().testAccuracy();
        }
        System.out.printf(
                Locale.ROOT, "test accuracy: basicdataset %.4f, mnistlab train %.4f%n", viaBasicdataset, viaMnistlab);
        assertEquals(viaMnistlab, viaBasicdataset, 0.005);
    }

    @Test
    void docsShowTheExamplesAsTheyAre() throws IOException {
        DocSection.assertCurrent(Path.of("../docs/embedding.md"), "djl-training", javaBlock("DjlTrainingExample"));
        DocSection.assertCurrent(Path.of("../docs/embedding.md"), "criteria", javaBlock("CriteriaExample"));
        DocSection.assertCurrent(Path.of("../docs/datasets.md"), "basicdataset", javaBlock("BasicDatasetExample"));
    }

    private static String javaBlock(String example) throws IOException {
        return "```java\n" + Files.readString(SOURCES.resolve(example + ".java")) + "```\n";
    }

    private static double number(String printed, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(printed);
        assertTrue(matcher.find(), printed);
        return Double.parseDouble(matcher.group(1));
    }

    /** A program's {@code main}, which may throw anything. */
    private interface Program {
        void run() throws Exception;
    }

    private static String run(Program program) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        return printed;
    }
}
