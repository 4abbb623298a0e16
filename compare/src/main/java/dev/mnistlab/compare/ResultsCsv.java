package dev.mnistlab.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Writes a comparison's {@code results.csv}: one row per measurement, failed ones included, with
 * plain numbers (no thousands separators) for spreadsheets and scripts.
 */
final class ResultsCsv {

    private static final List<String> LEADING = List.of(
            "engine",
            "model",
            "setting",
            "repetition",
            "status",
            "engine_version",
            "djl_version",
            "threads",
            "device",
            "forward_flops");

    private ResultsCsv() {}

    static String csv(CompareResults results) {
        List<String> header = new ArrayList<>(LEADING);
        Arrays.stream(Figure.values()).map(Figure::key).forEach(header::add);
        header.add("failure");
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (PairOutcome outcome : results.outcomes()) {
            PairRequest request = outcome.request();
            List<String> row = new ArrayList<>(List.of(
                    request.engine(),
                    request.spec().architecture().name(),
                    request.setting(),
                    String.valueOf(request.repetition())));
            if (outcome instanceof PairOutcome.Measured measured) {
                PairFigures figures = measured.figures();
                row.addAll(List.of(
                        "ok",
                        figures.engineVersion(),
                        figures.djlVersion(),
                        figures.threads(),
                        figures.device(),
                        String.valueOf(figures.forwardFlops())));
                Arrays.stream(Figure.values())
                        .map(figure -> String.valueOf(figure.of(figures)))
                        .forEach(row::add);
                row.add("");
            } else {
                row.add("failed");
                row.addAll(Collections.nCopies(header.size() - row.size() - 1, ""));
                row.add(((PairOutcome.Failed) outcome).reason());
            }
            csv.append(String.join(",", row.stream().map(ResultsCsv::quoted).toList()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
