package dev.mnistlab.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;

/**
 * The session's Hadoop settings (file systems, credentials such as {@code spark.hadoop.fs.s3a.*}),
 * carried to the executors with a task, so that they open files as the driver would.
 */
final class HadoopSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private transient Configuration configuration;

    HadoopSettings(Configuration configuration) {
        this.configuration = configuration;
    }

    /** Returns the settings. */
    Configuration get() {
        return configuration;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        configuration.write(out);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        configuration = new Configuration(false);
        configuration.readFields(in);
    }
}
