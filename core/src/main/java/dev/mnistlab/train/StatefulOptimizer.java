package dev.mnistlab.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.mnistlab.InvalidInputException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DJL {@link Optimizer} whose whole state (per-parameter arrays and step counts) can be saved with
 * a checkpoint and restored, so a resumed run continues exactly. Made by {@link
 * OptimizerSpec#newOptimizer}.
 *
 * <p>Subclasses give the update rule: one fused engine call per parameter (Adam, and Keras' RMSProp
 * as Adam without a first moment) or NDArray operations (SGD with momentum). This class keeps the
 * state, in an order derived from the model's parameters, and frees each update's temporaries. State
 * arrays belong to the manager given at construction, normally the model's.
 */
public abstract class StatefulOptimizer extends Optimizer {

    private final NDManager stateManager;
    private final Map<String, NDArray[]> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    /**
     * Creates the optimizer.
     *
     * @param stateManager owns the state arrays (the model's manager: engines may hand the optimizer
     *     parameters wrapped in short-lived managers)
     */
    protected StatefulOptimizer(NDManager stateManager) {
        super(new NoOptions());
        this.stateManager = stateManager;
    }

    /** Returns how many state arrays, each shaped like the parameter, the rule keeps and checkpoints. */
    protected abstract int stateSize();

    /**
     * Returns how many scratch arrays, each shaped like the parameter, the rule needs besides its
     * state: they follow the state arrays in {@link #apply}'s {@code state} and are not checkpointed.
     */
    protected int scratchSize() {
        return 0;
    }

    /**
     * Updates a parameter in place.
     *
     * @param weight the parameter
     * @param grad its gradient
     * @param state the rule's state arrays, zero before the first step, then its scratch arrays;
     *     update them in place
     * @param step the step number, from 1
     */
    protected abstract void apply(NDArray weight, NDArray grad, NDArray[] state, int step);

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] state = states.computeIfAbsent(parameterId, id -> zeroState(weight));
        int step = steps.merge(parameterId, 1, Integer::sum);
        try (NDScope temporaries = new NDScope()) {
            temporaries.suppressNotUsedWarning();
            apply(weight, grad, state, step);
        }
    }

    private NDArray[] zeroState(NDArray weight) {
        return withScratch(new NDArray[0], weight);
    }

    private NDArray[] withScratch(NDArray[] saved, NDArray like) {
        NDArray[] state = Arrays.copyOf(saved, stateSize() + scratchSize());
        for (int i = saved.length; i < state.length; i++) {
            state[i] = stateManager.zeros(like.getShape(), like.getDataType(), like.getDevice());
        }
        return state;
    }

    /**
     * Writes the state of a model's parameters, in the block's parameter order (parameter ids are
     * made anew in every process, the order is not).
     *
     * @param model the model this optimizer trains
     * @param out where to write
     */
    public void saveState(Model model, DataOutputStream out) throws IOException {
        List<String> parameterIds = parameterIds(model);
        out.writeInt(parameterIds.size());
        out.writeInt(stateSize());
        for (String id : parameterIds) {
            out.writeInt(steps.getOrDefault(id, 0));
            NDArray[] state = states.get(id);
            out.writeBoolean(state != null);
            if (state != null) {
                byte[] encoded = new NDList(Arrays.copyOf(state, stateSize())).encode();
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        }
    }

    /**
     * Restores state written by {@link #saveState} for a model of the same architecture.
     *
     * @param model the model this optimizer will train
     * @param in where to read
     * @throws InvalidInputException if the state does not fit these parameters or this rule
     */
    public void loadState(Model model, DataInputStream in) throws IOException {
        List<String> parameterIds = parameterIds(model);
        int count = in.readInt();
        int size = in.readInt();
        if (count != parameterIds.size() || size != stateSize()) {
            throw new InvalidInputException("optimizer state holds " + count + " parameters of " + size
                    + " arrays; this model and optimizer need " + parameterIds.size() + " of " + stateSize());
        }
        for (String id : parameterIds) {
            int step = in.readInt();
            if (in.readBoolean()) {
                byte[] encoded = new byte[in.readInt()];
                in.readFully(encoded);
                NDList state = NDList.decode(stateManager, encoded);
                states.put(id, withScratch(state.toArray(new NDArray[0]), state.head()));
                steps.put(id, step);
            }
        }
    }

    private static List<String> parameterIds(Model model) {
        return model.getBlock().getParameters().values().stream()
                .map(Parameter::getId)
                .toList();
    }

    /** The base class wants a builder; these optimizers take their settings from their specs. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
