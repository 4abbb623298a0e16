package dev.mnistlab.compare;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which pairs a comparison measures and how: every engine with every model's spec, each repeated.
 *
 * @param engines backend names, in report order
 * @param specs one training spec per model, in report order; all share seed, data and settings
 * @param dataFolder the dataset's folder, located once for all children
 * @param repeat how many times each pair is measured, each in a fresh JVM
 */
public record ComparePlan(List<String> engines, List<TrainingSpec> specs, Path dataFolder, int repeat) {

    /** The most repetitions accepted. */
    public static final int MAX_REPEAT = 100;

    /** Validates the plan. */
    public ComparePlan {
        engines = List.copyOf(engines);
        specs = List.copyOf(specs);
        if (engines.isEmpty() || specs.isEmpty()) {
            throw new InvalidInputException("a comparison needs at least one engine and one model");
        }
        if (engines.stream().distinct().count() != engines.size()) {
            throw new InvalidInputException("--engines names an engine twice: " + String.join(",", engines));
        }
        if (specs.stream().map(spec -> spec.architecture().name()).distinct().count() != specs.size()) {
            throw new InvalidInputException("--models names a model twice");
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new InvalidInputException("--repeat must be between 1 and " + MAX_REPEAT + ", got " + repeat);
        }
    }

    /** Returns every measurement to make, repetition by repetition, so a partial run is balanced. */
    public List<PairRequest> requests() {
        List<PairRequest> requests = new ArrayList<>();
        for (int repetition = 1; repetition <= repeat; repetition++) {
            for (TrainingSpec spec : specs) {
                for (String engine : engines) {
                    requests.add(new PairRequest(engine, spec, dataFolder, repetition));
                }
            }
        }
        return requests;
    }
}
