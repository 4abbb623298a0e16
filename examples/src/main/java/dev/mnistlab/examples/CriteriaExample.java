package dev.mnistlab.examples;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistTranslatorFactory;
import dev.mnistlab.infer.Prediction;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved mnistlab model folder through DJL's model zoo: {@code Criteria} with mnistlab's
 * translator, predicting DJL {@code Classifications} for MNIST test pictures, side by side with
 * mnistlab's own {@code DigitClassifier}. Run it with a model folder and an MNIST folder.
 */
public final class CriteriaExample {

    private CriteriaExample() {}

    public static void main(String[] args)
            throws IOException, ModelNotFoundException, MalformedModelException, TranslateException {
        Path modelFolder = Path.of(args[0]);
        ImageSet test =
                DatasetLoader.load(Path.of(args[1]), NamedDataset.MNIST).test().head(1000);
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            pictures.add(picture(test, i));
        }

        Criteria<Image, Classifications> criteria = Criteria.builder()
                .setTypes(Image.class, Classifications.class)
                .optModelPath(modelFolder)
                .optEngine("PyTorch")
                .optTranslatorFactory(new MnistTranslatorFactory())
                .build();
        List<Classifications> djl = new ArrayList<>();
        try (ZooModel<Image, Classifications> model = criteria.loadModel();
                Predictor<Image, Classifications> predictor = model.newPredictor()) {
            for (BufferedImage picture : pictures) {
                djl.add(predictor.predict(ImageFactory.getInstance().fromImage(picture)));
            }
        }

        double largestDifference = 0;
        int correct = 0;
        try (DigitClassifier classifier = DigitClassifier.open(modelFolder, Backends.get("pytorch"))) {
            List<Prediction> own = classifier.classifyPictures(pictures, 10); // batched forward passes
            for (int i = 0; i < pictures.size(); i++) {
                Classifications theirs = djl.get(i);
                Classifications ours = own.get(i).toClassifications();
                for (String name : theirs.getClassNames()) {
                    double difference = Math.abs(
                            theirs.get(name).getProbability() - ours.get(name).getProbability());
                    largestDifference = Math.max(largestDifference, difference);
                }
                correct += theirs.best().getClassName().equals(String.valueOf(test.label(i))) ? 1 : 0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Criteria: %d pictures, %d read right; largest difference from DigitClassifier %.2e%n",
                pictures.size(),
                correct,
                largestDifference);
        System.out.println("first: " + djl.get(0).topK(3));
    }

    /** Test image {@code index} as a picture, ink black on white paper as a scan would have it. */
    private static BufferedImage picture(ImageSet images, int index) {
        BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        float[] pixels = images.scaledImage(index);
        for (int p = 0; p < pixels.length; p++) {
            picture.getRaster().setSample(p % 28, p / 28, 0, 255 - Math.round(pixels[p] * 255));
        }
        return picture;
    }
}
