package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.ImageFolders;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderSetTest {

    private static final List<String> THREE = List.of("circle", "line", "square");

    @TempDir
    Path dir;

    private DatasetSplits idx() throws IOException {
        return DatasetLoader.load(IdxFiles.writeDataset(dir.resolve("idx"), 60, 30), NamedDataset.MNIST);
    }

    /** The images of labels 0 to {@code classes - 1}, in label order and, within a label, in index order. */
    private static ImageSet byLabel(ImageSet images, int classes) {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (int label = 0; label < classes; label++) {
            for (int i = 0; i < images.size(); i++) {
                if (images.label(i) == label) {
                    pixels.write(images.pixels(), i * images.pixelsPerImage(), images.pixelsPerImage());
                    labels.write(label);
                }
            }
        }
        return new ImageSet(pixels.toByteArray(), labels.toByteArray(), images.rows(), images.cols());
    }

    @Test
    void greyPngFoldersReadBackBitForBit() throws IOException {
        DatasetSplits idx = idx();
        Path folder = ImageFolders.write(dir.resolve("folders"), idx.train(), idx.test(), THREE);
        DatasetSplits read = DatasetLoader.load(folder, NamedDataset.MNIST);
        assertEquals(THREE, read.classNames());
        assertEquals(folder.toAbsolutePath().normalize(), read.source().folder());
        ImageSet expected = byLabel(idx.train(), 3);
        assertEquals(18, read.train().size());
        assertArrayEquals(expected.pixels(), read.train().pixels());
        assertArrayEquals(expected.labels(), read.train().labels());
        assertArrayEquals(byLabel(idx.test(), 3).pixels(), read.test().pixels());
    }

    @Test
    void colourImagesTurnGreyByLuminance() throws IOException {
        DatasetSplits idx = idx();
        Path folder = ImageFolders.write(dir.resolve("folders"), idx.train(), idx.test(), THREE);
        BufferedImage orange = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < 28 * 28; p++) {
            orange.setRGB(p % 28, p / 28, new Color(255, 128, 0).getRGB());
        }
        try (Stream<Path> old = Files.list(folder.resolve("train/circle"))) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        ImageIO.write(orange, "png", folder.resolve("train/circle/orange.png").toFile());
        DatasetSplits read = ImageFolderSet.load(folder);
        assertEquals(0, read.train().label(0));
        assertEquals((299 * 255 + 587 * 128) / 1000, read.train().pixels()[0] & 0xff);
    }

    @Test
    void badLayoutsAreRefusedWithWhatToDo() throws IOException {
        DatasetSplits idx = idx();
        Path folder = ImageFolders.write(dir.resolve("folders"), idx.train(), idx.test(), THREE);
        Files.createDirectories(folder.resolve("test/triangle"));
        assertEquals(
                folder.resolve("test") + " has class folders [circle, line, square, triangle] but "
                        + folder.resolve("train") + " has [circle, line, square]; both splits need the same classes",
                rejected(folder));

        Files.createDirectories(folder.resolve("train/triangle"));
        assertEquals(
                folder.resolve("train/triangle") + ": holds no PNG, JPEG, BMP or GIF files; every class needs"
                        + " images in both splits",
                rejected(folder));

        Path big = folder.resolve("train/triangle/big.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", big.toFile());
        assertEquals(
                big + ": 32x32 pixels; images in a dataset folder must be 28x28 (resize them first;"
                        + " classifying takes pictures of any size)",
                rejected(folder));

        Files.writeString(big, "not a picture");
        assertEquals(big + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)", rejected(folder));

        Path lonely = dir.resolve("lonely");
        ImageFolders.write(lonely, idx.train(), idx.test(), List.of("only"));
        assertEquals(
                lonely.resolve("train") + " has 1 class folders [only]; an image-folder dataset needs 2 to 10",
                rejected(lonely));
    }

    private static String rejected(Path folder) {
        return assertThrows(InvalidInputException.class, () -> DatasetLoader.load(folder, NamedDataset.MNIST))
                .getMessage();
    }
}
