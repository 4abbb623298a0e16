package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    private String rejected(Path file) {
        return assertThrows(InvalidInputException.class, () -> ImageFiles.read(file))
                .getMessage();
    }

    @Test
    void readsEveryFormatByContent() throws IOException {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
        for (String format : new String[] {"png", "jpg", "bmp", "gif"}) {
            Path file = dir.resolve("picture." + format);
            ImageIO.write(image, format, file.toFile());
            BufferedImage read = ImageFiles.read(file);
            assertEquals(30, read.getWidth(), format);
            assertEquals(20, read.getHeight(), format);
        }
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.png"));
        assertEquals(file + ": empty file (0 bytes)", rejected(file));
    }

    @Test
    void notAnImage() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.png"), "shopping list");
        assertEquals(file + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)", rejected(file));
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("absent.png");
        assertEquals(file + ": no such file", rejected(file));
    }

    @Test
    void decompressionBombIsRefusedFromItsHeader() throws IOException {
        Path file = Files.write(dir.resolve("bomb.png"), Pictures.pngClaiming(50_000, 50_000));
        assertEquals(
                file + ": 50000x50000 pixels, over the limit of 40 megapixels (20000 per side); scale the image"
                        + " down",
                rejected(file));
    }

    @Test
    void truncatedImage() throws IOException {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        Path file = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes.toByteArray(), 60));
        assertEquals(true, rejected(file).startsWith(file + ": cannot be decoded as png ("), rejected(file));
    }
}
