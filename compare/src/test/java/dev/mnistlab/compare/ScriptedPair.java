package dev.mnistlab.compare;

import java.nio.file.Path;

/**
 * A stand-in for the real child of {@link ChildJvmLauncher}, run in a JVM of its own by the tests.
 * The request's engine name says what to do: {@code crash} prints a line and exits with code 3,
 * {@code silent} exits 0 without figures, {@code garbled} writes a result that is not JSON figures,
 * {@code killed} has itself killed with SIGKILL (as the kernel's out-of-memory killer or a user would),
 * anything else writes figures that echo what the child saw (its thread setting and a forwarded
 * system property).
 */
public final class ScriptedPair {

    private ScriptedPair() {}

    public static void main(String[] args) throws Exception {
        PairRequest request = PairRequest.read(Path.of(args[0]));
        Path result = Path.of(args[1]);
        System.out.println("scripted child for " + request.label());
        switch (request.engine()) {
            case "crash" -> {
                System.err.println("simulated failure: the engine fell over");
                System.exit(3);
            }
            case "silent" -> System.exit(0);
            case "garbled" -> java.nio.file.Files.writeString(result, "{not json");
            case "killed" -> {
                new ProcessBuilder(
                                "kill",
                                "-KILL",
                                Long.toString(ProcessHandle.current().pid()))
                        .start()
                        .waitFor();
                Thread.sleep(60_000);
            }
            default ->
                CompareFixtures.figures(
                                request,
                                0.9,
                                "threads " + request.spec().threads() + ", property="
                                        + System.getProperty("mnistlab.scripted"))
                        .write(result);
        }
    }
}
