package dev.mnistlab.spark.jobs;

import dev.mnistlab.spark.InputImages;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The columns of a Parquet table of pictures that a job reads with {@code --parquet}. */
final class TableColumns {

    @Option(
            names = "--image-column",
            defaultValue = "image",
            paramLabel = "NAME",
            description = "With --parquet: the column of encoded pictures (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(
            names = "--id-column",
            paramLabel = "NAME",
            description = "With --parquet: the column that names each row (default: rows are numbered).")
    String id;

    /**
     * Reads the table's pictures.
     *
     * @param labelColumn the label column, or null for none
     */
    Dataset<Row> read(SparkSession spark, String parquet, String labelColumn, List<String> classNames) {
        return InputImages.table(spark.read().parquet(parquet), image, id, labelColumn, classNames);
    }
}
