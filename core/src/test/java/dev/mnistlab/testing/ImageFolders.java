package dev.mnistlab.testing;

import dev.mnistlab.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Writes image sets as image-folder datasets ({@code train/<class>/*.png}, {@code test/<class>/*.png}). */
public final class ImageFolders {

    private ImageFolders() {}

    /**
     * Writes both splits as grey-scale PNG files named by image index.
     *
     * @param root the dataset folder, created if needed
     * @param train the training images
     * @param test the test images
     * @param classNames the folder name of each label; images with other labels are left out
     * @return {@code root}
     */
    public static Path write(Path root, ImageSet train, ImageSet test, List<String> classNames) throws IOException {
        writeSplit(root.resolve("train"), train, classNames);
        writeSplit(root.resolve("test"), test, classNames);
        return root;
    }

    private static void writeSplit(Path split, ImageSet images, List<String> classNames) throws IOException {
        for (String name : classNames) {
            Files.createDirectories(split.resolve(name));
        }
        for (int i = 0; i < images.size(); i++) {
            if (images.label(i) < classNames.size()) {
                Path file = split.resolve(classNames.get(images.label(i)))
                        .resolve(String.format(Locale.ROOT, "%05d.png", i));
                ImageIO.write(grey(images, i), "png", file.toFile());
            }
        }
    }

    /** Returns image {@code index} of a set as an 8-bit grey picture with the same levels. */
    public static BufferedImage grey(ImageSet images, int index) {
        BufferedImage picture = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
        int offset = index * images.pixelsPerImage();
        for (int p = 0; p < images.pixelsPerImage(); p++) {
            picture.getRaster().setSample(p % images.cols(), p / images.cols(), 0, images.pixels()[offset + p] & 0xff);
        }
        return picture;
    }
}
