package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local folder is listed as Spark's {@code binaryFile} source lists it, path for path. */
class LocalPictureFolderIT {

    private static final Pattern PICTURE = Pattern.compile("(?i)\\.(png|jpg|jpeg|bmp|gif)$");

    @TempDir
    static Path temp;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[1]")
                .appName("LocalPictureFolderIT")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void aFolderOfOddNamesIsListedAsSparkListsIt() throws IOException {
        Path root = temp.resolve("odd");
        for (String name : List.of(
                "a.png",
                "B.JPG",
                "c.txt",
                "png",
                ".hidden.png",
                "_under.png",
                "_metadata.png",
                "_year=2026/in.png",
                "_cd=1.png",
                "_metadata/m.png",
                "_common_metadata/deep/n.png",
                "_common_metadataX/o.png",
                "_metadataY/p.png",
                "x._COPYING_/q.png",
                "sub dir/ünï cödé.png",
                "sub dir/deeper/d.gif",
                "sub dir/deeper/e.jpeg",
                ".git/f.png",
                "_tmp/g.png",
                "h.png._COPYING_",
                "percent%20name.png",
                "hash#name.png",
                "colon:name.png",
                "question?mark.bmp",
                "brackets[1].png",
                "tab\tname.png")) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("sub dir/deeper"));
        Files.createSymbolicLink(root.resolve("linked.png"), root.resolve("a.png"));

        Map<String, Long> local = listedLocally(root.toString());

        assertEquals(listedBySpark(root.toString()), local);
        assertTrue(local.containsKey("file:" + root.resolve("sub dir/ünï cödé.png")), local.toString());
        assertEquals(20, local.size(), local.toString());
        assertEquals(listedBySpark("file://" + root), listedLocally("file://" + root));
        Path under = temp.resolve("_under/.dot/pictures");
        Files.createDirectories(under);
        Files.write(under.resolve("r.png"), new byte[1]);
        assertEquals(listedBySpark(under.toString()), listedLocally(under.toString()));
    }

    @Test
    void everyListedFileIsReadWhateverItsName() throws IOException {
        Path root = temp.resolve("names");
        List<String> names = List.of(
                "a b.png",
                "ünï cödé.png",
                "percent%20.png",
                "hash#.png",
                "colon:.png",
                "question?.png",
                "brackets[1].png",
                "tab\t.png",
                "deep/er/x.png");
        for (String name : names) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }

        List<Row> rows = InputImages.files(spark, root.toString()).collectAsList();

        assertEquals(names.size(), rows.size());
        for (Row row : rows) {
            String name = root.relativize(Path.of(row.getString(0).substring("file:".length())))
                    .toString();
            assertEquals(name, new String((byte[]) row.get(1), StandardCharsets.UTF_8));
        }
        // A glob goes through Spark's own listing (whose globbing fails in a folder holding a name with a
        // colon, so the glob does not reach the top folder).
        List<Row> globbed = InputImages.files(spark, root + "/deep/e?").collectAsList();
        assertEquals(Map.of("file:" + root.resolve("deep/er/x.png"), "deep/er/x.png"), contents(globbed));
    }

    @Test
    void onlyALocalFolderWithoutGlobCharactersIsListedHere() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("plain"));
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();

        assertTrue(LocalPictureFolder.of(folder.toString(), hadoop, PICTURE).isPresent());
        assertTrue(LocalPictureFolder.of(folder + "/*.png", hadoop, PICTURE).isEmpty());
        assertTrue(LocalPictureFolder.of(folder.resolve("missing").toString(), hadoop, PICTURE)
                .isEmpty());
        assertTrue(LocalPictureFolder.of(
                        Files.write(folder.resolve("one.png"), new byte[1]).toString(), hadoop, PICTURE)
                .isEmpty());
        assertTrue(
                LocalPictureFolder.of("hdfs://127.0.0.1:1/x", hadoop, PICTURE).isEmpty());
    }

    private static Map<String, Long> listedLocally(String location) throws IOException {
        Optional<LocalPictureFolder> folder =
                LocalPictureFolder.of(location, spark.sparkContext().hadoopConfiguration(), PICTURE);
        assertTrue(folder.isPresent(), location);
        return byPath(folder.get().list());
    }

    private static Map<String, Long> listedBySpark(String location) {
        return byPath(spark.read()
                .format("binaryFile")
                .option("recursiveFileLookup", "true")
                .load(location)
                .where(col("path").rlike(PICTURE.pattern()))
                .select(col("path"), col("length"))
                .collectAsList());
    }

    private static Map<String, String> contents(List<Row> rows) {
        Map<String, String> contents = new TreeMap<>();
        rows.forEach(row -> contents.put(row.getString(0), new String((byte[]) row.get(1), StandardCharsets.UTF_8)));
        return contents;
    }

    private static Map<String, Long> byPath(List<Row> rows) {
        TreeMap<String, Long> byPath = new TreeMap<>();
        rows.forEach(row -> byPath.put(row.getString(0), row.getLong(1)));
        return byPath;
    }
}
