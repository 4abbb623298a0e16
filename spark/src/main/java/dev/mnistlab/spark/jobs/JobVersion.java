package dev.mnistlab.spark.jobs;

import dev.mnistlab.MnistlabVersion;
import picocli.CommandLine.IVersionProvider;

/** Reports the versions of mnistlab, Spark and Java the jobs run with. */
final class JobVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "mnistlab " + MnistlabVersion.get() + ", Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()
                    + ", Java " + Runtime.version()
        };
    }
}
