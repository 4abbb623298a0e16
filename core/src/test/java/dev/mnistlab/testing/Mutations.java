package dev.mnistlab.testing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Damaged copies of valid files, for fuzzing parsers: flipped bytes, truncations, appended junk,
 * and 32-bit fields overwritten with extreme values (negative, zero, huge), the ways files go
 * wrong in practice.
 */
public final class Mutations {

    private Mutations() {}

    /** Returns arbitrary damaged copies of {@code valid}, the valid file itself among them. */
    public static Arbitrary<byte[]> of(byte[] valid) {
        return Arbitraries.oneOf(
                Arbitraries.just(valid.clone()),
                flipped(valid),
                Arbitraries.integers().between(0, valid.length - 1).map(length -> Arrays.copyOf(valid, length)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64).map(junk -> concat(valid, junk)),
                extremeInt(valid),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(valid.length));
    }

    private static Arbitrary<byte[]> flipped(byte[] valid) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, valid.length - 1);
        Arbitrary<Byte> value = Arbitraries.bytes();
        return Combinators.combine(position.list().ofMinSize(1).ofMaxSize(8), value.list().ofSize(8))
                .as((positions, values) -> {
                    byte[] copy = valid.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                });
    }

    private static Arbitrary<byte[]> extremeInt(byte[] valid) {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, Math.max(0, valid.length - 4));
        Arbitrary<Integer> value = Arbitraries.oneOf(Arbitraries.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
                65_536, 1 << 30), Arbitraries.integers());
        return Combinators.combine(position, value).as((at, number) -> {
            byte[] copy = valid.clone();
            if (copy.length >= at + 4) {
                ByteBuffer.wrap(copy).putInt(at, number);
            }
            return copy;
        });
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
