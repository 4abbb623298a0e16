package dev.mnistlab.pictures;

import dev.mnistlab.data.ImageSet;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the images of a picture sheet ({@link ImageGrid}) and titles them: with their labels, with
 * a model's predictions, or only the images the model gets wrong.
 */
public final class SampleSheet {

    private static final int CLASSIFY_BATCH = 500;

    private SampleSheet() {}

    /**
     * Titles images with their labels.
     *
     * @param images where to look
     * @param classNames the name of each class
     * @param start the first image index to consider
     * @param labels only these classes; empty for all
     * @param count how many tiles at most
     */
    public static List<ImageGrid.Tile> labelled(
            ImageSet images, List<String> classNames, int start, Set<Integer> labels, int count) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = start; i < images.size() && tiles.size() < count; i++) {
            if (labels.isEmpty() || labels.contains(images.label(i))) {
                tiles.add(new ImageGrid.Tile(images.scaledImage(i), classNames.get(images.label(i))));
            }
        }
        return tiles;
    }

    /**
     * Titles images with a model's prediction, {@code "predicted (p)"}, or for mistakes
     * {@code "true -> predicted (p)"} in red.
     *
     * @param images where to look
     * @param classNames the name of each class
     * @param classifier the model
     * @param start the first image index to consider
     * @param labels only images of these true classes; empty for all
     * @param count how many tiles at most
     * @param errorsOnly keep only the images the model gets wrong
     */
    public static List<ImageGrid.Tile> predicted(
            ImageSet images,
            List<String> classNames,
            DigitClassifier classifier,
            int start,
            Set<Integer> labels,
            int count,
            boolean errorsOnly) {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int from = start; from < images.size() && tiles.size() < count; from += CLASSIFY_BATCH) {
            List<Integer> indices = new ArrayList<>();
            List<float[]> batch = new ArrayList<>();
            for (int i = from; i < Math.min(images.size(), from + CLASSIFY_BATCH); i++) {
                if (labels.isEmpty() || labels.contains(images.label(i))) {
                    indices.add(i);
                    batch.add(images.scaledImage(i));
                }
            }
            List<Prediction> predictions = classifier.classify(batch, 1);
            for (int k = 0; k < indices.size() && tiles.size() < count; k++) {
                Prediction.RankedClass best = predictions.get(k).best();
                int truth = images.label(indices.get(k));
                boolean wrong = best.index() != truth;
                if (wrong || !errorsOnly) {
                    String guess = String.format(Locale.ROOT, "%s (%.2f)", best.name(), best.probability());
                    String title = wrong ? classNames.get(truth) + " ->\n" + guess : guess;
                    tiles.add(new ImageGrid.Tile(batch.get(k), title, wrong));
                }
            }
        }
        return tiles;
    }
}
