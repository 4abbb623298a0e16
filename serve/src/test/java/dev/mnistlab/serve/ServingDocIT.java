package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.TrainedFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code curl} line of docs/serving.md, in order, against a real service set up as the
 * page says ({@code --model digits=... --model-store runs}), and checks the HTTP status its comment
 * names.
 */
class ServingDocIT {

    private static final Path DOC = Path.of("../docs/serving.md");
    private static final Pattern EXAMPLE = Pattern.compile("^(curl .*?)\\s+#\\s*(\\d{3})\\b.*$");

    @TempDir
    Path temp;

    @Test
    void everyCurlExampleAnswersAsDocumented() throws Exception {
        List<String[]> examples = examples();
        assertTrue(examples.size() >= 15, "found only " + examples.size() + " curl examples");
        Path runs = Files.createDirectories(temp.resolve("runs"));
        Path model = TrainedFolders.mlp(runs.resolve("cnn"), 1);
        Files.write(temp.resolve("seven.png"), Pngs.of(TrainedFolders.mnist().test(), 0));
        Files.writeString(temp.resolve("README.md"), "# not an image\n");
        try (MnistlabServer server = MnistlabServer.builder()
                .addModel("digits", model)
                .optPort(0)
                .optModelStore(runs)
                .start()) {
            for (String[] example : examples) {
                String command = example[0].replace("127.0.0.1:8080", "127.0.0.1:" + server.port());
                assertEquals(example[1], status(command), example[0]);
            }
        }
    }

    private static List<String[]> examples() throws IOException {
        List<String[]> examples = new ArrayList<>();
        boolean inShell = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
                continue;
            }
            Matcher example = EXAMPLE.matcher(line);
            if (inShell && example.matches()) {
                examples.add(new String[] {example.group(1), example.group(2)});
            }
        }
        return examples;
    }

    /** Runs a curl line in the temporary folder and returns the HTTP status it got. */
    private String status(String command) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("bash", "-c", command + " -o answer.txt -w '%{http_code}'")
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(curl.waitFor(60, TimeUnit.SECONDS), command);
        assertEquals(0, curl.exitValue(), command + ": " + out);
        return out.trim();
    }
}
