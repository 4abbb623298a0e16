package dev.mnistlab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}), checksummed as Hadoop's own, that sets permissions
 * through {@code java.nio} instead of starting a {@code chmod} process.
 *
 * <p>Without Hadoop's native library, which is not on Maven Central, Hadoop sets the permission of
 * every folder it makes and every file it creates by running {@code chmod}: Spark writing a table
 * into a local folder starts two such processes per task and more to commit the job, each one a
 * stall of the task. The jobs of {@code mnistlab spark} use this file system for {@code file:}
 * paths unless {@value #SPARK_SETTING} is set; a session of one's own gets it with
 * {@code spark.hadoop.fs.file.impl=dev.mnistlab.spark.ForkFreeLocalFileSystem}. Modes that
 * {@code java.nio} cannot set (the sticky bit) and file systems without POSIX permissions are
 * left to Hadoop.
 */
public final class ForkFreeLocalFileSystem extends LocalFileSystem {

    /** The Hadoop setting that names the class of the {@code file:} file system. */
    public static final String SETTING = "fs.file.impl";

    /** The same setting as a Spark session takes it. */
    public static final String SPARK_SETTING = "spark.hadoop." + SETTING;

    /** Creates the file system, as Hadoop does for a {@code file:} path. */
    public ForkFreeLocalFileSystem() {
        super(new ForkFreeRawFileSystem());
    }

    /** The unchecksummed layer underneath, where Hadoop sets permissions. */
    private static final class ForkFreeRawFileSystem extends RawLocalFileSystem {

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            java.nio.file.Path file = pathToFile(path).toPath();
            if (permission.getStickyBit() || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
                super.setPermission(path, permission);
                return;
            }
            Files.setPosixFilePermissions(file, posix(permission));
        }

        private static Set<PosixFilePermission> posix(FsPermission permission) {
            Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
            grant(
                    granted,
                    permission.getUserAction(),
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE);
            grant(
                    granted,
                    permission.getGroupAction(),
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE);
            grant(
                    granted,
                    permission.getOtherAction(),
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_EXECUTE);
            return granted;
        }

        private static void grant(
                Set<PosixFilePermission> granted,
                FsAction action,
                PosixFilePermission read,
                PosixFilePermission write,
                PosixFilePermission execute) {
            if (action.implies(FsAction.READ)) {
                granted.add(read);
            }
            if (action.implies(FsAction.WRITE)) {
                granted.add(write);
            }
            if (action.implies(FsAction.EXECUTE)) {
                granted.add(execute);
            }
        }
    }
}
