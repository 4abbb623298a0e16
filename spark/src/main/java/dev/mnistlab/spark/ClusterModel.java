package dev.mnistlab.spark;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.model.ModelDescriptor;
import java.io.IOException;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * A saved model made ready for a Spark job: its files read once where the job starts and broadcast
 * to the executors, which each load it once per engine ({@code ExecutorModels}).
 *
 * <pre>{@code
 * ClusterModel model = ClusterModel.load(spark, "hdfs:///models/cnn", "pytorch");
 * Dataset<Row> answers = BatchPrediction.predict(InputImages.files(spark, "hdfs:///scans"), model, 3, 256);
 * }</pre>
 */
public final class ClusterModel {

    private final ModelFiles files;
    private final Broadcast<ModelFiles> broadcast;
    private final ModelDescriptor descriptor;
    private final String engine;

    private ClusterModel(ModelFiles files, Broadcast<ModelFiles> broadcast, ModelDescriptor descriptor, String engine) {
        this.files = files;
        this.broadcast = broadcast;
        this.descriptor = descriptor;
        this.engine = engine;
    }

    /**
     * Reads a model folder and broadcasts it.
     *
     * @param spark the session the jobs run in
     * @param folder the model folder, on any file system Spark reads
     * @param engine the engine the executors run it on: {@code pytorch} or {@code mxnet}
     * @throws dev.mnistlab.InvalidInputException if the engine is unknown or the folder holds no
     *     usable model
     */
    public static ClusterModel load(SparkSession spark, String folder, String engine) throws IOException {
        Backends.get(engine);
        ModelFiles files = ModelFiles.read(folder, spark.sparkContext().hadoopConfiguration());
        ModelDescriptor descriptor = files.descriptor();
        Broadcast<ModelFiles> broadcast =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(files);
        return new ClusterModel(files, broadcast, descriptor, engine);
    }

    /** Returns the folder as it was given. */
    public String source() {
        return files.source();
    }

    /** Returns the engine the executors run the model on. */
    public String engine() {
        return engine;
    }

    /** Returns the model's descriptor: architecture, classes, dataset. */
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** Returns the name of each class, by index. */
    public List<String> classNames() {
        return descriptor.classNames();
    }

    /** The files as the executors get them. */
    Broadcast<ModelFiles> files() {
        return broadcast;
    }
}
