package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.expr;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * The file formats a job writes its rows in. CSV has no arrays, so the ranked classes become one
 * text column, {@code "7:0.98 1:0.01"}.
 */
public enum OutputFormat {
    /** Apache Parquet: typed columns, the ranked classes as an array of structs. */
    PARQUET,
    /** JSON lines: one object per row. */
    JSON,
    /** CSV with a header line. */
    CSV;

    /**
     * Writes a table into a new folder, through Spark's committer: the folder appears whole, with
     * its {@code _SUCCESS} marker, or not at all.
     *
     * @param table the rows
     * @param folder a folder that does not exist yet, on any file system Spark writes
     */
    public void write(Dataset<Row> table, String folder) {
        switch (this) {
            case PARQUET -> table.write().mode(SaveMode.ErrorIfExists).parquet(folder);
            case JSON -> table.write().mode(SaveMode.ErrorIfExists).json(folder);
            case CSV ->
                flatten(table)
                        .write()
                        .mode(SaveMode.ErrorIfExists)
                        .option("header", true)
                        .csv(folder);
        }
    }

    private static Dataset<Row> flatten(Dataset<Row> table) {
        if (!java.util.Arrays.asList(table.columns()).contains("top")) {
            return table;
        }
        return table.withColumn(
                "top", expr("concat_ws(' ', transform(top, t -> concat(t.name, ':', cast(t.probability AS STRING))))"));
    }

    /**
     * Checks, before any work, that a job's output folder does not exist yet: jobs never replace
     * output.
     *
     * @throws InvalidInputException if it exists
     */
    public static void requireNew(String folder, Configuration hadoop) throws IOException {
        Path path = new Path(folder);
        if (path.getFileSystem(hadoop).exists(path)) {
            throw new InvalidInputException(
                    InputField.OUTPUT_FOLDER,
                    "outputFolder " + folder
                            + " already exists; jobs never replace output: choose a new folder or delete it first");
        }
    }

    /** Returns the name users type: {@code parquet}, {@code json} or {@code csv}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
