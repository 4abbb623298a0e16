package dev.mnistlab.spark;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Classifies one partition, batch by batch as its rows are pulled, so a partition of any size
 * holds one batch in memory.
 */
final class PredictPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelFiles> files;
    private final String source;
    private final String engine;
    private final int topK;
    private final int batchSize;
    private final PredictionCounter counter;

    PredictPartition(
            Broadcast<ModelFiles> files,
            String source,
            String engine,
            int topK,
            int batchSize,
            PredictionCounter counter) {
        this.files = files;
        this.source = source;
        this.engine = engine;
        this.topK = topK;
        this.batchSize = batchSize;
        this.counter = counter;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        if (!rows.hasNext()) {
            return rows;
        }
        DigitClassifier classifier = ExecutorModels.borrow(files.value(), engine);
        TaskCounts counts = new TaskCounts();
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && rows.hasNext()) {
                    classifyNextBatch(rows, classifier, ready, counts);
                    if (!rows.hasNext() && counter != null) {
                        counter.add(counts.images, counts.failed, counts.messages);
                    }
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** One task's counts, handed to the counter once its partition is done. */
    private static final class TaskCounts {
        private long images;
        private long failed;
        private final List<String> messages = new ArrayList<>();
    }

    private void classifyNextBatch(
            Iterator<Row> rows, DigitClassifier classifier, ArrayDeque<Row> ready, TaskCounts counts) {
        List<Row> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && rows.hasNext()) {
            batch.add(rows.next());
        }
        Row[] answers = new Row[batch.size()];
        List<float[]> prepared = new ArrayList<>(batch.size());
        List<Integer> preparedAt = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                prepared.add(RowImages.forPrediction(batch.get(i)));
                preparedAt.add(i);
            } catch (InvalidInputException | IOException e) {
                answers[i] = failed(RowImages.id(batch.get(i)), e.getMessage());
                counts.failed++;
                if (counter != null && counts.messages.size() < counter.keep()) {
                    counts.messages.add(e.getMessage());
                }
            }
        }
        counts.images += batch.size();
        List<Prediction> predictions = classifier.classify(prepared, topK);
        for (int p = 0; p < predictions.size(); p++) {
            int i = preparedAt.get(p);
            answers[i] = answered(RowImages.id(batch.get(i)), predictions.get(p));
        }
        ready.addAll(List.of(answers));
    }

    private Row answered(String id, Prediction prediction) {
        Row[] top = new Row[prediction.ranked().size()];
        for (int place = 0; place < top.length; place++) {
            Prediction.RankedClass ranked = prediction.ranked().get(place);
            top[place] = RowFactory.create(ranked.index(), ranked.name(), ranked.probability());
        }
        Prediction.RankedClass best = prediction.best();
        return RowFactory.create(id, best.index(), best.name(), best.probability(), top, source, engine, null);
    }

    private Row failed(String id, String reason) {
        return RowFactory.create(id, null, null, null, null, source, engine, reason);
    }
}
