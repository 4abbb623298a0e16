package dev.mnistlab.infer;

import dev.mnistlab.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files (PNG, JPEG, BMP, GIF) with limits checked before anything is decoded.
 *
 * <p>A file over {@value #MAX_FILE_BYTES} bytes, or whose header announces more than
 * {@value #MAX_PIXELS} pixels or a side over {@value #MAX_SIDE}, is refused from its header alone,
 * so a decompression bomb (a small file that decodes to a huge image) never reaches the decoder.
 */
public final class ImageFiles {

    /** The largest file read, in bytes (64 MiB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** The most pixels an image may have (40 megapixels, a large phone photo). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** The longest side an image may have, in pixels. */
    public static final int MAX_SIDE = 20_000;

    /** The file name extensions taken from folders. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");

    private ImageFiles() {}

    /** Returns true if the file's name ends with a supported image extension. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Reads an image.
     *
     * @throws InvalidInputException naming the file if it is missing, empty, too large, not an
     *     image, or cannot be decoded
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(file + ": no such file");
        }
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw new InvalidInputException(file + ": empty file (0 bytes)");
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new InvalidInputException(file + ": " + bytes + " bytes, over the limit of " + MAX_FILE_BYTES
                    + "; scale the image down");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException(file + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    throw new InvalidInputException(file + ": " + width + "x" + height + " pixels, over the limit of "
                            + MAX_PIXELS / 1_000_000 + " megapixels (" + MAX_SIDE + " per side); scale the image down");
                }
                return reader.read(0);
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw new InvalidInputException(file + ": cannot be decoded as " + reader.getFormatName()
                        + " (" + e.getMessage() + ")", e);
            } finally {
                reader.dispose();
            }
        }
    }
}
