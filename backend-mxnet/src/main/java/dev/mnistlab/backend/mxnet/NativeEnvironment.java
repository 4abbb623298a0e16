package dev.mnistlab.backend.mxnet;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * The process's standard error as native libraries write it, through the C library: MXNet logs to
 * descriptor 2 unconditionally. (Its environment settings go through {@link
 * dev.mnistlab.machine.ProcessEnvironment}.)
 */
final class NativeEnvironment {

    private interface CLibrary extends Library {
        int dup(int descriptor);

        int dup2(int from, int to);

        int pipe(int[] descriptors);

        long read(int descriptor, byte[] buffer, long count);

        long write(int descriptor, byte[] buffer, long count);

        int close(int descriptor);
    }

    private static final int STANDARD_ERROR = 2;
    private static final int READ_END = 0;
    private static final int WRITE_END = 1;

    private static final CLibrary C = Native.load("c", CLibrary.class);

    private NativeEnvironment() {}

    /**
     * Runs native code with the process's standard error passed through a filter, for libraries that
     * log unconditionally.
     *
     * <p>Standard error is one descriptor for the whole process, and native libraries write a log
     * line in several pieces, so another thread's line could land in the middle of one. While
     * {@code action} runs, Java's {@code System.err} is therefore held in memory ({@link HeldOutput})
     * and descriptor 2 goes to a pipe, where a pump thread copies each line, as {@code filter}
     * returns it, to the real standard error; a line the filter turns into an empty string is
     * dropped. When the action ends, the descriptor is put back, the pump drains the pipe, and the
     * held Java output follows in the order it was written: no line is lost. If the pipe cannot be
     * set up, the action runs unfiltered.
     */
    static void withStandardErrorFiltered(UnaryOperator<String> filter, Runnable action) {
        int[] pipe = new int[2];
        if (C.pipe(pipe) != 0) {
            action.run();
            return;
        }
        int original = C.dup(STANDARD_ERROR);
        PrintStream javaErr = System.err;
        HeldOutput held = new HeldOutput(javaErr);
        System.setErr(new PrintStream(held, true, StandardCharsets.UTF_8));
        javaErr.flush();
        if (original < 0 || C.dup2(pipe[WRITE_END], STANDARD_ERROR) < 0) {
            closeAll(pipe[READ_END], pipe[WRITE_END], original);
            release(held, javaErr);
            action.run();
            return;
        }
        C.close(pipe[WRITE_END]);
        Thread pump = new Thread(() -> pump(pipe[READ_END], original, filter), "mnistlab-stderr-filter");
        pump.setDaemon(true);
        pump.start();
        try {
            action.run();
        } finally {
            javaErr.flush();
            C.dup2(original, STANDARD_ERROR);
            awaitDrained(pump);
            closeAll(pipe[READ_END], original);
            release(held, javaErr);
        }
    }

    private static void release(HeldOutput held, PrintStream javaErr) {
        held.release();
        System.setErr(javaErr);
    }

    /**
     * Java's standard error while native code logs: bytes are kept until {@link #release}, which
     * writes them to the real stream, and later writes go straight there, so a thread still holding
     * this stream loses nothing.
     */
    private static final class HeldOutput extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private boolean released;

        HeldOutput(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            if (released) {
                target.write(b);
            } else {
                held.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            if (released) {
                target.write(bytes, offset, length);
            } else {
                held.write(bytes, offset, length);
            }
        }

        @Override
        public synchronized void flush() {
            if (released) {
                target.flush();
            }
        }

        synchronized void release() {
            target.write(held.toByteArray(), 0, held.size());
            target.flush();
            released = true;
        }
    }

    /** Copies lines from the pipe to the real standard error until every writer has let go of it. */
    private static void pump(int from, int to, UnaryOperator<String> filter) {
        byte[] chunk = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (long read = C.read(from, chunk, chunk.length); read > 0; read = C.read(from, chunk, chunk.length)) {
            for (int i = 0; i < read; i++) {
                line.write(chunk[i]);
                if (chunk[i] == '\n') {
                    forward(line, to, filter);
                }
            }
        }
        forward(line, to, filter);
    }

    private static void forward(ByteArrayOutputStream line, int to, UnaryOperator<String> filter) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        byte[] bytes = text.isEmpty() ? new byte[0] : filter.apply(text).getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return;
        }
        int written = 0;
        while (written < bytes.length) {
            byte[] rest = written == 0 ? bytes : Arrays.copyOfRange(bytes, written, bytes.length);
            long count = C.write(to, rest, rest.length);
            if (count <= 0) {
                return;
            }
            written += (int) count;
        }
    }

    private static void awaitDrained(Thread pump) {
        boolean interrupted = false;
        while (pump.isAlive()) {
            try {
                pump.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeAll(int... descriptors) {
        for (int descriptor : descriptors) {
            if (descriptor >= 0) {
                C.close(descriptor);
            }
        }
    }
}
