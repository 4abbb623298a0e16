package dev.mnistlab;

/**
 * A problem with what the user gave mnistlab: a flag value, a data file, a folder.
 *
 * <p>The message is one line that says what was wrong and what to do about it; front ends show it
 * as it is (the command line exits with code 2) and never need a stack trace to explain it. Every
 * other exception escaping from {@code core} means a bug or an environment failure.
 */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one line: what was wrong and how to fix it
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the low-level cause kept for {@code --verbose} output.
     *
     * @param message one line: what was wrong and how to fix it
     * @param cause the exception that revealed the problem
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
