package dev.mnistlab.infer;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds a mnistlab model folder's network, as its {@code model.json} describes it, for DJL's model
 * zoo: a saved folder's {@code serving.properties} names this class, so {@code Criteria} loads the
 * parameters into the right block. See {@link MnistTranslatorFactory}.
 */
public final class MnistBlockFactory implements BlockFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) throws IOException {
        ModelDescriptor descriptor = ModelFolder.readDescriptor(modelPath);
        return descriptor.architecture().newBlock(descriptor.classNames().size());
    }
}
