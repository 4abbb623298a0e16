package dev.mnistlab.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path dir;

    private String rejected(Path file) {
        return assertThrows(InvalidInputException.class, () -> ImageFiles.read(file)).getMessage();
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
        Path file = Files.write(dir.resolve("bomb.png"), pngHeaderOnly(50_000, 50_000));
        assertEquals(file + ": 50000x50000 pixels, over the limit of 40 megapixels (20000 per side); scale the image"
                + " down", rejected(file));
    }

    @Test
    void truncatedImage() throws IOException {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        Path file = Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(bytes.toByteArray(), 60));
        assertEquals(true, rejected(file).startsWith(file + ": cannot be decoded as png ("), rejected(file));
    }

    /** A PNG whose header claims a huge image, with a tiny compressed body. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {1, 0, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] compressed = new byte[200];
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, deflater.deflate(compressed)));
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
