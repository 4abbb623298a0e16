package dev.mnistlab.compare;

import com.google.gson.JsonParseException;
import dev.mnistlab.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs each pair in a fresh JVM with this JVM's class path, so memory, JIT warm-up and native
 * thread pools of one engine never colour another's figures.
 *
 * <p>The child is started as {@code java [options] -cp CLASSPATH ENTRY... REQUEST RESULT}: it reads
 * the {@link PairRequest} from the JSON file {@code REQUEST} and writes its {@link PairFigures} to
 * {@code RESULT}. Its standard output and error go, line by line, to {@code output.log} in the
 * pair's folder and to the listener. A child that exits non-zero, or without writing its figures,
 * is a {@link PairOutcome.Failed} whose reason is its last line of output. System properties named
 * {@code ai.djl.*} and {@code mnistlab.*} are passed on; the thread count travels in the request's spec.
 */
public final class ChildJvmLauncher implements PairLauncher {

    /** The request's file name in the pair's folder. */
    public static final String REQUEST_FILE = "request.json";

    /** The figures' file name in the pair's folder. */
    public static final String RESULT_FILE = "result.json";

    /** The output's file name in the pair's folder. */
    public static final String LOG_FILE = "output.log";

    private static final List<String> FORWARDED_PROPERTY_PREFIXES = List.of("ai.djl.", "mnistlab.");

    private final List<String> entryPoint;
    private final List<String> jvmOptions;

    /**
     * Creates a launcher.
     *
     * @param entryPoint the main class and any leading arguments, e.g. {@link PairMain#ENTRY_POINT}
     * @param jvmOptions options for every child JVM, e.g. {@code -Xmx2g}
     */
    public ChildJvmLauncher(List<String> entryPoint, List<String> jvmOptions) {
        this.entryPoint = List.copyOf(entryPoint);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Checks, before any pair runs, that a JVM starts with the options given: a mistyped option
     * would otherwise fail every pair, one after another.
     *
     * @throws InvalidInputException naming the options and the JVM's first line of complaint
     */
    public void requireOptionsStart() throws IOException, InterruptedException {
        if (jvmOptions.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-version");
        Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (probe.waitFor() != 0) {
            // The JVM's own reason ("Unrecognized option: -Xfoo", "Too small maximum heap"), not its
            // "Error: Could not create the Java Virtual Machine." around it.
            String reason = said.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("Error"))
                    .findFirst()
                    .orElse("it exits with code " + probe.exitValue());
            throw new InvalidInputException(
                    "the JVM does not start with the options " + String.join(" ", jvmOptions) + ": " + reason);
        }
    }

    @Override
    public PairOutcome launch(PairRequest request, Path workFolder, Consumer<String> output)
            throws InterruptedException {
        Path log = workFolder.resolve(LOG_FILE);
        Path result = workFolder.resolve(RESULT_FILE);
        try {
            Path requestFile = workFolder.resolve(REQUEST_FILE);
            request.write(requestFile);
            Files.deleteIfExists(result);
            ProcessBuilder builder = new ProcessBuilder(command(requestFile, result)).redirectErrorStream(true);
            Process child = builder.start();
            try {
                String lastLine = copyOutput(child, log, output);
                int exitCode = child.waitFor();
                return outcome(request, exitCode, lastLine, result, log);
            } finally {
                child.destroyForcibly();
            }
        } catch (IOException e) {
            return new PairOutcome.Failed(request, "could not run a child JVM: " + e.getMessage(), log);
        }
    }

    private List<String> command(Path requestFile, Path resultFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        System.getProperties().stringPropertyNames().stream()
                .sorted()
                .filter(name -> FORWARDED_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(entryPoint);
        command.add(requestFile.toAbsolutePath().toString());
        command.add(resultFile.toAbsolutePath().toString());
        return command;
    }

    private static String copyOutput(Process child, Path log, Consumer<String> output) throws IOException {
        String lastLine = "";
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                Writer logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                logWriter.write(line);
                logWriter.write(System.lineSeparator());
                logWriter.flush();
                output.accept(line);
                if (!line.isBlank()) {
                    lastLine = line.strip();
                }
            }
        }
        return lastLine;
    }

    private static PairOutcome outcome(PairRequest request, int exitCode, String lastLine, Path result, Path log)
            throws IOException {
        if (exitCode != 0) {
            String ending = exitCode > 128 ? "killed by signal " + (exitCode - 128) : "exit code " + exitCode;
            return new PairOutcome.Failed(request, ending + (lastLine.isEmpty() ? "" : ": " + lastLine), log);
        }
        if (!Files.exists(result)) {
            return new PairOutcome.Failed(request, "the child JVM ended without writing its figures", log);
        }
        try {
            return new PairOutcome.Measured(request, PairFigures.read(result), log);
        } catch (JsonParseException | UncheckedIOException e) {
            return new PairOutcome.Failed(request, "the child JVM wrote unreadable figures: " + e.getMessage(), log);
        }
    }
}
