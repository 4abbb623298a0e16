package dev.mnistlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trainable parameters of a model laid end to end in one flat array, each parameter a view of
 * its stretch, so that an optimizer can update them all with one engine call per operation and
 * piece instead of one per parameter (as PyTorch's fused and multi-tensor optimizers do). On a small
 * model each engine call costs far more than its arithmetic: the MLP's four parameters took about
 * 50 native operations a step one by one.
 *
 * <p>The rule runs over the buffer a piece at a time ({@link #cut}), each piece at most {@link
 * #PIECE_ELEMENTS} long for each thread the engine computes with. An engine's update makes
 * temporaries as large as its operands and passes over them several times (about eleven passes for
 * DJL's Adam on PyTorch): over the CNN's 3.3 million parameters that is 13 MB an operand, far
 * outside a core's caches and above the size from which glibc hands out fresh pages from the kernel
 * for each temporary, while a piece's operands and temporaries stay in the caches and in memory the
 * allocator keeps.
 *
 * <p>Only engines whose slices share memory with what they slice can do this (PyTorch); on others
 * (MXNet, where a slice is a copy) {@link #adopt} declines and the optimizer goes parameter by
 * parameter.
 */
final class ParameterBuffer {

    /**
     * The most elements of a piece for each compute thread: 1 MiB of float32 an operand. The CNN's
     * Adam step on PyTorch, 2026-12-03 (AMD EPYC, 2 cores; docs/benchmarks.md): 200 steps of
     * training with one thread, 1.81-2.36 s (median 1.91) in pieces of this size against
     * 2.35-2.48 s over the whole buffer at once; with two threads, in pieces of twice this size,
     * 1.88-2.19 s against 1.75-2.04 s, with forward and backward passes that took 6.7-8.8 s
     * against 7.6-8.6 s. Under JMH one step took 12-14 ms in pieces and 68-131 ms over the whole.
     */
    static final long PIECE_ELEMENTS = 1 << 18;

    private final List<Parameter> parameters;
    private final List<NDIndex> stretches;
    private final NDArray values;

    private ParameterBuffer(List<Parameter> parameters, List<NDIndex> stretches, NDArray values) {
        this.parameters = parameters;
        this.stretches = stretches;
        this.values = values;
    }

    /** Cuts {@code length} elements into the fewest stretches of at most {@code most}, as even as can be. */
    private static List<Stretch> cut(long length, long most) {
        long count = (length - 1) / most + 1;
        List<Stretch> pieces = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            pieces.add(new Stretch(length * i / count, length * (i + 1) / count));
        }
        return pieces;
    }

    /** Elements {@code start} (included) to {@code end} (excluded) of a flat array. */
    private record Stretch(long start, long end) {
        NDIndex index() {
            return new NDIndex().addSliceDim(start, end);
        }
    }

    /**
     * Moves the values of float32 parameters into one flat array, owned by their manager, and
     * makes each parameter a view of its stretch of it, keeping its values, name and gradient flag.
     *
     * @param trainable the parameters that take gradients, all initialized, in the update order
     * @return the buffer, or empty where the engine's slices are copies or a parameter is not
     *     float32 (the parameters are then left as they were)
     */
    static Optional<ParameterBuffer> adopt(List<Parameter> trainable) {
        if (trainable.isEmpty()
                || !slicesShareMemory(trainable.get(0).getArray().getManager())
                || trainable.stream().anyMatch(p -> p.getArray().getDataType() != DataType.FLOAT32)) {
            return Optional.empty();
        }
        NDArray values = concat(trainable, parameter -> parameter.getArray().flatten());
        List<NDIndex> stretches = new ArrayList<>(trainable.size());
        long offset = 0;
        for (Parameter parameter : trainable) {
            Shape shape = parameter.getArray().getShape();
            NDIndex stretch = new NDIndex().addSliceDim(offset, offset + shape.size());
            NDArray view = values.get(stretch).reshape(shape);
            parameter.close();
            parameter.setInitializer((unused, s, type) -> view);
            parameter.initialize(values.getManager(), DataType.FLOAT32);
            stretches.add(stretch);
            offset += shape.size();
        }
        return Optional.of(new ParameterBuffer(List.copyOf(trainable), List.copyOf(stretches), values));
    }

    /** Whether a view of an array sees later in-place changes to it: a slice, reshaped, of zeros. */
    private static boolean slicesShareMemory(NDManager manager) {
        try (NDManager scratch = manager.newSubManager()) {
            NDArray probe = scratch.zeros(new Shape(4));
            NDArray view = probe.get(new NDIndex().addSliceDim(0, 4)).reshape(2, 2);
            probe.addi(1f);
            return view.toFloatArray()[0] == 1f;
        }
    }

    /** Returns the parameters in the buffer, in its order. */
    List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Cuts the values, and the optimizer's state arrays laid out like them, into the fewest pieces
     * of at most {@code most} elements, as views: the stretches an update takes one at a time.
     *
     * @param flatState the optimizer's state arrays, each laid out like the values ({@link #gatherInto})
     * @param most the most elements of a piece
     */
    Pieces cut(NDArray[] flatState, long most) {
        return new Pieces(flatState, most);
    }

    /** The buffer cut into pieces by {@link #cut}; closing it frees the views, not what they view. */
    final class Pieces implements AutoCloseable {
        private final long most;
        private final List<Stretch> stretches;
        private final NDArray[] values;
        private final NDArray[][] state;

        private Pieces(NDArray[] flatState, long most) {
            this.most = most;
            this.stretches = ParameterBuffer.cut(ParameterBuffer.this.values.size(), most);
            this.values = views(ParameterBuffer.this.values);
            this.state = new NDArray[stretches.size()][flatState.length];
            for (int i = 0; i < flatState.length; i++) {
                NDArray[] views = views(flatState[i]);
                for (int piece = 0; piece < views.length; piece++) {
                    state[piece][i] = views[piece];
                }
            }
        }

        private NDArray[] views(NDArray flat) {
            NDArray[] views = new NDArray[stretches.size()];
            for (int i = 0; i < views.length; i++) {
                views[i] = flat.get(stretches.get(i).index());
            }
            return views;
        }

        /** Returns the most elements of a piece, as given to {@link #cut}. */
        long most() {
            return most;
        }

        /** Returns how many pieces there are. */
        int count() {
            return values.length;
        }

        /** Returns a piece of the values. */
        NDArray values(int piece) {
            return values[piece];
        }

        /** Returns a piece of each state array, in the order given to {@link #cut}. */
        NDArray[] state(int piece) {
            return state[piece];
        }

        /**
         * Returns the parameters' gradients cut into these pieces: views of a gradient where a piece
         * lies within one parameter, new arrays where it spans several. The caller closes them (or an
         * open {@link ai.djl.ndarray.NDScope} does).
         */
        NDArray[] gradients() {
            NDArray[] gradients = new NDArray[parameters.size()];
            for (int p = 0; p < gradients.length; p++) {
                gradients[p] = parameters.get(p).getArray().getGradient().flatten();
            }
            NDArray[] gathered = new NDArray[stretches.size()];
            for (int i = 0; i < gathered.length; i++) {
                gathered[i] = gradientOf(stretches.get(i), gradients);
            }
            return gathered;
        }

        @Override
        public void close() {
            for (int piece = 0; piece < values.length; piece++) {
                values[piece].close();
                for (NDArray view : state[piece]) {
                    view.close();
                }
            }
        }
    }

    private static NDArray gradientOf(Stretch piece, NDArray[] gradients) {
        NDList parts = new NDList();
        long offset = 0;
        for (NDArray gradient : gradients) {
            long from = Math.max(piece.start(), offset);
            long to = Math.min(piece.end(), offset + gradient.size());
            if (from < to) {
                boolean whole = from == offset && to == offset + gradient.size();
                parts.add(whole ? gradient : gradient.get(new NDIndex().addSliceDim(from - offset, to - offset)));
            }
            offset += gradient.size();
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
    }

    /**
     * Returns a flat array shaped like the values whose stretches are the given per-parameter
     * arrays (zeros where one is missing), and makes each of those a view of the flat array.
     *
     * @param perParameter for each parameter, in this buffer's order, an array shaped like it or null
     * @param manager owns the flat array
     * @return the flat array
     */
    NDArray gatherInto(NDArray[] perParameter, NDManager manager) {
        NDArray flat = manager.zeros(values.getShape(), DataType.FLOAT32, values.getDevice());
        for (int i = 0; i < perParameter.length; i++) {
            if (perParameter[i] != null) {
                flat.set(stretches.get(i), perParameter[i].flatten());
                perParameter[i].close();
            }
            perParameter[i] = flat.get(stretches.get(i))
                    .reshape(parameters.get(i).getArray().getShape());
        }
        return flat;
    }

    private static NDArray concat(List<Parameter> parameters, Function<Parameter, NDArray> part) {
        NDList parts = new NDList(parameters.size());
        for (Parameter parameter : parameters) {
            parts.add(part.apply(parameter));
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        NDArray joined = NDArrays.concat(parts);
        parts.close();
        return joined;
    }
}
