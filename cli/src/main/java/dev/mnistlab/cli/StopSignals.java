package dev.mnistlab.cli;

import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;

/**
 * Turns SIGINT and SIGTERM into a clean stop: instead of the JVM exiting at once (with status 130
 * or 143), the signal releases a latch, and the command that waits on it stops its work and returns
 * its own exit code. Java has no public API for signal handlers; this reaches the JDK's
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, exported for such uses) by reflection, so
 * that the build's no-warnings rule holds. Where that is missing, the JVM's default handling stays.
 */
final class StopSignals {

    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name;

    /** Installs the handlers for SIGINT and SIGTERM. */
    static StopSignals install() {
        StopSignals signals = new StopSignals();
        signals.handle("INT");
        signals.handle("TERM");
        return signals;
    }

    /** Waits for a signal and returns its name, e.g. {@code TERM}. */
    String await() throws InterruptedException {
        received.await();
        return name;
    }

    private void handle(String signal) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(
                    handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if ("handle".equals(method.getName())) {
                            name = signal;
                            received.countDown();
                            return null;
                        }
                        return method.invoke(this, args);
                    });
            Object signalObject = signalClass.getConstructor(String.class).newInstance(signal);
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signalObject, handler);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // No handler: the JVM stops on the signal as it always does.
        }
    }
}
