package dev.mnistlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.TrainedFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's guarantee holds for the jobs: a task that fails half-way through writing its partition
 * is run again, and the output holds every input exactly once.
 */
class TaskRetryIT {

    @TempDir
    static Path temp;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        // local[2,2]: two cores, and a task may fail once before the job does.
        spark = SparkSession.builder()
                .master("local[2,2]")
                .appName("TaskRetryIT")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndEveryImageIsWrittenOnce() throws IOException {
        Path folder = temp.resolve("pngs");
        TestImages.writePngs(TrainedFolders.mnist().test(), 1_000, folder);
        ClusterModel model = ClusterModel.load(
                spark, TrainedFolders.mlp(temp.resolve("mlp"), 3).toString(), "pytorch");
        Path output = temp.resolve("answers");

        OutputFormat.PARQUET.write(
                BatchPrediction.predict(InputImages.files(spark, folder.toString()), model, 1, 32)
                        .mapPartitions(new FailFirstAttemptHalfWay(), Encoders.row(BatchPrediction.SCHEMA)),
                output.toString());

        List<Row> rows = spark.read().parquet(output.toString()).collectAsList();
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getString(0)));
        assertEquals(1_000, ids.size());
        assertEquals(1_000, ids.stream().distinct().count());
        try (Stream<Path> files = Files.list(output)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith("_temporary")));
        }
    }

    /**
     * The test's hook: the first attempt of partition 0 hands on half its rows (so half its answers
     * reach the output file) and then fails; every later attempt passes everything on.
     */
    static final class FailFirstAttemptHalfWay implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            TaskContext task = TaskContext.get();
            if (task.partitionId() != 0 || task.attemptNumber() > 0) {
                return rows;
            }
            List<Row> all = new ArrayList<>();
            rows.forEachRemaining(all::add);
            Iterator<Row> half = all.subList(0, all.size() / 2).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    if (!half.hasNext()) {
                        throw new IllegalStateException("failing the first attempt of partition 0 on purpose");
                    }
                    return true;
                }

                @Override
                public Row next() {
                    return half.next();
                }
            };
        }
    }
}
