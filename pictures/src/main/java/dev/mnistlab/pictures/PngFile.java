package dev.mnistlab.pictures;

import dev.mnistlab.files.AtomicFile;
import java.awt.image.RenderedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

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
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer is available");
            }
        });
    }
}
