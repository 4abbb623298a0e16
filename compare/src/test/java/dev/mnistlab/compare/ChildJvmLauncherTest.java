package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs real child JVMs ({@link ScriptedPair}) to check how the launcher reads their endings. */
class ChildJvmLauncherTest {

    private static final ChildJvmLauncher LAUNCHER =
            new ChildJvmLauncher(List.of(ScriptedPair.class.getName()), List.of("-Xmx64m", "-Xshare:auto"));

    @TempDir
    Path folder;

    @Test
    void crashedChildIsAFailureWithItsLastLineAndFullLog() throws Exception {
        List<String> heard = new ArrayList<>();
        PairOutcome outcome = LAUNCHER.launch(request("crash", "auto"), folder, heard::add);

        PairOutcome.Failed failed = assertInstanceOf(PairOutcome.Failed.class, outcome);
        assertEquals("exit code 3: simulated failure: the engine fell over", failed.reason());
        assertEquals(List.of("scripted child for crash-mlp-1", "simulated failure: the engine fell over"), heard);
        assertEquals(heard, Files.readAllLines(folder.resolve(ChildJvmLauncher.LOG_FILE)));
    }

    @Test
    void childKilledMidwayIsReportedAndTheOtherPairsStillRun() throws Exception {
        ComparePlan plan = CompareFixtures.plan(List.of("first", "killed", "last"), List.of("mlp"), 1);
        CompareResults results =
                new CompareRun(LAUNCHER, new CompareRun.Listener() {}).run(plan, CompareFixtures.context(), folder);

        List<PairOutcome> outcomes = results.outcomes();
        assertEquals(3, outcomes.size());
        assertInstanceOf(PairOutcome.Measured.class, outcomes.get(0));
        assertEquals(
                "killed by signal 9: scripted child for killed-mlp-1",
                assertInstanceOf(PairOutcome.Failed.class, outcomes.get(1)).reason());
        assertInstanceOf(PairOutcome.Measured.class, outcomes.get(2));
        assertTrue(Files.readString(folder.resolve(CompareReport.MARKDOWN_FILE))
                .contains("- `killed-mlp-1`: killed by signal 9"));
    }

    @Test
    void childThatWritesNoFiguresIsAFailure() throws Exception {
        PairOutcome outcome = LAUNCHER.launch(request("silent", "auto"), folder, line -> {});

        assertEquals(
                "the child JVM ended without writing its figures",
                assertInstanceOf(PairOutcome.Failed.class, outcome).reason());
    }

    @Test
    void childThatWritesGarbageIsAFailure() throws Exception {
        PairOutcome outcome = LAUNCHER.launch(request("garbled", "auto"), folder, line -> {});

        assertTrue(assertInstanceOf(PairOutcome.Failed.class, outcome)
                .reason()
                .startsWith("the child JVM wrote unreadable figures: "));
    }

    @Test
    void figuresComeBackExactlyWithThreadsAndPropertiesPassedOn() throws Exception {
        System.setProperty("mnistlab.scripted", "forwarded");
        try {
            PairRequest request = request("pytorch", "3");
            PairOutcome outcome = LAUNCHER.launch(request, folder, line -> {});

            PairFigures figures =
                    assertInstanceOf(PairOutcome.Measured.class, outcome).figures();
            assertEquals(CompareFixtures.figures(request, 0.9, "threads 3, property=forwarded"), figures);
            assertTrue(Double.isNaN(figures.peakRssMiB()));
            assertTrue(Files.exists(folder.resolve(ChildJvmLauncher.REQUEST_FILE)));
        } finally {
            System.clearProperty("mnistlab.scripted");
        }
    }

    private static PairRequest request(String engine, String threads) {
        return new PairRequest(
                engine, TrainingSpec.builder().optThreads(threads).build(), "mlp", Path.of("data"), 1);
    }
}
