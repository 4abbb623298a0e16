package dev.mnistlab.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of valid files, for fuzzing parsers: flipped bytes, truncations, appended junk,
 * 32-bit fields overwritten with extreme values (negative, zero, huge), and plain noise, the ways
 * files go wrong in practice. The valid file itself is one case in six.
 */
public final class Mutations {

    private static final int[] EXTREMES = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 65_536, 1 << 30};

    private Mutations() {}

    /**
     * Returns a damaged copy of a file.
     *
     * @param valid the valid file, at least 4 bytes
     * @param random the case's random source
     */
    public static byte[] of(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> {
                return copy;
            }
            case 1 -> {
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                return copy;
            }
            case 2 -> {
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            }
            case 3 -> {
                byte[] longer = Arrays.copyOf(valid, valid.length + 1 + random.nextInt(64));
                for (int i = valid.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
            case 4 -> {
                int value = random.nextBoolean() ? EXTREMES[random.nextInt(EXTREMES.length)] : random.nextInt();
                ByteBuffer.wrap(copy).putInt(random.nextInt(copy.length - 3), value);
                return copy;
            }
            default -> {
                byte[] noise = new byte[random.nextInt(valid.length + 1)];
                random.nextBytes(noise);
                return noise;
            }
        }
    }
}
