package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.col;

import dev.mnistlab.infer.DigitClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies the images of a table on the executors: each partition in engine batches, each
 * executor loading the model once ({@link ClusterModel}).
 *
 * <p>Each input row gives one output row with the columns of {@link #SCHEMA}: the image's id, its
 * best class (index, name, probability), the {@code topK} best as an array, the model and engine,
 * and {@value #ERROR}: null, or why the image could not be classified (then the class columns are
 * null). A picture that cannot be read is such a row, never a failed job. The answers are the ones
 * {@code mnistlab predict} gives for the same files.
 *
 * <pre>{@code
 * Dataset<Row> answers = BatchPrediction.predict(InputImages.files(spark, "/scans"), model, 3, 256);
 * answers.where(col("error").isNull()).groupBy("name").count().show();
 * }</pre>
 */
public final class BatchPrediction {

    /** Why the row's image could not be classified, or null. */
    public static final String ERROR = "error";

    /** One ranked class: index, name and probability. */
    public static final StructType RANKED_CLASS = new StructType()
            .add("class", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType, false)
            .add("probability", DataTypes.DoubleType, false);

    /** The columns of the answer, in this order. */
    public static final StructType SCHEMA = new StructType()
            .add(InputImages.ID, DataTypes.StringType, false)
            .add("class", DataTypes.IntegerType, true)
            .add("name", DataTypes.StringType, true)
            .add("probability", DataTypes.DoubleType, true)
            .add("top", DataTypes.createArrayType(RANKED_CLASS, false), true)
            .add("model", DataTypes.StringType, false)
            .add("engine", DataTypes.StringType, false)
            .add(ERROR, DataTypes.StringType, true);

    private BatchPrediction() {}

    /**
     * Classifies every row of a table shaped as {@link InputImages} makes them.
     *
     * @param images the images
     * @param model the model, loaded for this session
     * @param topK how many classes to rank per image, 1 to the number of classes
     * @param batchSize images per forward pass, at least 1
     * @return a lazy table of answers, one row per image
     * @throws dev.mnistlab.InvalidInputException if {@code topK} or {@code batchSize} is out of range
     */
    public static Dataset<Row> predict(Dataset<Row> images, ClusterModel model, int topK, int batchSize) {
        return predict(images, model, topK, batchSize, null);
    }

    /**
     * Classifies every row, counting images and failures as it goes (see {@link PredictionCounter}).
     *
     * @param images the images
     * @param model the model, loaded for this session
     * @param topK how many classes to rank per image, 1 to the number of classes
     * @param batchSize images per forward pass, at least 1
     * @param counter counts the rows of the action that computes the answers, or null
     * @return a lazy table of answers, one row per image
     * @throws dev.mnistlab.InvalidInputException if {@code topK} or {@code batchSize} is out of range
     */
    public static Dataset<Row> predict(
            Dataset<Row> images, ClusterModel model, int topK, int batchSize, PredictionCounter counter) {
        DigitClassifier.requireTopK(topK, model.classNames().size());
        BatchSizes.require(batchSize);
        Dataset<Row> input = images.select(
                col(InputImages.ID), col(InputImages.CONTENT), col(InputImages.PIXELS), col(InputImages.LABEL));
        return input.mapPartitions(
                new PredictPartition(model.files(), model.source(), model.engine(), topK, batchSize, counter),
                Encoders.row(SCHEMA));
    }
}
