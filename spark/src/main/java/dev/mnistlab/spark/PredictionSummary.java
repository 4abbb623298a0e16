package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How a prediction went: how many images there were, how many could not be classified, and why
 * for the first of them.
 *
 * @param images how many rows the answer has
 * @param failed how many of them carry an error instead of classes
 * @param failures the first errors, word for word (each names its image)
 */
public record PredictionSummary(long images, long failed, List<String> failures) {

    /** Keeps the failure list as given. */
    public PredictionSummary {
        failures = List.copyOf(failures);
    }

    /**
     * Counts the rows of an answer from {@link BatchPrediction#predict}; persist the answer first
     * if it is also written, or it is computed twice.
     *
     * @param answers the answer
     * @param keep how many error messages to keep
     */
    public static PredictionSummary of(Dataset<Row> answers, int keep) {
        Row counts =
                answers.agg(count(lit(1)), count(col(BatchPrediction.ERROR))).first();
        List<String> failures = answers.where(col(BatchPrediction.ERROR).isNotNull())
                .select(BatchPrediction.ERROR)
                .limit(keep)
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        return new PredictionSummary(counts.getLong(0), counts.getLong(1), failures);
    }

    /** Returns how many images were classified. */
    public long classified() {
        return images - failed;
    }
}
