package dev.mnistlab.model;

import dev.mnistlab.data.NamedDataset;
import java.util.List;
import java.util.Optional;

/**
 * What a saved model needs to be rebuilt and used, as recorded in its {@code model.json}.
 *
 * @param architecture the network, with its hyper-parameters
 * @param dataset the name of the data it was trained on: a {@link NamedDataset}'s id, or the folder
 *     name of an image-folder set
 * @param classNames the name of each class, by index
 */
public record ModelDescriptor(Architecture architecture, String dataset, List<String> classNames) {

    /** Copies the class names so the record stays immutable. */
    public ModelDescriptor {
        classNames = List.copyOf(classNames);
    }

    /** Returns the named dataset the model was trained on, or empty for an image-folder set. */
    public Optional<NamedDataset> namedDataset() {
        return NamedDataset.find(dataset);
    }
}
