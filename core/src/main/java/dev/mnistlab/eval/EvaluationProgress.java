package dev.mnistlab.eval;

/** Hears about an evaluation as it goes, one call per scored batch, from the evaluating thread. */
@FunctionalInterface
public interface EvaluationProgress {

    /** Progress that goes nowhere. */
    EvaluationProgress NONE = (scored, total, soFar) -> {};

    /**
     * A batch has been scored.
     *
     * @param scored images scored so far
     * @param total images to score in all
     * @param soFar loss and accuracy over the images scored so far
     */
    void onScored(long scored, long total, Evaluation soFar);
}
