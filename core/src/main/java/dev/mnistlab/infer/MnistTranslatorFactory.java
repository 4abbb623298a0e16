package dev.mnistlab.infer;

import ai.djl.Model;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Lets DJL's model zoo load a mnistlab model folder: {@link Image} in, {@link Classifications} out,
 * with the class names of the folder's {@code model.json}.
 *
 * <pre>{@code
 * Criteria<Image, Classifications> criteria = Criteria.builder()
 *         .setTypes(Image.class, Classifications.class)
 *         .optModelPath(Path.of("runs/cnn"))
 *         .optEngine("PyTorch")                              // or "MXNet": either reads any folder
 *         .optTranslatorFactory(new MnistTranslatorFactory())
 *         .build();
 * try (ZooModel<Image, Classifications> model = criteria.loadModel();
 *         Predictor<Image, Classifications> predictor = model.newPredictor()) {
 *     Classifications answer = predictor.predict(ImageFactory.getInstance().fromFile(Path.of("seven.png")));
 * }
 * }</pre>
 *
 * <p>The folder's {@code serving.properties}, written with every model folder, tells DJL to build
 * the network with {@link MnistBlockFactory} and where the parameters are.
 */
public final class MnistTranslatorFactory implements TranslatorFactory {

    private static final Set<Pair<Type, Type>> SUPPORTED = Set.of(new Pair<>(Image.class, Classifications.class));

    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return SUPPORTED;
    }

    @Override
    @SuppressWarnings("unchecked") // the types were checked against SUPPORTED
    public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model, Map<String, ?> arguments)
            throws TranslateException {
        if (!isSupported(input, output)) {
            throw new TranslateException("a mnistlab model translates " + Image.class.getName() + " to "
                    + Classifications.class.getName() + ", not " + input.getName() + " to " + output.getName());
        }
        Path folder = model.getModelPath();
        try {
            return (Translator<I, O>)
                    new MnistTranslator(ModelFolder.readDescriptor(folder).classNames());
        } catch (IOException e) {
            throw new TranslateException("could not read " + folder.resolve(ModelFolder.DESCRIPTOR_FILE), e);
        }
    }
}
