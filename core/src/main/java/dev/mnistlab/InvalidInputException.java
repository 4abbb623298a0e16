package dev.mnistlab;

import java.util.Optional;

/**
 * A problem with what the caller gave mnistlab: a value, a data file, a folder.
 *
 * <p>The message is one line in the API's own words that says what was wrong and what to do about
 * it; front ends show it as it is (the command line exits with code 2) and never need a stack trace
 * to explain it. When the problem is one {@link InputField}, {@link #field()} names it and the
 * message starts with the field's {@linkplain InputField#apiName() API name}, which a front end may
 * replace with its own word ({@link #messageNaming}). Every other exception escaping from {@code
 * core} means a bug or an environment failure.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 2L;

    private final InputField field;

    /**
     * Creates the exception.
     *
     * @param message one line: what was wrong and how to fix it
     */
    public InvalidInputException(String message) {
        this(null, message, null);
    }

    /**
     * Creates the exception with the low-level cause kept for verbose output.
     *
     * @param message one line: what was wrong and how to fix it
     * @param cause the exception that revealed the problem
     */
    public InvalidInputException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * Creates the exception about one input.
     *
     * @param field the input that is wrong
     * @param message one line that starts with the field's API name: what was wrong and how to fix it
     * @throws IllegalArgumentException if the message does not start with the field's name
     */
    public InvalidInputException(InputField field, String message) {
        this(field, message, null);
    }

    /**
     * Creates the exception about one input, with the low-level cause kept for verbose output.
     *
     * @param field the input that is wrong, or null
     * @param message one line that starts with the field's API name: what was wrong and how to fix it
     * @param cause the exception that revealed the problem, or null
     * @throws IllegalArgumentException if the message does not start with the field's name
     */
    public InvalidInputException(InputField field, String message, Throwable cause) {
        super(message, cause);
        if (field != null && !message.startsWith(field.apiName())) {
            throw new IllegalArgumentException(
                    "a message about " + field.apiName() + " must start with its name: " + message);
        }
        this.field = field;
    }

    /** Returns the input the problem is about, if it is one input. */
    public Optional<InputField> field() {
        return Optional.ofNullable(field);
    }

    /**
     * Returns the message with the field's API name replaced by a front end's word for it, e.g.
     * {@code --top-k must be between 1 and 10, got 0} for {@code topK must be ...}.
     *
     * @param word the front end's name for {@link #field()}; ignored when there is no field
     */
    public String messageNaming(String word) {
        return field == null
                ? getMessage()
                : word + getMessage().substring(field.apiName().length());
    }

    /**
     * Returns the same problem about another field, for a caller that passed the value on under
     * another name (a checkpoint folder is read as a model folder).
     *
     * @param other the caller's field
     * @return this exception if it is about no field, else a copy about {@code other}
     */
    public InvalidInputException about(InputField other) {
        if (field == null) {
            return this;
        }
        InvalidInputException renamed = new InvalidInputException(
                other, other.apiName() + getMessage().substring(field.apiName().length()), getCause());
        renamed.setStackTrace(getStackTrace());
        return renamed;
    }
}
