package dev.mnistlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkFreeLocalFileSystemTest {

    @TempDir
    Path dir;

    private FileSystem forkFree;
    private FileSystem hadoops;

    @BeforeEach
    void openBoth() throws IOException {
        Configuration settings = new Configuration();
        settings.set(ForkFreeLocalFileSystem.SETTING, ForkFreeLocalFileSystem.class.getName());
        forkFree = FileSystem.newInstance(URI.create("file:///"), settings);
        hadoops = new LocalFileSystem();
        hadoops.initialize(URI.create("file:///"), new Configuration());
    }

    @AfterEach
    void closeBoth() throws IOException {
        forkFree.close();
        hadoops.close();
    }

    @Test
    void theSettingMakesFilePathsUseIt() {
        assertInstanceOf(ForkFreeLocalFileSystem.class, forkFree);
    }

    @Test
    void everyModeIsSetAsHadoopsChmodSetsIt() throws IOException {
        for (short mode = 0; mode <= 0777; mode++) {
            FsPermission permission = new FsPermission(mode);
            Path ours = Files.createFile(dir.resolve("ours-" + mode));
            Path theirs = Files.createFile(dir.resolve("theirs-" + mode));
            forkFree.setPermission(hadoopPath(ours), permission);
            hadoops.setPermission(hadoopPath(theirs), permission);
            assertEquals(
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(theirs)),
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)),
                    "mode " + permission);
        }
    }

    @Test
    void foldersAndFilesAreMadeWithHadoopsPermissions() throws IOException {
        FsPermission folderMode = new FsPermission((short) 0750);
        FsPermission fileMode = new FsPermission((short) 0640);
        for (String side : new String[] {"ours", "theirs"}) {
            FileSystem fileSystem = side.equals("ours") ? forkFree : hadoops;
            org.apache.hadoop.fs.Path folder = hadoopPath(dir.resolve(side).resolve("a/b"));
            fileSystem.mkdirs(folder, folderMode);
            try (OutputStream out = fileSystem.create(
                    new org.apache.hadoop.fs.Path(folder, "part-0"), fileMode, true, 4096, (short) 1, 1 << 20, null)) {
                out.write(new byte[] {1, 2, 3});
            }
        }
        for (String made : new String[] {"a", "a/b", "a/b/part-0", "a/b/.part-0.crc"}) {
            assertEquals(
                    Files.getAttribute(dir.resolve("theirs").resolve(made), "unix:mode"),
                    Files.getAttribute(dir.resolve("ours").resolve(made), "unix:mode"),
                    made);
        }
    }

    @Test
    void theStickyBitIsLeftToHadoop() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("shared"));
        forkFree.setPermission(hadoopPath(folder), new FsPermission((short) 01777));
        assertEquals(01777, (int) Files.getAttribute(folder, "unix:mode") & 07777);
    }

    private static org.apache.hadoop.fs.Path hadoopPath(Path path) {
        return new org.apache.hadoop.fs.Path(path.toUri());
    }
}
