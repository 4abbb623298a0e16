package dev.mnistlab.infer;

import ai.djl.modality.Classifications;
import java.util.List;

/**
 * A model's answer for one image: its classes ranked by probability, best first.
 *
 * @param ranked the {@code k} most probable classes, best first
 */
public record Prediction(List<RankedClass> ranked) {

    /**
     * One class and its probability.
     *
     * @param index the class index
     * @param name the class name
     * @param probability the softmax probability
     */
    public record RankedClass(int index, String name, double probability) {}

    /** Copies the list so the record stays immutable. */
    public Prediction {
        ranked = List.copyOf(ranked);
    }

    /** Returns the most probable class. */
    public RankedClass best() {
        return ranked.get(0);
    }

    /** Returns the ranked classes as DJL's {@link Classifications}, best first. */
    public Classifications toClassifications() {
        return new Classifications(
                ranked.stream().map(RankedClass::name).toList(),
                ranked.stream().map(RankedClass::probability).toList());
    }
}
