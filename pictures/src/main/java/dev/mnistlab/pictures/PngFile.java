package dev.mnistlab.pictures;

import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.files.AtomicFile;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Writes pictures as PNG files, atomically like every report file. */
public final class PngFile {

    private PngFile() {}

    /**
     * Writes {@code image} to {@code target}, replacing it whole.
     *
     * @param image the picture
     * @param target the file; its folder is created if needed
     */
    public static void write(RenderedImage image, Path target) throws IOException {
        AtomicFile.write(target, out -> ImageFiles.writePng(image, out));
    }
}
