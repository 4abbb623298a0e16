package dev.mnistlab.testing;

import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * Runs a check on many generated cases, property-based testing in its plainest form: each case
 * comes from its own seed, drawn from the run's seed, so a failure names what reproduces it.
 *
 * <ul>
 *   <li>{@code -Dmnistlab.fuzz.cases=N}: cases per check (default {@value #DEFAULT_CASES}).</li>
 *   <li>{@code -Dmnistlab.fuzz.seed=S}: replays a whole run.</li>
 *   <li>{@code -Dmnistlab.fuzz.case=C}: replays one failing case.</li>
 * </ul>
 */
public final class Fuzz {

    /** Cases per check in the normal test run. */
    public static final int DEFAULT_CASES = 10_000;

    /** The property that sets the number of cases. */
    public static final String CASES_PROPERTY = "mnistlab.fuzz.cases";

    /** The property that replays a run. */
    public static final String SEED_PROPERTY = "mnistlab.fuzz.seed";

    /** The property that replays one case. */
    public static final String CASE_PROPERTY = "mnistlab.fuzz.case";

    /** A check of one case; anything it throws (an error included) fails the run. */
    @FunctionalInterface
    public interface Check<T> {
        /**
         * Checks one case.
         *
         * @param value the generated case
         */
        void accept(T value) throws Exception;
    }

    private Fuzz() {}

    /**
     * Runs a check on generated cases.
     *
     * @param name what is checked, for the report
     * @param generator makes one case from its own random source
     * @param check throws if the case shows a fault
     * @return the number of cases run
     * @throws AssertionError naming the run's seed and the failing case's seed
     */
    public static <T> int run(String name, Function<Random, T> generator, Check<T> check) {
        Long replayCase = Long.getLong(CASE_PROPERTY);
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        int cases = replayCase != null ? 1 : Integer.getInteger(CASES_PROPERTY, DEFAULT_CASES);
        Random seeds = new Random(seed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = replayCase != null ? replayCase : seeds.nextLong();
            T value = generator.apply(new Random(caseSeed));
            try {
                check.accept(value);
            } catch (Throwable fault) {
                throw new AssertionError(
                        name + ": case " + (i + 1) + " of " + cases + " failed: " + fault
                                + "; replay it with -D" + CASE_PROPERTY + "=" + caseSeed + ", the run with -D"
                                + SEED_PROPERTY
                                + "=" + seed,
                        fault);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d cases passed (seed %d)%n", name, cases, seed);
        return cases;
    }
}
