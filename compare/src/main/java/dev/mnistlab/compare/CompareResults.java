package dev.mnistlab.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * A comparison so far: its plan, its provenance and the outcome of every pair measured yet.
 *
 * @param context where, when and how it ran
 * @param plan what it set out to measure
 * @param outcomes each measurement's outcome, in the order made
 */
public record CompareResults(CompareContext context, ComparePlan plan, List<PairOutcome> outcomes) {

    /** Copies the outcomes. */
    public CompareResults {
        outcomes = List.copyOf(outcomes);
    }

    /** Returns one summary per (setting, engine) that has at least one outcome, in plan order. */
    public List<PairSummary> summaries() {
        List<PairSummary> summaries = new ArrayList<>();
        for (var spec : plan.specs()) {
            String setting = plan.settingName(spec);
            for (String engine : plan.engines()) {
                List<PairOutcome.Measured> measured = new ArrayList<>();
                List<PairOutcome.Failed> failed = new ArrayList<>();
                for (PairOutcome outcome : outcomes) {
                    if (outcome.request().engine().equals(engine)
                            && outcome.request().setting().equals(setting)) {
                        if (outcome instanceof PairOutcome.Measured m) {
                            measured.add(m);
                        } else {
                            failed.add((PairOutcome.Failed) outcome);
                        }
                    }
                }
                if (!measured.isEmpty() || !failed.isEmpty()) {
                    summaries.add(new PairSummary(engine, setting, measured, failed));
                }
            }
        }
        return summaries;
    }

    /** Returns the failed measurements. */
    public List<PairOutcome.Failed> failures() {
        return outcomes.stream()
                .filter(PairOutcome.Failed.class::isInstance)
                .map(PairOutcome.Failed.class::cast)
                .toList();
    }
}
