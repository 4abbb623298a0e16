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
 * its stretch, so that an optimizer can update them all with one engine call per operation
 * instead of one per parameter (as PyTorch's fused and multi-tensor optimizers do). On a small
 * model each engine call costs far more than its arithmetic: the MLP's four parameters took about
 * 50 native operations a step one by one.
 *
 * <p>Only engines whose slices share memory with what they slice can do this (PyTorch); on others
 * (MXNet, where a slice is a copy) {@link #adopt} declines and the optimizer goes parameter by
 * parameter.
 */
final class ParameterBuffer {

    private final List<Parameter> parameters;
    private final List<NDIndex> stretches;
    private final NDArray values;

    private ParameterBuffer(List<Parameter> parameters, List<NDIndex> stretches, NDArray values) {
        this.parameters = parameters;
        this.stretches = stretches;
        this.values = values;
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

    /** Returns the flat array of every parameter's values. */
    NDArray values() {
        return values;
    }

    /** Returns the parameters in the buffer, in its order. */
    List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Returns the parameters' gradients laid end to end like their values: a new array, which the
     * caller closes (or an open {@link ai.djl.ndarray.NDScope} does).
     */
    NDArray gradients() {
        return concat(
                parameters, parameter -> parameter.getArray().getGradient().flatten());
    }

    /**
     * Returns a flat array shaped like {@link #values} whose stretches are the given per-parameter
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
