package dev.mnistlab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.mnistlab.backend.Backend;
import java.util.Arrays;

/**
 * Chooses between one thread and every core by timing the model itself: forward passes of one
 * training batch at each count, alternated so that a change in the machine's load touches both,
 * and the count with the lower median wins. Whether a model's operations are large enough to gain
 * from splitting depends on the model, the batch, the engine build and the machine's cores, which no
 * fixed rule knows (on the 2-core build machine PyTorch's CNN ran as fast on one thread as on two;
 * on machines with more cores splitting a convolution is what makes it fast).
 *
 * <p>The passes are inference passes on a batch of zeros: they touch neither the parameters, the
 * gradients nor a random generator. They take a few of the model's forward passes, well under
 * one epoch's second. Every run makes them, with its one count when there is nothing to choose,
 * so that a run with a fixed count computes exactly as an automatic run that chose that count.
 * They also warm the engine up: measured on the 2-core build machine, PyTorch 2.7.1 then trained
 * the CNN on 2 threads at about 1,000 samples/s instead of about 700, with slightly different
 * rounding (what libtorch sets up on its first inference passes is not documented; the effect
 * is measured, not explained; docs/benchmarks.md, "Threads").
 */
final class FastestThreadCount {

    private static final int WARM_UP_ROUNDS = 2;
    private static final int TIMED_ROUNDS = 7;

    private FastestThreadCount() {}

    /**
     * Leaves the engine computing with the fastest of the given counts.
     *
     * @param backend the engine; it must be able to take every count but the first
     * @param block the model, initialised
     * @param manager where the probe's arrays live while it runs
     * @param batchShape the shape of one training batch
     * @param counts the counts to try; with one, the passes only warm the engine up
     * @return the count chosen
     */
    static int choose(Backend backend, Block block, NDManager manager, Shape batchShape, int... counts) {
        long[][] nanos = new long[counts.length][TIMED_ROUNDS];
        try (NDManager scratch = manager.newSubManager()) {
            NDList input = new NDList(scratch.zeros(batchShape));
            ParameterStore parameters = new ParameterStore(scratch, false);
            for (int round = 0; round < WARM_UP_ROUNDS + TIMED_ROUNDS; round++) {
                for (int i = 0; i < counts.length; i++) {
                    backend.useThreads(counts[i]);
                    long elapsed = timePass(backend, block, parameters, input);
                    if (round >= WARM_UP_ROUNDS) {
                        nanos[i][round - WARM_UP_ROUNDS] = elapsed;
                    }
                }
            }
        }
        int chosen = counts[0];
        long fastest = median(nanos[0]);
        for (int i = 1; i < counts.length; i++) {
            if (median(nanos[i]) <= fastest) {
                chosen = counts[i];
                fastest = median(nanos[i]);
            }
        }
        backend.useThreads(chosen);
        return chosen;
    }

    private static long timePass(Backend backend, Block block, ParameterStore parameters, NDList input) {
        long start = System.nanoTime();
        NDList output = block.forward(parameters, input, false);
        backend.awaitPendingWork();
        long elapsed = System.nanoTime() - start;
        output.close();
        return elapsed;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
