package dev.mnistlab.model;

import dev.mnistlab.data.NamedDataset;
import java.util.List;

/**
 * What a saved model needs to be rebuilt and used, as recorded in its {@code model.json}.
 *
 * @param architecture the network, with its hyper-parameters
 * @param dataset the dataset it was trained on
 * @param classNames the name of each class, by index
 */
public record ModelDescriptor(Architecture architecture, NamedDataset dataset, List<String> classNames) {

    /** Copies the class names so the record stays immutable. */
    public ModelDescriptor {
        classNames = List.copyOf(classNames);
    }
}
