package dev.mnistlab.train;

import ai.djl.ndarray.NDManager;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An optimizer and its hyper-parameters, as a value object that builds the DJL optimizer.
 *
 * <p>Create one with {@link #create}, which fills in defaults and validates every value.
 */
public sealed interface OptimizerSpec
        permits OptimizerSpec.RmsProp, OptimizerSpec.Adam, OptimizerSpec.AdamW, OptimizerSpec.Sgd {

    /** Returns the name users type: {@code rmsprop}, {@code adam}, {@code adamw} or {@code sgd}. */
    String name();

    /** Returns the learning rate. */
    double learningRate();

    /** Returns the hyper-parameters by name, for reports. */
    Map<String, Double> hyperParameters();

    /**
     * Builds a new optimizer for one training run.
     *
     * @param backend the engine it will run on, for engine-specific update handling
     * @param stateManager owns the optimizer's state arrays: the model's manager
     */
    StatefulOptimizer newOptimizer(Backend backend, NDManager stateManager);

    /**
     * RMSProp as Keras defines it: {@code n = rho*n + (1-rho)*g^2; w -= lr * g / (sqrt(n) + eps)}.
     *
     * @param learningRate step size
     * @param rho decay of the running mean of squared gradients
     * @param epsilon added to the root mean square, outside the square root
     */
    record RmsProp(double learningRate, double rho, double epsilon) implements OptimizerSpec {
        @Override
        public String name() {
            return "rmsprop";
        }

        @Override
        public Map<String, Double> hyperParameters() {
            return Map.of("learningRate", learningRate, "rho", rho, "epsilon", epsilon);
        }

        @Override
        public StatefulOptimizer newOptimizer(Backend backend, NDManager stateManager) {
            return new KerasRmsProp(this, stateManager, backend);
        }
    }

    /**
     * Adam (Kingma and Ba), with checkpointable state.
     *
     * @param learningRate step size
     * @param beta1 decay of the first moment
     * @param beta2 decay of the second moment
     * @param epsilon added to the denominator for stability
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {
        @Override
        public String name() {
            return "adam";
        }

        @Override
        public Map<String, Double> hyperParameters() {
            return Map.of("learningRate", learningRate, "beta1", beta1, "beta2", beta2, "epsilon", epsilon);
        }

        @Override
        public StatefulOptimizer newOptimizer(Backend backend, NDManager stateManager) {
            return new AdamOptimizer(this, 0, stateManager, backend);
        }
    }

    /**
     * Adam with decoupled weight decay (Loshchilov and Hutter), as PyTorch's {@code AdamW}: before
     * each Adam step, every parameter is multiplied by {@code 1 - lr * weightDecay}.
     *
     * @param learningRate step size
     * @param beta1 decay of the first moment
     * @param beta2 decay of the second moment
     * @param epsilon added to the denominator for stability
     * @param weightDecay how much of each parameter a step takes away, relative to the step size
     */
    record AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay)
            implements OptimizerSpec {
        @Override
        public String name() {
            return "adamw";
        }

        @Override
        public Map<String, Double> hyperParameters() {
            return Map.of(
                    "learningRate",
                    learningRate,
                    "beta1",
                    beta1,
                    "beta2",
                    beta2,
                    "epsilon",
                    epsilon,
                    "weightDecay",
                    weightDecay);
        }

        @Override
        public StatefulOptimizer newOptimizer(Backend backend, NDManager stateManager) {
            return new AdamOptimizer(new Adam(learningRate, beta1, beta2, epsilon), weightDecay, stateManager, backend);
        }
    }

    /**
     * Stochastic gradient descent with optional momentum, with checkpointable state.
     *
     * @param learningRate step size
     * @param momentum fraction of the previous step carried into the next
     */
    record Sgd(double learningRate, double momentum) implements OptimizerSpec {
        @Override
        public String name() {
            return "sgd";
        }

        @Override
        public Map<String, Double> hyperParameters() {
            return Map.of("learningRate", learningRate, "momentum", momentum);
        }

        @Override
        public StatefulOptimizer newOptimizer(Backend backend, NDManager stateManager) {
            return new MomentumSgd(this, stateManager, backend);
        }
    }

    /** Returns the optimizer names users can type. */
    static String names() {
        return "rmsprop, adam, adamw, sgd";
    }

    /**
     * Builds an optimizer spec from the user's words; a null value takes the default.
     *
     * <p>Defaults: RMSProp lr 0.001, rho 0.9, eps 1e-8 (Keras); Adam lr 0.001, beta1 0.9, beta2 0.999,
     * eps 1e-8; AdamW the same and weight decay 0.01 (PyTorch); SGD lr 0.01, momentum 0.
     *
     * @throws InvalidInputException if the name is unknown, a value is out of range, or a value is
     *     given that the chosen optimizer does not use
     */
    static OptimizerSpec create(
            String name,
            Double learningRate,
            Double rho,
            Double beta1,
            Double beta2,
            Double epsilon,
            Double momentum,
            Double weightDecay) {
        String kind = name.toLowerCase(Locale.ROOT);
        OptimizerSpec spec = switch (kind) {
            case "rmsprop" ->
                new RmsProp(rate(learningRate, 0.001), fraction(InputField.RHO, rho, 0.9), epsilon(epsilon));
            case "adam" ->
                new Adam(
                        rate(learningRate, 0.001),
                        fraction(InputField.BETA1, beta1, 0.9),
                        fraction(InputField.BETA2, beta2, 0.999),
                        epsilon(epsilon));
            case "adamw" ->
                new AdamW(
                        rate(learningRate, 0.001),
                        fraction(InputField.BETA1, beta1, 0.9),
                        fraction(InputField.BETA2, beta2, 0.999),
                        epsilon(epsilon),
                        weightDecay(weightDecay));
            case "sgd" -> new Sgd(rate(learningRate, 0.01), fraction(InputField.MOMENTUM, momentum, 0.0));
            default ->
                throw new InvalidInputException(
                        InputField.OPTIMIZER, "optimizer '" + name + "' is unknown: choose one of " + names());
        };
        Map<InputField, Double> given = new LinkedHashMap<>();
        given.put(InputField.RHO, rho);
        given.put(InputField.BETA1, beta1);
        given.put(InputField.BETA2, beta2);
        given.put(InputField.EPSILON, epsilon);
        given.put(InputField.MOMENTUM, momentum);
        given.put(InputField.WEIGHT_DECAY, weightDecay);
        given.forEach((field, value) -> {
            if (value != null && !spec.hyperParameters().containsKey(field.apiName())) {
                throw new InvalidInputException(
                        field,
                        field.apiName() + " does not apply to the " + kind
                                + " optimizer; drop it or choose an optimizer that uses it");
            }
        });
        return spec;
    }

    private static double rate(Double value, double fallback) {
        double rate = value == null ? fallback : value;
        if (!(rate > 0 && rate <= 10)) {
            throw new InvalidInputException(
                    InputField.LEARNING_RATE, "learningRate must be greater than 0 and at most 10, got " + rate);
        }
        return requireFloat32(InputField.LEARNING_RATE, rate);
    }

    private static double fraction(InputField field, Double value, double fallback) {
        double fraction = value == null ? fallback : value;
        if (!(fraction >= 0 && fraction < 1)) {
            throw new InvalidInputException(
                    field, field.apiName() + " must be at least 0 and less than 1, got " + fraction);
        }
        if ((float) fraction == 1) {
            throw new InvalidInputException(
                    field,
                    field.apiName() + " " + fraction + " is 1 in the 32-bit floats the engines compute with,"
                            + " where it would never decay; give at most " + Math.nextDown(1f));
        }
        return fraction;
    }

    private static double weightDecay(Double value) {
        double decay = value == null ? 0.01 : value;
        if (!(decay >= 0 && decay <= 1)) {
            throw new InvalidInputException(
                    InputField.WEIGHT_DECAY, "weightDecay must be between 0 and 1, got " + decay);
        }
        return decay;
    }

    private static double epsilon(Double value) {
        double epsilon = value == null ? 1e-8 : value;
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new InvalidInputException(
                    InputField.EPSILON, "epsilon must be greater than 0 and at most 1, got " + epsilon);
        }
        return requireFloat32(InputField.EPSILON, epsilon);
    }

    /**
     * Refuses a positive value that the engines' 32-bit floats cannot hold: it would become 0 (a
     * learning rate that never moves the weights) or lose its precision (an epsilon that no longer
     * keeps a division finite).
     */
    private static double requireFloat32(InputField field, double value) {
        if (value < Float.MIN_NORMAL) {
            throw new InvalidInputException(
                    field,
                    field.apiName() + " " + value + " is below the smallest 32-bit float the engines compute with"
                            + " at full precision (" + Float.MIN_NORMAL + "); give a larger value");
        }
        return value;
    }
}
