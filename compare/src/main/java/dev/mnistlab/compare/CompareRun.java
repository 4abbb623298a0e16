package dev.mnistlab.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out a {@link ComparePlan}: one measurement after another (never two at once, which would
 * share the cores), writing the report files after each, so that whatever was measured survives a
 * failed pair or an interrupted run. A failed pair is recorded and the next one runs.
 */
public final class CompareRun {

    /** The folder, inside the output folder, that holds one folder per measurement. */
    public static final String RUNS_FOLDER = "runs";

    /** Hears about a comparison as it goes. Every method has an empty default. */
    public interface Listener {
        /** A measurement starts; {@code index} counts from 1. */
        default void onPairStart(int index, int total, PairRequest request) {}

        /** A measurement printed a line. */
        default void onOutput(PairRequest request, String line) {}

        /** A measurement ended and the report files are written. */
        default void onPairEnd(int index, int total, PairOutcome outcome) {}
    }

    private final PairLauncher launcher;
    private final Listener listener;

    /**
     * Creates a run.
     *
     * @param launcher runs each measurement, normally in a child JVM
     * @param listener hears about progress
     */
    public CompareRun(PairLauncher launcher, Listener listener) {
        this.launcher = launcher;
        this.listener = listener;
    }

    /**
     * Measures every pair of the plan.
     *
     * @param plan what to measure
     * @param context provenance for the report
     * @param output the folder for the report files and {@value #RUNS_FOLDER}/
     * @return every outcome, failures included
     * @throws IOException if the report files cannot be written
     * @throws InterruptedException if interrupted while a measurement runs
     */
    public CompareResults run(ComparePlan plan, CompareContext context, Path output)
            throws IOException, InterruptedException {
        List<PairRequest> requests = plan.requests();
        List<PairOutcome> outcomes = new ArrayList<>();
        CompareResults results = new CompareResults(context, plan, outcomes);
        for (int i = 0; i < requests.size(); i++) {
            PairRequest request = requests.get(i);
            listener.onPairStart(i + 1, requests.size(), request);
            Path workFolder = output.resolve(RUNS_FOLDER).resolve(request.label());
            Files.createDirectories(workFolder);
            outcomes.add(launcher.launch(request, workFolder, line -> listener.onOutput(request, line)));
            results = new CompareResults(context, plan, outcomes);
            CompareReport.write(results, output);
            listener.onPairEnd(i + 1, requests.size(), outcomes.get(i));
        }
        return results;
    }
}
