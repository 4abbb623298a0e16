package dev.mnistlab.backend.mxnet;

import dev.mnistlab.backend.Backends;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a JVM of its own by {@link EngineStartStderrTest}: a thread writes numbered lines to
 * {@code System.err} every millisecond while the main thread starts MXNet, then the program prints
 * on standard output how many lines were written in all and how many while the engine started.
 */
public final class StderrWhileStarting {

    private StderrWhileStarting() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            while (!stop.get()) {
                // One write per line, as most loggers do.
                System.err.print("app line " + written.getAndIncrement() + "\n");
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        writer.start();
        Thread.sleep(200);
        int before = written.get();
        Backends.get("mxnet").engine();
        int after = written.get();
        Thread.sleep(200);
        stop.set(true);
        writer.join();
        System.out.println("written " + written.get() + " during-start " + (after - before));
    }
}
