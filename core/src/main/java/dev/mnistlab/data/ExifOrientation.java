package dev.mnistlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Node;

/**
 * Turns a photo the way its camera meant it to be seen. Phones store the sensor's pixels as they came
 * and record in the JPEG's EXIF block how to turn them (tag 0x0112, values 1 to 8); a reader that
 * ignores it sees a 4 photographed upright lying on its side. Only that one tag is read, from the
 * metadata Java's JPEG reader already parsed; anything unexpected counts as "upright".
 */
final class ExifOrientation {

    /** The pixels are stored as they are seen. */
    static final int UPRIGHT = 1;

    private static final String JPEG_METADATA = "javax_imageio_jpeg_image_1.0";
    private static final int APP1_MARKER = 0xE1;
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int IFD_ENTRY_BYTES = 12;
    private static final int MAX_ORIENTATION = 8;

    private ExifOrientation() {}

    /**
     * Returns the orientation a JPEG's metadata records, or {@link #UPRIGHT}.
     *
     * @param metadata the image's metadata, or null
     */
    static int of(IIOMetadata metadata) {
        if (metadata == null || !JPEG_METADATA.equals(metadata.getNativeMetadataFormatName())) {
            return UPRIGHT;
        }
        Node markers = child(metadata.getAsTree(JPEG_METADATA), "markerSequence");
        for (Node marker = markers == null ? null : markers.getFirstChild();
                marker != null;
                marker = marker.getNextSibling()) {
            if (marker instanceof IIOMetadataNode node
                    && "unknown".equals(node.getNodeName())
                    && String.valueOf(APP1_MARKER).equals(node.getAttribute("MarkerTag"))
                    && node.getUserObject() instanceof byte[] data) {
                int orientation = fromExif(data);
                if (orientation != UPRIGHT) {
                    return orientation;
                }
            }
        }
        return UPRIGHT;
    }

    /** Reads tag 0x0112 from the first image directory of an APP1 segment's TIFF structure. */
    private static int fromExif(byte[] segment) {
        if (segment.length < EXIF_HEADER.length + 8) {
            return UPRIGHT;
        }
        for (int i = 0; i < EXIF_HEADER.length; i++) {
            if (segment[i] != EXIF_HEADER[i]) {
                return UPRIGHT;
            }
        }
        ByteBuffer tiff = ByteBuffer.wrap(segment, EXIF_HEADER.length, segment.length - EXIF_HEADER.length)
                .slice();
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long directory = Integer.toUnsignedLong(tiff.getInt(4));
        if (directory + 2 > tiff.limit()) {
            return UPRIGHT;
        }
        int entries = Short.toUnsignedInt(tiff.getShort((int) directory));
        for (int i = 0; i < entries; i++) {
            long entry = directory + 2 + (long) i * IFD_ENTRY_BYTES;
            if (entry + IFD_ENTRY_BYTES > tiff.limit()) {
                return UPRIGHT;
            }
            if (Short.toUnsignedInt(tiff.getShort((int) entry)) == ORIENTATION_TAG) {
                int value = Short.toUnsignedInt(tiff.getShort((int) entry + 8));
                return value >= UPRIGHT && value <= MAX_ORIENTATION ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    /**
     * Returns the image as it is meant to be seen.
     *
     * @param image the stored pixels
     * @param orientation the EXIF orientation, 1 to 8
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= UPRIGHT || orientation > MAX_ORIENTATION) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        boolean swapsSides = orientation >= 5;
        int turnedWidth = swapsSides ? height : width;
        int turnedHeight = swapsSides ? width : height;
        // The same kind of picture, sample for sample: a grey photo stays grey (through getRGB, Java
        // would brighten its levels).
        ColorModel colours = image.getColorModel();
        BufferedImage turned = new BufferedImage(
                colours,
                colours.createCompatibleWritableRaster(turnedWidth, turnedHeight),
                colours.isAlphaPremultiplied(),
                null);
        Object pixel = null;
        for (int y = 0; y < turnedHeight; y++) {
            for (int x = 0; x < turnedWidth; x++) {
                // Where the seen pixel (x, y) is stored, for each of EXIF's eight orientations.
                int[] stored = switch (orientation) {
                    case 2 -> new int[] {width - 1 - x, y}; // mirrored
                    case 3 -> new int[] {width - 1 - x, height - 1 - y}; // upside down
                    case 4 -> new int[] {x, height - 1 - y}; // mirrored upside down
                    case 5 -> new int[] {y, x}; // mirrored along the diagonal
                    case 6 -> new int[] {y, height - 1 - x}; // stored turned a quarter anticlockwise
                    case 7 -> new int[] {width - 1 - y, height - 1 - x}; // mirrored along the other diagonal
                    default -> new int[] {width - 1 - y, x}; // 8: stored turned a quarter clockwise
                };
                pixel = image.getRaster().getDataElements(stored[0], stored[1], pixel);
                turned.getRaster().setDataElements(x, y, pixel);
            }
        }
        return turned;
    }

    private static Node child(Node parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (name.equals(node.getNodeName())) {
                return node;
            }
        }
        return null;
    }
}
