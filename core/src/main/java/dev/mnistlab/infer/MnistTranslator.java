package dev.mnistlab.infer;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.List;

/**
 * DJL's {@link Translator} for mnistlab models: a picture of one character, of any size and colour,
 * prepared as MNIST was ({@link MnistPreprocessor}), in; softmax probabilities over the model's
 * classes out. Batches stack, so {@code Predictor.batchPredict} runs a list in one forward pass.
 * Made by {@link MnistTranslatorFactory}; it answers as {@link DigitClassifier} does.
 */
public final class MnistTranslator implements Translator<Image, Classifications> {

    private final List<String> classNames;

    /**
     * Creates a translator.
     *
     * @param classNames the name of each class the model scores, by index
     */
    public MnistTranslator(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        float[] pixels = MnistPreprocessor.toMnist(MnistPreprocessor.picture(input, ctx.getNDManager()), "image");
        return new NDList(
                ctx.getNDManager().create(pixels, new Shape(1, MnistPreprocessor.SIZE, MnistPreprocessor.SIZE)));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        NDArray probabilities = list.singletonOrThrow().softmax(0);
        return new Classifications(classNames, probabilities);
    }
}
