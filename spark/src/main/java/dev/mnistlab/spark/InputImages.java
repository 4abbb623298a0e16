package dev.mnistlab.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.split;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.IdxArray;
import dev.mnistlab.data.IdxReader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads images for the jobs, from image files, IDX files or Parquet tables, into one shape: a
 * row per image with {@value #ID}, and either {@value #CONTENT} (the encoded picture: PNG, JPEG, BMP
 * or GIF) or {@value #PIXELS} (a prepared 28x28 image, 784 unsigned bytes, as IDX files hold them),
 * and {@value #LABEL} (the class index, or -1 for a label the model does not know; null when
 * unlabelled).
 *
 * <pre>{@code
 * Dataset<Row> scans = InputImages.files(spark, "hdfs:///scans/2026/");
 * Dataset<Row> test = InputImages.labelledFolders(spark, "s3a://sets/digits/test", model.classNames());
 * }</pre>
 */
public final class InputImages {

    /** The image's name: its file's URI, its index in an IDX file, or a Parquet table's id column. */
    public static final String ID = "id";

    /** The encoded picture, or null. */
    public static final String CONTENT = "content";

    /** The prepared 28x28 image as 784 unsigned bytes, or null. */
    public static final String PIXELS = "pixels";

    /** The class index, -1 for a class the model does not have, or null. */
    public static final String LABEL = "label";

    /** The columns every reader gives, in this order. */
    public static final StructType SCHEMA = new StructType()
            .add(ID, DataTypes.StringType, false)
            .add(CONTENT, DataTypes.BinaryType, true)
            .add(PIXELS, DataTypes.BinaryType, true)
            .add(LABEL, DataTypes.IntegerType, true);

    /**
     * How many partitions of picture files each core of the cluster gets at most: a few, so a
     * retried task redoes little.
     */
    static final int PARTITIONS_PER_CORE = 4;

    /**
     * How many listed pictures a task gets at least, where there are enough for every core: a task
     * costs tens of milliseconds besides its pictures (its deserialisation, its output file, its
     * commit), and 8,192 small pictures take about a third of a second.
     */
    static final int PICTURES_PER_TASK = 8192;

    /** Picture files by extension, as {@code mnistlab predict} finds them in folders. */
    private static final Pattern IMAGE_NAME = Pattern.compile("(?i)\\.(png|jpg|jpeg|bmp|gif)$");

    /** A listed picture file: its path and its length in bytes. */
    private static final StructType LISTED =
            new StructType().add("path", DataTypes.StringType, false).add("length", DataTypes.LongType, false);

    private InputImages() {}

    /**
     * Picture files in a folder (searched recursively) or matching a glob, through Spark's
     * {@code binaryFile} source, unlabelled. Files whose names start with a dot or an underscore
     * are hidden from Spark's file sources.
     *
     * @param location a folder or glob on any file system Spark reads, e.g. {@code /scans/*.png}
     */
    public static Dataset<Row> files(SparkSession spark, String location) {
        return imageFiles(spark, location).select(col(ID), col(CONTENT), nullPixels(), nullLabel());
    }

    /**
     * The test split of an image-folder set, {@code folder/<class>/*.png}, labelled by the name of
     * each picture's folder.
     *
     * @param folder the folder holding one sub-folder per class, e.g. {@code DIR/test}
     * @param classNames the model's classes, by index; a folder of another name labels its images -1
     */
    public static Dataset<Row> labelledFolders(SparkSession spark, String folder, List<String> classNames) {
        Column className = element_at(split(col(ID), "/"), -2);
        Column label = org.apache
                .spark
                .sql
                .functions
                .array_position(lit(classNames.toArray(String[]::new)), className)
                .cast(DataTypes.IntegerType)
                .minus(1);
        return imageFiles(spark, folder).select(col(ID), col(CONTENT), nullPixels(), label.as(LABEL));
    }

    /**
     * Lists picture files, in at most {@value #PARTITIONS_PER_CORE} partitions per core of the
     * cluster (Spark's file sources count 4 MB for opening each file, so small pictures would
     * otherwise come 32 to a partition, each partition a task and an output file), and reads each
     * file in the task ({@link ReadPictureFiles}). A folder on the local file system is listed by
     * {@link LocalPictureFolder}, anything else by Spark's {@code binaryFile} source (which reads no
     * content when only the paths are asked for); both give the same rows. The files of a local
     * folder, counted before the tasks start, come in as few partitions per core as give each task
     * {@value #PICTURES_PER_TASK} of them or more.
     */
    private static Dataset<Row> imageFiles(SparkSession spark, String location) {
        int cores = spark.sparkContext().defaultParallelism();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Dataset<Row> listed;
        try {
            Optional<LocalPictureFolder> folder = LocalPictureFolder.of(location, hadoop, IMAGE_NAME);
            listed = folder.isPresent()
                    ? listedLocally(spark, folder.get().list(), cores)
                    : listedBySpark(spark, location).coalesce(PARTITIONS_PER_CORE * cores);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + location + ": " + e.getMessage(), e);
        }
        return listed.mapPartitions(new ReadPictureFiles(new HadoopSettings(hadoop)), Encoders.row(SCHEMA));
    }

    private static Dataset<Row> listedBySpark(SparkSession spark, String location) {
        return spark.read()
                .format("binaryFile")
                .option("recursiveFileLookup", "true")
                .load(location)
                .where(col("path").rlike(IMAGE_NAME.pattern()))
                .select(col("path"), col("length"));
    }

    private static Dataset<Row> listedLocally(SparkSession spark, List<Row> files, int cores) {
        long perCore = files.size() / ((long) cores * PICTURES_PER_TASK);
        int partitions = (int) Math.min(files.size(), cores * Math.max(1, Math.min(PARTITIONS_PER_CORE, perCore)));
        JavaRDD<Row> rows =
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(files, Math.max(1, partitions));
        return spark.createDataFrame(rows, LISTED);
    }

    /**
     * The images of an IDX file (and their labels, if a labels file is given), read where the job
     * starts and handed to the executors with the job: IDX sets are single files of tens of
     * megabytes. Each image's id is its index in the file.
     *
     * @param images an IDX images file on this machine, raw or gzip-compressed
     * @param labels its IDX labels file, or null
     * @param classCount how many classes the model has (a label at or above is -1)
     */
    public static Dataset<Row> idx(SparkSession spark, Path images, Path labels, int classCount) throws IOException {
        IdxArray pixels = IdxReader.read(images, 3);
        if (pixels.dimensions()[1] != DatasetLoader.IMAGE_SIZE || pixels.dimensions()[2] != DatasetLoader.IMAGE_SIZE) {
            throw new InvalidInputException(images + ": images are " + pixels.dimensions()[1] + "x"
                    + pixels.dimensions()[2] + "; the models take " + DatasetLoader.IMAGE_SIZE + "x"
                    + DatasetLoader.IMAGE_SIZE);
        }
        byte[] classes = null;
        if (labels != null) {
            IdxArray read = IdxReader.read(labels, 1);
            if (read.count() != pixels.count()) {
                throw new InvalidInputException(labels + ": holds " + read.count() + " labels for the " + pixels.count()
                        + " images of " + images);
            }
            classes = read.data();
        }
        byte[] known = classes;
        return pixelRows(
                spark,
                pixels.data(),
                pixels.count(),
                i -> known == null ? null : knownLabel(known[i] & 0xff, classCount));
    }

    /**
     * The test split of an MNIST-style dataset folder (its four IDX files) on this machine,
     * labelled; the same images {@code mnistlab evaluate} scores.
     *
     * @param folder the folder
     * @param dataset names the IDX files' classes
     */
    public static Dataset<Row> idxTestSplit(SparkSession spark, Path folder, NamedDataset dataset) throws IOException {
        ImageSet test = DatasetLoader.load(folder, dataset).test();
        return pixelRows(spark, test.pixels(), test.size(), test::label);
    }

    /** One row per prepared 28x28 image of an IDX array, named by its index, with its label or null. */
    private static Dataset<Row> pixelRows(SparkSession spark, byte[] pixels, int count, IntFunction<Integer> label) {
        int size = DatasetLoader.IMAGE_SIZE * DatasetLoader.IMAGE_SIZE;
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(RowFactory.create(
                    Integer.toString(i), null, Arrays.copyOfRange(pixels, i * size, (i + 1) * size), label.apply(i)));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * The pictures of a Parquet table (or any table Spark has read).
     *
     * @param table the table
     * @param imageColumn the column of encoded pictures (binary)
     * @param idColumn the column that names each row, or null to number the rows
     * @param labelColumn the label column (a class index or a class name), or null
     * @param classNames the model's classes, by index
     * @throws InvalidInputException naming the column if one is missing or of the wrong type
     */
    public static Dataset<Row> table(
            Dataset<Row> table, String imageColumn, String idColumn, String labelColumn, List<String> classNames) {
        requireColumn(table, imageColumn, "imageColumn", DataTypes.BinaryType);
        Column id = idColumn == null
                ? monotonically_increasing_id().cast(DataTypes.StringType)
                : column(table, idColumn, "idColumn").cast(DataTypes.StringType);
        Column label =
                labelColumn == null ? lit(null).cast(DataTypes.IntegerType) : label(table, labelColumn, classNames);
        return table.select(id.as(ID), col(imageColumn).as(CONTENT), nullPixels(), label.as(LABEL));
    }

    private static Column label(Dataset<Row> table, String labelColumn, List<String> classNames) {
        Column column = column(table, labelColumn, "labelColumn");
        DataType type = table.schema().apply(labelColumn).dataType();
        if (type instanceof IntegralType) {
            return org.apache
                    .spark
                    .sql
                    .functions
                    .when(column.geq(0).and(column.lt(classNames.size())), column.cast(DataTypes.IntegerType))
                    .otherwise(lit(-1));
        }
        if (type instanceof StringType) {
            return org.apache
                    .spark
                    .sql
                    .functions
                    .array_position(lit(classNames.toArray(String[]::new)), column)
                    .cast(DataTypes.IntegerType)
                    .minus(1);
        }
        throw new InvalidInputException("labelColumn '" + labelColumn + "' is of type "
                + type.simpleString()
                + "; labels are class indexes (integers) or class names (strings)");
    }

    private static Column column(Dataset<Row> table, String name, String role) {
        if (!Arrays.asList(table.columns()).contains(name)) {
            throw new InvalidInputException(role + " '" + name + "' is not a column of the table; it has "
                    + String.join(", ", table.columns()));
        }
        return col(name);
    }

    private static void requireColumn(Dataset<Row> table, String name, String role, DataType type) {
        column(table, name, role);
        DataType actual = table.schema().apply(name).dataType();
        if (!actual.equals(type)) {
            throw new InvalidInputException(role + " '" + name + "' is of type " + actual.simpleString()
                    + "; it must hold the encoded pictures as " + type.simpleString());
        }
    }

    private static Integer knownLabel(int label, int classCount) {
        return label < classCount ? label : -1;
    }

    private static Column nullPixels() {
        return lit(null).cast(DataTypes.BinaryType).as(PIXELS);
    }

    private static Column nullLabel() {
        return lit(null).cast(DataTypes.IntegerType).as(LABEL);
    }
}
