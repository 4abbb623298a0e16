package dev.mnistlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistPreprocessor;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.testing.TrainedFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a master and two workers, each a JVM of its own
 * started from Spark's jars, and the predict job submitted with spark-submit and the job jar. The
 * executors are further JVMs, started by the workers, that load the engine's natives themselves.
 */
class StandaloneClusterIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final int IMAGES = 2_000;

    @TempDir
    static Path temp;

    private static final List<Process> daemons = new ArrayList<>();
    private static Path sparkHome;
    private static String masterUrl;
    private static String masterUi;

    /** What the master logs once its RPC endpoint is up, with the URL workers and jobs connect to. */
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");

    /** What the master logs once its web UI is up, with the UI's URL. */
    private static final Pattern MASTER_UI = Pattern.compile("Bound MasterWebUI to \\S+ and started at (http://\\S+)");

    @BeforeAll
    static void startCluster() throws IOException, InterruptedException {
        sparkHome = fakeSparkHome(temp.resolve("spark-home"));
        // Port 0 everywhere: each daemon binds free ports itself and the master logs its own, so no
        // JVM can take a port between the test's choice of it and the daemon's use.
        daemons.add(start(
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--webui-port",
                "0"));
        masterUrl = awaitLogged("master", MASTER_URL);
        masterUi = awaitLogged("master", MASTER_UI);
        for (int worker = 1; worker <= 2; worker++) {
            daemons.add(start(
                    "worker" + worker,
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "2g",
                    "--webui-port",
                    "0",
                    "--work-dir",
                    Files.createDirectories(temp.resolve("work" + worker)).toString(),
                    masterUrl));
        }
        awaitAliveWorkers(2);
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        for (Process daemon : daemons) {
            daemon.destroy();
        }
        for (Process daemon : daemons) {
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void theSubmittedJobAnswersOnTwoExecutorJvmsAsOneMachineDoes() throws IOException, InterruptedException {
        DatasetSplits mnist = TrainedFolders.mnist();
        Path model = TrainedFolders.mlp(temp.resolve("mlp"), 11);
        List<Path> files = TestImages.writePngs(mnist.test(), IMAGES, temp.resolve("pngs"));
        Path output = temp.resolve("answers");

        Process submit = start(
                "submit",
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                masterUrl,
                "--deploy-mode",
                "client",
                "--class",
                "dev.mnistlab.spark.jobs.PredictJob",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.executor.cores=1",
                "--conf",
                "spark.cores.max=2",
                Path.of("target/mnistlab-spark-job.jar").toAbsolutePath().toString(),
                "--model",
                model.toUri().toString(),
                "--images",
                temp.resolve("pngs").toUri().toString(),
                "--output",
                output.toUri().toString(),
                "--format",
                "json",
                "--top-k",
                "2");
        assertTrue(submit.waitFor(5, TimeUnit.MINUTES), "spark-submit did not finish in 5 minutes");
        assertEquals(0, submit.exitValue(), () -> log("submit"));

        Map<String, Prediction> expected = singleMachineAnswers(model, files);
        int rows = 0;
        for (Path part : partFiles(output)) {
            for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                JsonObject row = JsonParser.parseString(line).getAsJsonObject();
                String name = Path.of(URI.create(row.get("id").getAsString()))
                        .getFileName()
                        .toString();
                Prediction single = expected.get(name);
                assertEquals(single.best().index(), row.get("class").getAsInt(), name);
                assertEquals(single.best().probability(), row.get("probability").getAsDouble(), 1e-6, name);
                rows++;
            }
        }
        assertEquals(IMAGES, rows);
        List<Path> executorLogs = executorLogs();
        assertEquals(2, executorLogs.size(), "one executor per worker: " + executorLogs);
        for (Path log : executorLogs) {
            assertTrue(Files.readString(log).contains("Finished task"), log + " ran no task");
        }
    }

    /**
     * A Spark installation's layout (SPARK_HOME/jars) from Spark's jars in the local repository, for
     * the workers to build executors' class paths. slf4j, which Spark's distribution holds, is listed
     * with the jobs' own dependencies (DJL uses it too), so it is taken from there.
     */
    private static Path fakeSparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        Pattern separator = Pattern.compile(java.io.File.pathSeparator);
        List<String> spark = separator
                .splitAsStream(
                        Files.readString(Path.of("target/classpath-spark.txt")).strip())
                .toList();
        List<String> slf4j = separator
                .splitAsStream(Files.readString(Path.of("target/classpath-runtime.txt"))
                        .strip())
                .filter(jar -> Path.of(jar).getFileName().toString().startsWith("slf4j-api"))
                .toList();
        for (String jar : Stream.concat(spark.stream(), slf4j.stream()).toList()) {
            Path source = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(source.getFileName()), source);
        }
        return home;
    }

    private static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Pattern.compile(" +")
                .splitAsStream(System.getProperty("spark.jvm.options", "").strip())
                .toList());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(sparkHome.resolve("jars") + "/*");
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        return builder.start();
    }

    /** Waits until a daemon's log has a line that {@code pattern} finds, and returns its first group. */
    private static String awaitLogged(String name, Pattern pattern) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            requireDaemonsAlive();
            Matcher logged = pattern.matcher(Files.readString(temp.resolve(name + ".log")));
            if (logged.find()) {
                return logged.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the " + name + " did not log '" + pattern + "' in " + STARTUP + "\n" + log(name));
    }

    private static void requireDaemonsAlive() {
        for (Process daemon : daemons) {
            if (!daemon.isAlive()) {
                throw new AssertionError("a cluster JVM exited with " + daemon.exitValue() + "\n" + log("master") + "\n"
                        + log("worker1") + "\n" + log("worker2"));
            }
        }
    }

    private static void awaitAliveWorkers(int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        String page = "";
        while (Instant.now().isBefore(deadline)) {
            requireDaemonsAlive();
            try {
                page = new String(
                        URI.create(masterUi + "/json/").toURL().openStream().readAllBytes(), StandardCharsets.UTF_8);
                if (JsonParser.parseString(page)
                                .getAsJsonObject()
                                .get("aliveworkers")
                                .getAsInt()
                        >= count) {
                    return;
                }
            } catch (IOException notYet) {
                // The master's page is not up yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the cluster did not get " + count + " workers in " + STARTUP + ": " + page + "\n"
                + log("master") + "\n" + log("worker1"));
    }

    private static List<Path> partFiles(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(file -> file.getFileName().toString().startsWith("part-"))
                    .toList();
        }
    }

    /** The executors' logs, one folder per executor under each worker's work folder. */
    private static List<Path> executorLogs() throws IOException {
        List<Path> logs = new ArrayList<>();
        for (int worker = 1; worker <= 2; worker++) {
            try (Stream<Path> files = Files.walk(temp.resolve("work" + worker))) {
                files.filter(file -> file.getFileName().toString().equals("stderr"))
                        .forEach(logs::add);
            }
        }
        return logs;
    }

    private static String log(String name) {
        Path log = temp.resolve(name + ".log");
        if (!Files.exists(log)) {
            return name + ".log: not started";
        }
        try {
            return name + ".log:\n" + Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Prediction> singleMachineAnswers(Path model, List<Path> files) throws IOException {
        Map<String, Prediction> answers = new HashMap<>();
        try (DigitClassifier classifier = DigitClassifier.open(model, Backends.get("pytorch"))) {
            for (Path file : files) {
                answers.put(
                        file.getFileName().toString(),
                        classifier
                                .classify(List.of(MnistPreprocessor.toMnist(ImageFiles.read(file), file.toString())), 2)
                                .get(0));
            }
        }
        return answers;
    }
}
