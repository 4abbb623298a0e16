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

    /**
     * Makes a matrix from counts, for example one read back from another process.
     *
     * @param counts {@code counts[truth][predicted]}, square
     * @throws IllegalArgumentException if the counts are not square or one is negative
     */
    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix matrix = new ConfusionMatrix(counts.length);
        for (int truth = 0; truth < counts.length; truth++) {
            if (counts[truth].length != counts.length) {
                throw new IllegalArgumentException("row " + truth + " of a " + counts.length
                        + "-class confusion matrix has " + counts[truth].length + " counts");
            }
            for (int predicted = 0; predicted < counts.length; predicted++) {
                if (counts[truth][predicted] < 0) {
                    throw new IllegalArgumentException("a confusion matrix cannot count " + counts[truth][predicted]);
                }
                matrix.counts[truth][predicted] = counts[truth][predicted];
            }
        }
        return matrix;
    }

    /** Counts one image of class {@code truth} predicted as {@code predicted}. */
    public void add(int truth, int predicted) {
        counts[truth][predicted]++;
    }

    /**
     * Adds another matrix's counts to this one, as when the parts of a set were scored apart.
     *
     * @throws IllegalArgumentException if the other matrix has another number of classes
     */
    public void addAll(ConfusionMatrix other) {
        if (other.classCount() != classCount()) {
            throw new IllegalArgumentException("cannot add a " + other.classCount() + "-class confusion matrix to a "
                    + classCount() + "-class one");
        }
        for (int truth = 0; truth < counts.length; truth++) {
            for (int predicted = 0; predicted < counts.length; predicted++) {
                counts[truth][predicted] += other.counts[truth][predicted];
            }
        }
    }

    /** Returns how many images were counted. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    /** Returns how many images were predicted as their own class. */
    public long correct() {
        long correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return correct;
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
