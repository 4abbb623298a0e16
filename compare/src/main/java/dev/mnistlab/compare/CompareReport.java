package dev.mnistlab.compare;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.AtomicFile;
import dev.mnistlab.files.AtomicFolder;
import dev.mnistlab.pictures.PngFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a comparison's files into its output folder: {@code results.json}, {@code results.csv},
 * {@code report.md} and one PNG chart per charted figure. Each file is replaced atomically, so a
 * reader never sees half of one, even while the comparison is still running.
 */
public final class CompareReport {

    /** The machine-readable results. */
    public static final String JSON_FILE = "results.json";

    /** One row per measurement. */
    public static final String CSV_FILE = "results.csv";

    /** The report for people. */
    public static final String MARKDOWN_FILE = "report.md";

    private CompareReport() {}

    /** Returns the content of {@value #JSON_FILE}: provenance, plan, every run's figures and per-pair spreads. */
    public static String json(CompareResults results) {
        return ResultsJson.json(results);
    }

    /**
     * Writes (or rewrites) every file.
     *
     * @param results the comparison so far
     * @param folder the output folder, created if needed
     */
    public static void write(CompareResults results, Path folder) throws IOException {
        writeText(folder.resolve(JSON_FILE), json(results));
        writeText(folder.resolve(CSV_FILE), ResultsCsv.csv(results));
        writeText(folder.resolve(MARKDOWN_FILE), ReportMarkdown.report(results));
        for (Map.Entry<String, Figure> chart : CompareCharts.CHARTS.entrySet()) {
            PngFile.write(CompareCharts.draw(results, chart.getValue()), folder.resolve(chart.getKey()));
        }
    }

    /**
     * Checks that a folder may receive a comparison: absent, empty, or an earlier comparison's.
     *
     * @throws InvalidInputException if writing would mix the report into unrelated files
     */
    public static void requireWritable(Path folder) throws IOException {
        AtomicFolder.requireReplaceable(folder, JSON_FILE, "earlier comparison", "");
    }

    private static void writeText(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(bytes));
    }
}
