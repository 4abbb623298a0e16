package dev.mnistlab.eval;

/**
 * Counts of (true class, predicted class) pairs, with per-class precision, recall and F1.
 *
 * <p>Rows are true classes, columns predicted classes.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    /**
     * Creates an empty matrix.
     *
     * @param classCount how many classes
     */
    public ConfusionMatrix(int classCount) {
        this.counts = new long[classCount][classCount];
    }

    /** Counts one image of class {@code truth} predicted as {@code predicted}. */
    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    /** Returns how many classes the matrix has. */
    public int classCount() {
        return counts.length;
    }

    /** Returns how many images of class {@code truth} were predicted as {@code predicted}. */
    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Returns the share of predictions of class {@code c} that were right (0 when none were made). */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** Returns the share of images of class {@code c} that were found (0 when there were none). */
    public double recall(int c) {
        long actual = 0;
        for (long n : counts[c]) {
            actual += n;
        }
        return actual == 0 ? 0 : (double) counts[c][c] / actual;
    }

    /** Returns the harmonic mean of precision and recall of class {@code c}. */
    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
