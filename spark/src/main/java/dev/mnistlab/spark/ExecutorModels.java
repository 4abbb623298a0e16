package dev.mnistlab.spark;

import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.infer.DigitClassifier;
import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.TaskContext;

/**
 * The models loaded in this JVM (an executor, or the driver on a local master), kept for the JVM's
 * life, so each executor loads a model once however many tasks and stages use it.
 *
 * <p>A task borrows a classifier of its own and gives it back when it completes: the executor
 * then holds as many copies of a model as it runs tasks at once, and no two tasks compute on one
 * model together (a classifier's forward passes take turns, and not every engine lets two threads
 * share a model). Before the first load the engine gets the task's CPUs as its compute threads
 * ({@code spark.task.cpus}, 1 by default), so that tasks times threads stays within the executor's
 * cores.
 */
final class ExecutorModels {

    private static final Map<String, Queue<DigitClassifier>> IDLE = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /**
     * Lends the calling task a classifier for a model on an engine, loading one if none is idle;
     * it returns to the pool when the task completes.
     */
    static DigitClassifier borrow(ModelFiles files, String engine) throws IOException {
        Queue<DigitClassifier> idle =
                IDLE.computeIfAbsent(files.digest() + "/" + engine, key -> new ConcurrentLinkedQueue<>());
        DigitClassifier classifier = idle.poll();
        if (classifier == null) {
            classifier = load(files, engine);
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
            DigitClassifier lent = classifier;
            task.addTaskCompletionListener(context -> {
                idle.add(lent);
            });
        }
        return classifier;
    }

    private static DigitClassifier load(ModelFiles files, String engine) throws IOException {
        Backend backend = Backends.get(engine);
        TaskContext task = TaskContext.get();
        int threads = task == null ? 1 : Math.max(1, task.cpus());
        synchronized (ExecutorModels.class) {
            if (!backend.threadsFixed()) {
                backend.useThreads(threads);
            }
        }
        return files.inLocalCopy(folder -> DigitClassifier.open(folder, backend));
    }
}
