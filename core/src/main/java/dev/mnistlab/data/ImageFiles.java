package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.InputFiles;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reads image files (PNG, JPEG, BMP, GIF) with limits checked before anything is decoded, and
 * writes PNG.
 *
 * <p>A file must be whole: a decoder's warning (a JPEG cut short, which Java would otherwise
 * fill with grey) is an error. A photo is turned as its EXIF orientation says, as phones and image
 * viewers show it.
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

    /**
     * Writes {@code image} as PNG to {@code out}, which stays open.
     *
     * <p>The encoder buffers in memory, never in a temporary file: {@code ImageIO.write} on a stream
     * caches in {@code java.io.tmpdir} by default, and the JVM closes such caches when it begins to
     * stop, so a picture being written at Ctrl-C failed with "closed" instead of being finished.
     *
     * @param image the picture
     * @param out where the PNG goes
     */
    public static void writePng(RenderedImage image, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no PNG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } finally {
            writer.dispose();
        }
    }

    /**
     * Returns the grey level of an sRGB colour (ITU-R BT.601 luma, as MNIST's tools and PIL use).
     *
     * @param rgb the colour as {@link BufferedImage#getRGB} gives it; alpha is ignored
     * @return 0 (black) to 255 (white)
     */
    public static int luminance(int rgb) {
        return (299 * ((rgb >> 16) & 0xff) + 587 * ((rgb >> 8) & 0xff) + 114 * (rgb & 0xff)) / 1000;
    }

    /** Returns true if the file's name ends with a supported image extension. */
    public static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Reads an image. Its memory is counted while it is decoded only: a caller that makes more of
     * it (a prepared 28x28 image, say) should hand that work to {@link #read(Path, Function)}.
     *
     * @throws InvalidInputException naming the file if it is missing, empty, too large, not an
     *     image, or cannot be decoded
     */
    public static BufferedImage read(Path file) throws IOException {
        return read(file, Function.identity());
    }

    /**
     * Reads an image and hands it to {@code use}, with the heap a picture of its size takes held for
     * both. Decodes on all threads of the JVM together hold at most half the heap, so many large
     * pictures read at once wait for each other instead of running out of memory.
     *
     * @param file the image file
     * @param use what to make of the picture, for example {@code picture -> MnistPreprocessor.toMnist(picture,
     *     name)}
     * @return what {@code use} returned
     * @throws InvalidInputException naming the file if it is missing, empty, too large, not an
     *     image, or cannot be decoded, or as {@code use} throws it
     */
    public static <T> T read(Path file, Function<? super BufferedImage, ? extends T> use) throws IOException {
        requireSize(InputFiles.require(file, MAX_FILE_BYTES, "an image"), file.toString());
        byte[] encoded;
        try {
            encoded = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return decode(encoded, file.toString(), use);
    }

    /**
     * Decodes an image held in memory, with the same limits as {@link #read}.
     *
     * @param encoded the encoded bytes (PNG, JPEG, BMP or GIF)
     * @param name what to call the image in messages
     * @throws InvalidInputException if the bytes are empty, too many, not an image, or cannot be decoded
     */
    public static BufferedImage decode(byte[] encoded, String name) throws IOException {
        return decode(encoded, name, Function.identity());
    }

    /**
     * Decodes an image held in memory and hands it to {@code use}, with the same limits and the same
     * count of memory as {@link #read(Path, Function)}.
     *
     * @param encoded the encoded bytes (PNG, JPEG, BMP or GIF)
     * @param name what to call the image in messages
     * @param use what to make of the picture
     * @return what {@code use} returned
     * @throws InvalidInputException if the bytes are empty, too many, not an image, or cannot be
     *     decoded, or as {@code use} throws it
     */
    public static <T> T decode(byte[] encoded, String name, Function<? super BufferedImage, ? extends T> use)
            throws IOException {
        requireSize(encoded.length, name);
        try (ImageInputStream in = new ByteArrayImageInputStream(encoded)) {
            return decode(in, name, use);
        }
    }

    /**
     * Decodes an image from a stream, reading at most one byte past the size limit; the stream is
     * left open.
     *
     * @param in the encoded bytes (PNG, JPEG, BMP or GIF)
     * @param name what to call the image in messages
     * @throws InvalidInputException if the stream is empty, too long, not an image, or cannot be decoded
     */
    public static BufferedImage read(InputStream in, String name) throws IOException {
        return read(in, name, Function.identity());
    }

    /**
     * Decodes an image from a stream and hands it to {@code use}, as {@link #read(Path, Function)}
     * does; the stream is left open.
     *
     * @param in the encoded bytes (PNG, JPEG, BMP or GIF)
     * @param name what to call the image in messages
     * @param use what to make of the picture
     * @return what {@code use} returned
     * @throws InvalidInputException if the stream is empty, too long, not an image, or cannot be
     *     decoded, or as {@code use} throws it
     */
    public static <T> T read(InputStream in, String name, Function<? super BufferedImage, ? extends T> use)
            throws IOException {
        return decode(in.readNBytes(Math.toIntExact(MAX_FILE_BYTES + 1)), name, use);
    }

    private static void requireSize(long bytes, String name) {
        if (bytes == 0) {
            throw new InvalidInputException(name + ": empty file (0 bytes)");
        }
        if (bytes > MAX_FILE_BYTES) {
            throw new InvalidInputException(
                    name + ": " + bytes + " bytes, over the limit of " + MAX_FILE_BYTES + "; scale the image down");
        }
    }

    private static <T> T decode(ImageInputStream in, String name, Function<? super BufferedImage, ? extends T> use)
            throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new InvalidInputException(name + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)");
        }
        ImageReader reader = readers.next();
        try {
            DecodingMemory.Reservation memory = DecodingMemory.HEAP.reserve(pixels(reader, in, name));
            try (memory) {
                return use.apply(picture(reader, name));
            }
        } finally {
            reader.dispose();
        }
    }

    /** Reads the header: the picture's pixels, refused over the limits. */
    private static long pixels(ImageReader reader, ImageInputStream in, String name) throws IOException {
        try {
            reader.setInput(in, true, false);
            String format = reader.getFormatName();
            reader.addIIOReadWarningListener((source, warning) -> {
                throw new InvalidInputException(
                        name + ": damaged or cut short (" + warning + "); a whole " + format + " file is needed");
            });
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                throw new InvalidInputException(name + ": " + width + "x" + height + " pixels, over the limit of "
                        + MAX_PIXELS / 1_000_000 + " megapixels (" + MAX_SIDE + " per side); scale the image down");
            }
            return width * height;
        } catch (IOException | RuntimeException e) {
            throw undecodable(reader, name, e);
        }
    }

    /** Decodes the picture, turned as its EXIF orientation says. */
    private static BufferedImage picture(ImageReader reader, String name) throws IOException {
        try {
            BufferedImage image = reader.read(0);
            return ExifOrientation.apply(image, ExifOrientation.of(reader.getImageMetadata(0)));
        } catch (IOException | RuntimeException e) {
            throw undecodable(reader, name, e);
        }
    }

    private static InvalidInputException undecodable(ImageReader reader, String name, Exception e) throws IOException {
        if (e instanceof InvalidInputException invalid) {
            return invalid;
        }
        return new InvalidInputException(
                name + ": cannot be decoded as " + reader.getFormatName() + " (" + decodeFailure(e) + ")", e);
    }

    /** Says why a decoder gave up, in words: its own message unless that is only about its exceptions. */
    private static String decodeFailure(Exception e) {
        if (e instanceof EOFException) {
            return "the file ends early";
        }
        String message = e.getMessage();
        return message == null
                        || message.isBlank()
                        || message.toLowerCase(Locale.ROOT).contains("exception")
                ? "its data is damaged"
                : message;
    }
}
