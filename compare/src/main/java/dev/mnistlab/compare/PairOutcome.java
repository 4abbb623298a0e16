package dev.mnistlab.compare;

import java.nio.file.Path;

/** How one pair's measurement ended: with figures, or with the reason it failed. */
public sealed interface PairOutcome {

    /** Returns what was asked for. */
    PairRequest request();

    /** Returns the file holding the child's whole output. */
    Path log();

    /**
     * The child measured the pair.
     *
     * @param request what was asked for
     * @param figures what it measured
     * @param log the child's output
     */
    record Measured(PairRequest request, PairFigures figures, Path log) implements PairOutcome {}

    /**
     * The child failed.
     *
     * @param request what was asked for
     * @param reason one line: the child's last words, or how it ended
     * @param log the child's output
     */
    record Failed(PairRequest request, String reason, Path log) implements PairOutcome {}
}
