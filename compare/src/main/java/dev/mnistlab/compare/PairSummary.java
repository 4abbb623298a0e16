package dev.mnistlab.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every repetition of one (engine, setting) pair, summarised figure by figure.
 *
 * @param engine the backend's name
 * @param setting the trained spec's name in the plan: the model's name in a comparison
 *     ({@link ComparePlan#settingName})
 * @param measured the repetitions that produced figures
 * @param failed the repetitions that did not
 */
public record PairSummary(
        String engine, String setting, List<PairOutcome.Measured> measured, List<PairOutcome.Failed> failed) {

    /** Copies the lists. */
    public PairSummary {
        measured = List.copyOf(measured);
        failed = List.copyOf(failed);
    }

    /** Returns the spread of one figure over the measured repetitions. */
    public Spread spread(Figure figure) {
        return Spread.of(measured.stream()
                .mapToDouble(outcome -> figure.of(outcome.figures()))
                .toArray());
    }

    /** Returns the spread of every figure. */
    public Map<Figure, Spread> spreads() {
        Map<Figure, Spread> spreads = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            spreads.put(figure, spread(figure));
        }
        return spreads;
    }

    /** Returns the figures of the first measured repetition (versions, threads), if any. */
    public Optional<PairFigures> first() {
        return measured.stream().findFirst().map(PairOutcome.Measured::figures);
    }
}
