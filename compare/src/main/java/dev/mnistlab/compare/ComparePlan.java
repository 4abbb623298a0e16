package dev.mnistlab.compare;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.train.TrainingSpec;
import java.math.BigDecimal;
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
        List<TrainingSpec> all = List.copyOf(specs);
        specs = all;
        if (engines.isEmpty() || all.isEmpty()) {
            throw new InvalidInputException("a comparison needs at least one engine and one model");
        }
        if (engines.stream().distinct().count() != engines.size()) {
            throw new InvalidInputException("--engines names an engine twice: " + String.join(",", engines));
        }
        if (all.stream().map(spec -> settingName(spec, all)).distinct().count() != all.size()) {
            throw new InvalidInputException("--models names a model twice");
        }
        if (repeat < 1 || repeat > MAX_REPEAT) {
            throw new InvalidInputException("--repeat must be between 1 and " + MAX_REPEAT + ", got " + repeat);
        }
    }

    /**
     * Names a spec of this plan as its reports show it: the model's name when the plan trains each
     * model one way (as {@code mnistlab compare} does), and with the optimizer, its learning rate and
     * the seed when it trains a model several ways (as a sweep does), e.g. {@code mlp adam lr=0.0005
     * seed=2}.
     *
     * @param spec one of the plan's specs
     */
    public String settingName(TrainingSpec spec) {
        return settingName(spec, specs);
    }

    private static String settingName(TrainingSpec spec, List<TrainingSpec> specs) {
        String model = spec.architecture().name();
        long sameModel = specs.stream()
                .filter(other -> other.architecture().name().equals(model))
                .count();
        return sameModel == 1
                ? model
                : model + " " + spec.optimizer().name() + " lr="
                        + BigDecimal.valueOf(spec.optimizer().learningRate())
                                .stripTrailingZeros()
                                .toPlainString()
                        + " seed=" + spec.seed();
    }

    /** Returns every measurement to make, repetition by repetition, so a partial run is balanced. */
    public List<PairRequest> requests() {
        List<PairRequest> requests = new ArrayList<>();
        for (int repetition = 1; repetition <= repeat; repetition++) {
            for (TrainingSpec spec : specs) {
                for (String engine : engines) {
                    requests.add(new PairRequest(engine, spec, settingName(spec), dataFolder, repetition));
                }
            }
        }
        return requests;
    }
}
