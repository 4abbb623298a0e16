package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
    void pngIsWrittenBitExactWithoutATemporaryFile() throws IOException {
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 35; i++) {
            image.getRaster().setSample(i % 7, i / 7, 0, i * 7);
        }
        Path cache = Files.createDirectory(dir.resolve("cache"));
        File defaultCache = ImageIO.getCacheDirectory();
        boolean defaultUseCache = ImageIO.getUseCache();
        ImageIO.setCacheDirectory(cache.toFile());
        ImageIO.setUseCache(true);
        List<String> cachedWhileWriting = new ArrayList<>();
        ByteArrayOutputStream png = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                try (Stream<Path> cached = Files.list(cache)) {
                    cached.forEach(
                            file -> cachedWhileWriting.add(file.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                super.write(bytes, offset, length);
            }
        };
        try {
            ImageFiles.writePng(image, png);
        } finally {
            ImageIO.setCacheDirectory(defaultCache);
            ImageIO.setUseCache(defaultUseCache);
        }
        assertEquals(
                List.of(), cachedWhileWriting, "ImageIO's file cache, which the JVM closes at Ctrl-C, is not used");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertArrayEquals(
                image.getRaster().getPixels(0, 0, 7, 5, (int[]) null),
                read.getRaster().getPixels(0, 0, 7, 5, (int[]) null));
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

    @Test
    void photosAreTurnedAsTheirExifOrientationSays() throws IOException {
        // Stored 40 wide and 20 high, white on the left: as a phone stores a portrait taken turned.
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                stored.setRGB(x, y, 0xffffff);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", jpeg);
        BufferedImage upright = ImageFiles.decode(withOrientation(jpeg.toByteArray(), 6), "photo");
        assertEquals(20, upright.getWidth());
        assertEquals(40, upright.getHeight());
        assertTrue(ImageFiles.luminance(upright.getRGB(10, 5)) > 200, "the stored left is now the top");
        assertTrue(ImageFiles.luminance(upright.getRGB(10, 35)) < 50);
        BufferedImage asStored = ImageFiles.decode(withOrientation(jpeg.toByteArray(), 1), "photo");
        assertEquals(40, asStored.getWidth());
        BufferedImage upsideDown = ImageFiles.decode(withOrientation(jpeg.toByteArray(), 3), "photo");
        assertTrue(ImageFiles.luminance(upsideDown.getRGB(35, 10)) > 200, "turned half way, white on the right");
    }

    @Test
    void aGreyPhotoIsTurnedLevelForLevel() throws IOException {
        // Stored 40 wide and 20 high, mid-grey on the left, black on the right.
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 20; x++) {
                stored.getRaster().setSample(x, y, 0, 128);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(stored, "jpg", jpeg);
        BufferedImage asStored = ImageFiles.decode(withOrientation(jpeg.toByteArray(), 1), "photo");
        BufferedImage upright = ImageFiles.decode(withOrientation(jpeg.toByteArray(), 6), "photo");
        assertEquals(asStored.getType(), upright.getType(), "still a grey picture");
        // Seen pixel (x, y) of orientation 6 is stored at (y, height - 1 - x).
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 20; x++) {
                assertEquals(
                        asStored.getRaster().getSample(y, 19 - x, 0),
                        upright.getRaster().getSample(x, y, 0),
                        "(" + x + ", " + y + ")");
            }
        }
        assertEquals(128, GreyLevels.onWhitePaper(upright)[5 * 20 + 10], 2, "mid-grey stays mid-grey");
    }

    @Test
    void aJpegCutShortIsRefusedNotFilledWithGrey() throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        byte[] half = java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2);
        InvalidInputException refused =
                assertThrows(InvalidInputException.class, () -> ImageFiles.decode(half, "half.jpg"));
        assertTrue(refused.getMessage().startsWith("half.jpg: damaged or cut short ("), refused.getMessage());
    }

    /** A JPEG with an EXIF block (big-endian TIFF, one entry: orientation). */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
        exif.putShort((short) 0xFFE1).putShort((short) (exif.capacity() - 2));
        exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        exif.put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        exif.putShort((short) 1);
        exif.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        exif.putInt(0);
        // After the start marker and Java's JFIF segment, which must come first.
        int afterJfif = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, afterJfif);
        out.write(exif.array(), 0, exif.capacity());
        out.write(jpeg, afterJfif, jpeg.length - afterJfif);
        return out.toByteArray();
    }
}
