package dev.mnistlab.spark;

import dev.mnistlab.data.ImageSet;
import dev.mnistlab.testing.ImageFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** MNIST test images written as PNG files, as users keep scans. */
final class TestImages {

    private TestImages() {}

    /**
     * Writes the first {@code count} images of a set as {@code folder/NNNNN-L.png} (index, label).
     *
     * @return the files, in index order
     */
    static List<Path> writePngs(ImageSet images, int count, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path file = folder.resolve(String.format(Locale.ROOT, "%05d-%d.png", i, images.label(i)));
            ImageIO.write(ImageFolders.grey(images, i), "png", file.toFile());
            files.add(file);
        }
        return files;
    }
}
