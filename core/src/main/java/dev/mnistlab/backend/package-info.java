/**
 * The engines mnistlab can run on, found on the class path.
 *
 * <p>Each backend module ({@code mnistlab-backend-pytorch}, {@code mnistlab-backend-mxnet}) brings
 * a DJL engine with its native libraries and registers a small {@link dev.mnistlab.backend.Backend}
 * in {@code META-INF/services/dev.mnistlab.backend.Backend}. {@link dev.mnistlab.backend.Backends}
 * finds them with {@link java.util.ServiceLoader}; nothing in {@code core} names an engine package.
 *
 * <pre>{@code
 * Backend backend = Backends.get("pytorch");     // error lists the available names if absent
 * Device device = DeviceChoice.AUTO.resolve(backend);
 * }</pre>
 */
package dev.mnistlab.backend;
