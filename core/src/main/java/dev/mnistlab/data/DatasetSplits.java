package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.List;

/**
 * A dataset's training and test images, the name of each class, and where they came from.
 *
 * @param source the folder the files were read from, with their fingerprints
 * @param train the training images
 * @param test the test images
 * @param classNames the name of each class, by label
 */
public record DatasetSplits(DataSource source, ImageSet train, ImageSet test, List<String> classNames) {

    /** Copies the class names so the record stays immutable. */
    public DatasetSplits {
        classNames = List.copyOf(classNames);
    }

    /**
     * Checks that a model was trained on classes named as this data's.
     *
     * @param modelClasses the model's class names, from its {@code model.json}
     * @throws InvalidInputException naming both lists if they differ
     */
    public void requireClassNames(List<String> modelClasses) {
        if (!modelClasses.equals(classNames)) {
            throw new InvalidInputException(
                    InputField.DATA_FOLDER,
                    "dataFolder " + source.folder() + " holds the classes " + classNames + ", not the model's "
                            + modelClasses + "; give the data it was trained on");
        }
    }
}
