package dev.mnistlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What an optimizer's state decay costs when the state has decayed into denormal numbers: one
 * multiplication by 0.9 of the MLP's 25,450 running-mean entries (RMSProp's {@code rho * n}), all
 * denormal, with the engine flushing denormals to zero ({@link Backend#flushDenormals}) or not. The
 * array is refilled before each call from a copy, so every call sees the same denormals.
 */
@State(Scope.Benchmark)
public class DenormalFlushBenchmark extends EngineBenchmark {

    private static final int MLP_PARAMETERS = 25_450;

    @Param({"false", "true"})
    public boolean flush;

    private Backend backend;
    private NDManager manager;
    private NDArray denormals;
    private NDArray state;

    @Setup
    public void build() {
        backend = Backends.get(engine);
        backend.useThreads(1);
        manager = backend.engine().newBaseManager();
        float[] values = new float[MLP_PARAMETERS];
        Arrays.fill(values, 3e-39f);
        denormals = manager.create(values);
        state = manager.create(values);
    }

    @TearDown
    public void close() {
        manager.close();
    }

    @Benchmark
    public NDArray decayDenormalState() {
        backend.flushDenormals(flush);
        try {
            return state.muli(0.9f);
        } finally {
            backend.flushDenormals(false);
            denormals.copyTo(state);
        }
    }
}
