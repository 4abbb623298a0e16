package dev.mnistlab.eval;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.internal.ImageBatcher;
import dev.mnistlab.eval.internal.RunningScore;
import java.util.function.BiConsumer;

/**
 * Scores a model on a set of images: mean softmax cross-entropy, accuracy and confusion matrix.
 *
 * <p>Runs the model's block in inference mode, batch by batch, in a manager it closes itself; the
 * model's parameters are only read.
 */
public final class ModelEvaluator {

    private static final Loss LOSS = new SoftmaxCrossEntropy();

    private ModelEvaluator() {}

    /**
     * Evaluates a model.
     *
     * @param model an initialised model whose block outputs class scores
     * @param images the images to score
     * @param batchSize images per forward pass
     * @param classCount how many classes the model predicts
     * @return loss, accuracy and confusion matrix over all images
     */
    public static EvaluationReport evaluate(Model model, ImageSet images, int batchSize, int classCount) {
        return evaluate(model, images, batchSize, classCount, EvaluationProgress.NONE);
    }

    /**
     * Evaluates a model, reporting after every batch.
     *
     * @param model an initialised model whose block outputs class scores
     * @param images the images to score
     * @param batchSize images per forward pass
     * @param classCount how many classes the model predicts
     * @param progress hears about every scored batch
     * @return loss, accuracy and confusion matrix over all images
     */
    public static EvaluationReport evaluate(
            Model model, ImageSet images, int batchSize, int classCount, EvaluationProgress progress) {
        return evaluate(model, images, batchSize, classCount, progress, (batch, logits) -> {});
    }

    /**
     * Evaluates a model, reporting after every batch and showing each batch with its scores to an
     * observer, for example DJL training listeners' {@code onValidationBatch}.
     *
     * @param model an initialised model whose block outputs class scores
     * @param images the images to score
     * @param batchSize images per forward pass
     * @param classCount how many classes the model predicts
     * @param progress hears about every scored batch
     * @param eachBatch sees every batch with the model's class scores, before they are freed
     * @return loss, accuracy and confusion matrix over all images
     */
    public static EvaluationReport evaluate(
            Model model,
            ImageSet images,
            int batchSize,
            int classCount,
            EvaluationProgress progress,
            BiConsumer<Batch, NDList> eachBatch) {
        RunningScore score = new RunningScore();
        ConfusionMatrix confusion = new ConfusionMatrix(classCount);
        ImageBatcher batcher = new ImageBatcher(images, batchSize);
        int[] order = EpochOrder.sequential(images.size());
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            for (int from = 0; from < order.length; from += batchSize) {
                int to = Math.min(order.length, from + batchSize);
                try (Batch batch = batcher.batch(manager.newSubManager(), order, from, to)) {
                    NDList logits = model.getBlock().forward(parameters, batch.getData(), false);
                    NDArray loss = LOSS.evaluate(batch.getLabels(), logits);
                    int[] predicted = score.add(
                            logits.singletonOrThrow(), batch.getLabels().singletonOrThrow(), loss);
                    for (int i = 0; i < predicted.length; i++) {
                        confusion.add(images.label(order[from + i]), predicted[i]);
                    }
                    eachBatch.accept(batch, logits);
                    progress.onScored(to, order.length, score.result());
                }
            }
        }
        return new EvaluationReport(score.result(), confusion);
    }
}
