package dev.mnistlab.cli;

import dev.mnistlab.testing.Folders;
import dev.mnistlab.testing.Mutations;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Feeds damaged copies of one file format to the command that reads it, in a JVM of its own with
 * little memory (the test that starts it sets {@code -Xmx}), and checks every outcome: a result
 * (exit 0) or one line of our own words with exit 2, within a time limit, and no case may run out of
 * memory. Prints one line per fault and exits 1 if there was any.
 *
 * <p>Arguments: the format ({@code idx}, {@code model.json}, {@code parameters},
 * {@code optimizer.state}, {@code image}), a work folder, the number of cases and the seed.
 */
final class HostileFileDriver {

    /** What must never reach a user: Java's and Gson's words, stack frames, help links. */
    private static final Pattern LEAKS = Pattern.compile(
            "internal error|Exception|Error:|\\tat |https?://|gson|\\$\\[|null\\b", Pattern.CASE_INSENSITIVE);

    private static final long CASE_SECONDS = 30;
    private static final int MAX_MESSAGE = 400;

    private final Path work;
    private final Path data;
    private final Path model;
    private final Path image;

    private HostileFileDriver(Path work) throws IOException {
        this.work = work;
        TinyModel tiny = TinyModel.trainIn(work);
        data = tiny.data();
        model = tiny.model();
        image = work.resolve("digit.png");
        Files.write(image, Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "png"));
    }

    public static void main(String[] args) throws IOException {
        HostileFileDriver driver = new HostileFileDriver(Path.of(args[1]));
        List<String> faults = driver.run(args[0], Integer.parseInt(args[2]), Long.parseLong(args[3]));
        faults.forEach(System.out::println);
        System.out.println(args[0] + ": " + args[2] + " cases, " + faults.size() + " faults");
        System.exit(faults.isEmpty() ? 0 : 1);
    }

    private List<String> run(String format, int cases, long seed) throws IOException {
        Random seeds = new Random(seed);
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            long caseSeed = seeds.nextLong();
            Path caseFolder = Files.createDirectories(work.resolve("case-" + i));
            String[] command = prepare(format, caseFolder, new Random(caseSeed));
            long start = System.nanoTime();
            String fault;
            try {
                fault = judge(CliRun.of(command));
            } catch (OutOfMemoryError e) {
                fault = "ran out of memory: " + e.getMessage();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (fault == null && seconds > CASE_SECONDS) {
                fault = "took " + Math.round(seconds) + " s";
            }
            if (fault != null) {
                faults.add(format + " case seed " + caseSeed + ": " + fault);
            }
            deleteRecursively(caseFolder);
        }
        return faults;
    }

    /** Writes the case's damaged file and returns the command that reads it. */
    private String[] prepare(String format, Path caseFolder, Random random) throws IOException {
        return switch (format) {
            case "idx" -> {
                Path caseData = Folders.copy(data, caseFolder.resolve("data"));
                damage(anyFileOf(caseData, random), random);
                yield new String[] {
                    "show",
                    "--data-dir",
                    caseData.toString(),
                    "--output",
                    caseFolder.resolve("grid.png").toString()
                };
            }
            case "model.json", "parameters" -> {
                Path caseModel = Folders.copy(model, caseFolder.resolve("model"));
                damage(caseModel.resolve(format.equals("model.json") ? "model.json" : "model-0001.params"), random);
                yield new String[] {
                    "evaluate", "--model", caseModel.toString(), "--data-dir", data.toString(), "--quiet"
                };
            }
            case "optimizer.state" -> {
                Path caseModel = Folders.copy(model, caseFolder.resolve("model"));
                damage(caseModel.resolve("optimizer.state"), random);
                yield new String[] {
                    "train", "--resume", caseModel.toString(), "--epochs", "2", "--data-dir", data.toString(), "--quiet"
                };
            }
            case "image" -> {
                Path picture = caseFolder.resolve(random.nextBoolean() ? "digit.png" : "digit.jpg");
                Files.write(
                        picture,
                        picture.toString().endsWith(".png")
                                ? Files.readAllBytes(image)
                                : Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_3BYTE_BGR), "jpg"));
                damage(picture, random);
                yield new String[] {"predict", "--model", model.toString(), picture.toString()};
            }
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    private static Path anyFileOf(Path folder, Random random) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.sorted().toList();
            return all.get(random.nextInt(all.size()));
        }
    }

    /** Returns why an outcome is a fault, or null if it is a result or a proper refusal. */
    private static String judge(CliRun run) {
        if (run.exitCode() == 0) {
            return null;
        }
        if (run.exitCode() != 2) {
            return "exit " + run.exitCode() + ": " + run.err();
        }
        List<String> lines = run.err().lines().toList();
        if (lines.size() != 1) {
            return lines.size() + " lines: " + run.err();
        }
        String line = lines.get(0);
        if (!line.startsWith("mnistlab: ")
                || line.length() > MAX_MESSAGE
                || LEAKS.matcher(line).find()) {
            return "not one line of our own words: " + line;
        }
        return null;
    }

    private static void damage(Path file, Random random) throws IOException {
        byte[] valid = Files.readAllBytes(file);
        Files.write(file, Mutations.of(valid, random));
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
