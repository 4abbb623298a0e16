package dev.mnistlab.spark;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.eval.ConfusionMatrix;
import dev.mnistlab.eval.EvaluationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Scores one partition of labelled images as {@code mnistlab evaluate} scores a set, and gives one
 * row of counts ({@link ClusterEvaluation#PART}) that the driver adds up.
 */
final class EvaluatePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** The most failure messages a partition reports word for word; the rest are counted. */
    static final int MESSAGES_KEPT = 20;

    private final Broadcast<ModelFiles> files;
    private final String engine;
    private final int classCount;

    EvaluatePartition(Broadcast<ModelFiles> files, String engine, int classCount) {
        this.files = files;
        this.engine = engine;
        this.classCount = classCount;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        if (!rows.hasNext()) {
            return List.<Row>of().iterator();
        }
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        long failed = 0;
        List<String> messages = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            try {
                int label = label(row);
                byte[] image = RowImages.forEvaluation(row);
                pixels.writeBytes(image);
                labels.write(label);
            } catch (InvalidInputException | IOException e) {
                failed++;
                if (messages.size() < MESSAGES_KEPT) {
                    messages.add(e.getMessage());
                }
            }
        }
        ImageSet images = new ImageSet(
                pixels.toByteArray(), labels.toByteArray(), DatasetLoader.IMAGE_SIZE, DatasetLoader.IMAGE_SIZE);
        EvaluationReport report = images.size() == 0
                ? EvaluationReport.ofTotals(0, new ConfusionMatrix(classCount))
                : ExecutorModels.borrow(files.value(), engine).evaluate(images);
        return List.of(ClusterEvaluation.toRow(report, failed, messages)).iterator();
    }

    private int label(Row row) {
        int field = row.fieldIndex(InputImages.LABEL);
        if (row.isNullAt(field)) {
            throw new InvalidInputException(RowImages.id(row) + ": has no label; evaluation needs labelled images");
        }
        int label = row.getInt(field);
        if (label < 0 || label >= classCount) {
            throw new InvalidInputException(
                    RowImages.id(row) + ": its label is not one of the model's " + classCount + " classes");
        }
        return label;
    }
}
