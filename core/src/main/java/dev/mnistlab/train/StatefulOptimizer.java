package dev.mnistlab.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DJL {@link Optimizer} whose whole state (per-parameter arrays and step counts) can be saved with
 * a checkpoint and restored, so a resumed run continues exactly. Made by {@link
 * OptimizerSpec#newOptimizer}.
 *
 * <p>Subclasses give the update rule: one fused engine call (Adam, and Keras' RMSProp as Adam
 * without a first moment) or NDArray operations (SGD with momentum). This class keeps the state, in
 * an order derived from the model's parameters, frees each update's temporaries and has the engine
 * finish each update. Where the engine allows, it first lays the parameters end to end in one
 * buffer ({@link #gatherParameters}) and applies the rule to all of them, a cache-sized piece at a
 * time. State arrays belong to the manager given at construction, normally the model's.
 */
public abstract class StatefulOptimizer extends Optimizer {

    /** "MNO2": mnistlab optimizer state, second format (the first encoded DJL NDLists). */
    private static final int FORMAT_TAG = 0x4d4e4f32;

    private static final int HEADER_BYTES = 3 * Integer.BYTES;
    private static final int PARAMETER_HEADER_BYTES = Integer.BYTES + 1;

    private final NDManager stateManager;
    private final Backend backend;
    private final Map<String, NDArray[]> states = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();
    private ParameterBuffer buffer;
    private NDArray[] bufferState;
    private ParameterBuffer.Pieces pieces;
    private double learningRate;

    /**
     * Creates the optimizer.
     *
     * @param learningRate the rate of every step until {@link #setLearningRate} changes it
     * @param stateManager owns the state arrays (the model's manager: engines may hand the optimizer
     *     parameters wrapped in short-lived managers)
     * @param backend the engine, which finishes each update ({@link Backend#finishUpdate}) and may
     *     flush denormal numbers during a step ({@link Backend#flushDenormals})
     */
    protected StatefulOptimizer(double learningRate, NDManager stateManager, Backend backend) {
        super(new NoOptions());
        this.learningRate = learningRate;
        this.stateManager = stateManager;
        this.backend = backend;
    }

    /**
     * Sets the learning rate of the next steps: a {@link LearningRateSchedule} sets it before each.
     * The rate is not part of the saved state; a schedule gives it again from the step's number.
     *
     * @param rate the new rate, at least 0
     */
    public void setLearningRate(double rate) {
        learningRate = rate;
    }

    /** Returns the learning rate of the current step. */
    protected double learningRate() {
        return learningRate;
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

    /**
     * Lays the parameters that take gradients end to end in one buffer, each a view of its stretch,
     * where the engine's slices share memory (PyTorch; not MXNet), so that {@link #step} applies the
     * rule once to all of them: a few engine calls a step instead of a few per parameter. Values,
     * and any state already loaded, are kept. Call it once, after the parameters are initialized and
     * before the first forward pass of training (DJL's trainer keeps the arrays it first sees).
     * The rule then runs once a piece of the buffer, each small enough for the cores' caches.
     *
     * @param parameters the model's parameters, from {@link #parametersOf}
     * @return whether the parameters now share one buffer; if not, nothing changed
     */
    public boolean gatherParameters(List<Parameter> parameters) {
        List<Parameter> trainable =
                parameters.stream().filter(Parameter::requiresGradient).toList();
        buffer = ParameterBuffer.adopt(trainable).orElse(null);
        if (buffer == null) {
            return false;
        }
        int arrays = stateSize() + scratchSize();
        NDArray[][] perParameter = new NDArray[trainable.size()][];
        for (int p = 0; p < perParameter.length; p++) {
            perParameter[p] = states.computeIfAbsent(trainable.get(p).getId(), id -> new NDArray[arrays]);
        }
        bufferState = new NDArray[arrays];
        for (int i = 0; i < arrays; i++) {
            NDArray[] stretches = new NDArray[perParameter.length];
            for (int p = 0; p < stretches.length; p++) {
                stretches[p] = perParameter[p][i];
            }
            bufferState[i] = buffer.gatherInto(stretches, stateManager);
            for (int p = 0; p < stretches.length; p++) {
                perParameter[p][i] = stretches[p];
            }
        }
        return true;
    }

    /**
     * Updates every parameter of a model that takes gradients, in the block's order, from the
     * gradients of the last backward pass. The same rule as {@link #update} through DJL's {@code
     * Trainer.step()}, without its parameter server's detour: that server copies each gradient
     * before handing it over (a whole extra pass over every parameter, per step), which a single
     * device does not need. After {@link #gatherParameters}, one update a cache-sized piece of the
     * buffer.
     *
     * <p>Denormal numbers are flushed to zero during the step where the engine can ({@link
     * Backend#flushDenormals}): a running mean of squared gradients that decays towards zero (RMSProp
     * with rho 0.9 on the MNIST border pixels) spends long stretches as denormals, and each
     * arithmetic operation on one costs about a hundred times a normal one on these CPUs.
     *
     * @param parameters the model's parameters, from {@link #parametersOf} once per run (the list
     *     given to {@link #gatherParameters}, if it was called)
     */
    public void step(List<Parameter> parameters) {
        backend.flushDenormals(true);
        try {
            if (buffer != null) {
                stepBuffer();
            } else {
                stepEach(parameters);
            }
        } finally {
            backend.flushDenormals(false);
        }
    }

    private void stepEach(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient()) {
                NDArray weight = parameter.getArray();
                try (NDArray grad = weight.getGradient()) {
                    update(parameter.getId(), weight, grad);
                }
            }
        }
    }

    private void stepBuffer() {
        int step = 0;
        for (Parameter parameter : buffer.parameters()) {
            step = steps.merge(parameter.getId(), 1, Integer::sum);
        }
        long most = ParameterBuffer.PIECE_ELEMENTS * backend.computeThreads();
        if (pieces == null || pieces.most() != most) {
            if (pieces != null) {
                pieces.close();
            }
            pieces = buffer.cut(bufferState, most);
        }
        try (NDScope temporaries = new NDScope()) {
            temporaries.suppressNotUsedWarning();
            NDArray[] gradients = pieces.gradients();
            for (int piece = 0; piece < pieces.count(); piece++) {
                apply(pieces.values(piece), gradients[piece], pieces.state(piece), step);
            }
        }
        for (Parameter parameter : buffer.parameters()) {
            backend.finishUpdate(parameter.getArray());
        }
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] state = states.computeIfAbsent(parameterId, id -> zeroState(weight));
        int step = steps.merge(parameterId, 1, Integer::sum);
        try (NDScope temporaries = new NDScope()) {
            temporaries.suppressNotUsedWarning();
            apply(weight, grad, state, step);
        }
        backend.finishUpdate(weight);
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
     * made anew in every process, the order is not): a tag, the parameter and array counts, then per
     * parameter its step count, whether it has state, and its state arrays' float32 values
     * (big-endian, each array shaped like its parameter).
     *
     * @param model the model this optimizer trains
     * @param out where to write
     */
    public void saveState(Model model, DataOutputStream out) throws IOException {
        List<Parameter> parameters = parametersOf(model);
        out.writeInt(FORMAT_TAG);
        out.writeInt(parameters.size());
        out.writeInt(stateSize());
        for (Parameter parameter : parameters) {
            int step = steps.getOrDefault(parameter.getId(), 0);
            out.writeInt(step);
            NDArray[] state = step == 0 ? null : states.get(parameter.getId());
            out.writeBoolean(state != null);
            if (state != null) {
                for (int i = 0; i < stateSize(); i++) {
                    float[] values = state[i].toFloatArray();
                    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES);
                    bytes.asFloatBuffer().put(values);
                    out.write(bytes.array());
                }
            }
        }
    }

    /**
     * Returns the most bytes {@link #saveState} writes for a model: what a saved state may hold.
     *
     * @param model the model this optimizer trains
     */
    public long savedBytesAtMost(Model model) {
        long bytes = HEADER_BYTES;
        for (Parameter parameter : parametersOf(model)) {
            bytes += PARAMETER_HEADER_BYTES + parameter.getArray().getShape().size() * Float.BYTES * stateSize();
        }
        return bytes;
    }

    /**
     * Restores state written by {@link #saveState} for a model of the same architecture. Every count
     * and length is checked against the bytes there are before anything is allocated.
     *
     * @param model the model this optimizer will train
     * @param saved the whole saved state
     * @throws InvalidInputException if the state is damaged or does not fit these parameters or this
     *     rule
     */
    public void loadState(Model model, byte[] saved) {
        List<Parameter> parameters = parametersOf(model);
        ByteBuffer in = ByteBuffer.wrap(saved);
        if (saved.length < HEADER_BYTES || in.getInt() != FORMAT_TAG) {
            throw damaged("it does not start as an optimizer state written by this version of mnistlab does");
        }
        int count = in.getInt();
        int size = in.getInt();
        if (count != parameters.size() || size != stateSize()) {
            throw new InvalidInputException("optimizer state holds " + count + " parameters of " + size
                    + " arrays; this model and optimizer need " + parameters.size() + " of " + stateSize());
        }
        for (Parameter parameter : parameters) {
            requireRemaining(in, PARAMETER_HEADER_BYTES, parameter);
            int step = in.getInt();
            byte hasState = in.get();
            if (step < 0 || hasState > 1 || hasState < 0 || (hasState == 0) != (step == 0)) {
                throw damaged("parameter " + parameter.getName() + " has step " + step + " and state flag " + hasState);
            }
            if (hasState == 1) {
                Shape shape = parameter.getArray().getShape();
                requireRemaining(in, shape.size() * Float.BYTES * stateSize(), parameter);
                NDArray[] state = new NDArray[stateSize()];
                for (int i = 0; i < state.length; i++) {
                    float[] values = new float[Math.toIntExact(shape.size())];
                    in.asFloatBuffer().get(values);
                    in.position(in.position() + values.length * Float.BYTES);
                    state[i] = stateManager.create(values, shape);
                }
                states.put(parameter.getId(), withScratch(state, parameter.getArray()));
                steps.put(parameter.getId(), step);
            }
        }
        if (in.hasRemaining()) {
            throw damaged(in.remaining() + " bytes follow the last parameter's state");
        }
    }

    private static void requireRemaining(ByteBuffer in, long needed, Parameter parameter) {
        if (in.remaining() < needed) {
            throw damaged("cut short in parameter " + parameter.getName() + ": " + needed + " bytes needed, "
                    + in.remaining() + " left");
        }
    }

    private static InvalidInputException damaged(String detail) {
        return new InvalidInputException("optimizer state is damaged (" + detail + ")");
    }

    /**
     * Returns a model's parameters in its block's order, the order {@link #step} updates and {@link
     * #saveState} writes them in. The block builds the list anew on every call, so a training
     * takes it once.
     *
     * @param model the model this optimizer trains
     */
    public static List<Parameter> parametersOf(Model model) {
        return List.copyOf(model.getBlock().getParameters().values());
    }

    /** The base class wants a builder; these optimizers take their settings from their specs. */
    private static final class NoOptions extends OptimizerBuilder<NoOptions> {
        @Override
        protected NoOptions self() {
            return this;
        }
    }
}
