package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.col;

import dev.mnistlab.eval.ConfusionMatrix;
import dev.mnistlab.eval.EvaluationReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A model's figures on a labelled table, scored on the executors: the same loss, accuracy,
 * per-class figures and confusion counts as {@code mnistlab evaluate} on the same images, and the
 * images that could not be scored.
 *
 * <pre>{@code
 * ClusterEvaluation result = ClusterEvaluation.evaluate(
 *         InputImages.labelledFolders(spark, "hdfs:///sets/digits/test", model.classNames()), model);
 * System.out.println(result.report().summary().accuracy());
 * }</pre>
 *
 * @param report loss, accuracy and confusion matrix over the images that were scored
 * @param failed how many images could not be scored (unreadable, not 28x28, unlabelled)
 * @param failures why, word for word, for up to 20 per partition
 */
public record ClusterEvaluation(EvaluationReport report, long failed, List<String> failures) {

    /** The row each partition gives: its loss sum, confusion counts and failures. */
    static final StructType PART = new StructType()
            .add("lossSum", DataTypes.DoubleType, false)
            .add("confusion", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("failed", DataTypes.LongType, false)
            .add("failures", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /** Keeps the failure list as given. */
    public ClusterEvaluation {
        failures = List.copyOf(failures);
    }

    /**
     * Scores a model on every row of a table shaped as {@link InputImages} makes them, with labels.
     *
     * @param images the labelled images; encoded pictures must be 28x28, as in a dataset folder
     * @param model the model, loaded for this session
     */
    public static ClusterEvaluation evaluate(Dataset<Row> images, ClusterModel model) {
        int classCount = model.classNames().size();
        List<Row> parts = images.select(
                        col(InputImages.ID), col(InputImages.CONTENT), col(InputImages.PIXELS), col(InputImages.LABEL))
                .mapPartitions(new EvaluatePartition(model.files(), model.engine(), classCount), Encoders.row(PART))
                .collectAsList();
        List<EvaluationReport> reports = new ArrayList<>(parts.size());
        long failed = 0;
        List<String> failures = new ArrayList<>();
        for (Row part : parts) {
            reports.add(fromRow(part, classCount));
            failed += part.getLong(2);
            failures.addAll(part.getList(3));
        }
        return new ClusterEvaluation(EvaluationReport.combine(reports, classCount), failed, failures);
    }

    static Row toRow(EvaluationReport report, long failed, List<String> failures) {
        ConfusionMatrix confusion = report.confusion();
        int classes = confusion.classCount();
        Long[] counts = new Long[classes * classes];
        for (int truth = 0; truth < classes; truth++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                counts[truth * classes + predicted] = confusion.count(truth, predicted);
            }
        }
        long count = report.summary().count();
        double lossSum = count == 0 ? 0 : report.summary().loss() * count;
        return RowFactory.create(lossSum, counts, failed, failures.toArray(String[]::new));
    }

    private static EvaluationReport fromRow(Row part, int classCount) {
        List<Long> flat = part.getList(1);
        long[][] counts = new long[classCount][classCount];
        for (int i = 0; i < flat.size(); i++) {
            counts[i / classCount][i % classCount] = flat.get(i);
        }
        return EvaluationReport.ofTotals(part.getDouble(0), ConfusionMatrix.of(counts));
    }
}
