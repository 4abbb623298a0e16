package dev.mnistlab.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/** Copies a model's parameter values into another block's parameters, natively. */
final class ParameterCopy {

    private ParameterCopy() {}

    /**
     * Copies every parameter of {@code from}, in block order, into {@code to}'s parameters from
     * position {@code offset} on: each target array takes over a native copy (no trip through Java,
     * and not PyTorch's {@code NDArray.set}, which warns on stderr about a deprecated guard).
     *
     * @param from the model whose values are copied
     * @param to the parameters that receive them, of the same shapes from {@code offset}
     * @param offset the position in {@code to} of {@code from}'s first parameter
     */
    static void copy(Model from, PairList<String, Parameter> to, int offset) {
        PairList<String, Parameter> source = from.getBlock().getParameters();
        for (int i = 0; i < source.size(); i++) {
            to.valueAt(offset + i)
                    .getArray()
                    .intern(source.valueAt(i).getArray().duplicate());
        }
    }
}
