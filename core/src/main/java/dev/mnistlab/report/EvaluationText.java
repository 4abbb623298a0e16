package dev.mnistlab.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.eval.ConfusionMatrix;
import dev.mnistlab.eval.EvaluationReport;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link EvaluationReport} for people (aligned tables) or machines (JSON).
 */
public final class EvaluationText {

    private EvaluationText() {}

    /**
     * Returns the per-class table and the confusion matrix as text.
     *
     * @param report the evaluation
     * @param classNames the name of each class, by index
     */
    public static String table(EvaluationReport report, List<String> classNames) {
        ConfusionMatrix confusion = report.confusion();
        int width =
                Math.max(5, classNames.stream().mapToInt(String::length).max().orElse(5));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Test accuracy %.4f, test loss %.4f on %d images%n%n",
                report.summary().accuracy(),
                report.summary().loss(),
                report.summary().count()));
        text.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall      f1  support%n", "class"));
        for (int c = 0; c < confusion.classCount(); c++) {
            text.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %9.4f  %6.4f  %6.4f  %7d%n",
                    classNames.get(c),
                    confusion.precision(c),
                    confusion.recall(c),
                    confusion.f1(c),
                    support(confusion, c)));
        }
        text.append(String.format(Locale.ROOT, "%nConfusion matrix (rows: true class, columns: predicted class)%n"));
        text.append(" ".repeat(width));
        for (int c = 0; c < confusion.classCount(); c++) {
            text.append(String.format(Locale.ROOT, " %5d", c));
        }
        text.append(String.format(Locale.ROOT, "%n"));
        for (int truth = 0; truth < confusion.classCount(); truth++) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s", classNames.get(truth)));
            for (int predicted = 0; predicted < confusion.classCount(); predicted++) {
                text.append(String.format(Locale.ROOT, " %5d", confusion.count(truth, predicted)));
            }
            text.append(String.format(Locale.ROOT, "%n"));
        }
        return text.toString();
    }

    /**
     * Returns the same figures as JSON: {@code testAccuracy}, {@code testLoss}, {@code count},
     * {@code classes} (name, precision, recall, f1, support) and {@code confusion} (rows: true class).
     *
     * @param report the evaluation
     * @param classNames the name of each class, by index
     */
    public static JsonObject json(EvaluationReport report, List<String> classNames) {
        ConfusionMatrix confusion = report.confusion();
        JsonObject json = new JsonObject();
        json.addProperty("testAccuracy", report.summary().accuracy());
        json.addProperty("testLoss", report.summary().loss());
        json.addProperty("count", report.summary().count());
        JsonArray classes = new JsonArray();
        JsonArray matrix = new JsonArray();
        for (int c = 0; c < confusion.classCount(); c++) {
            JsonObject item = new JsonObject();
            item.addProperty("name", classNames.get(c));
            item.addProperty("precision", confusion.precision(c));
            item.addProperty("recall", confusion.recall(c));
            item.addProperty("f1", confusion.f1(c));
            item.addProperty("support", support(confusion, c));
            classes.add(item);
            JsonArray row = new JsonArray();
            for (int predicted = 0; predicted < confusion.classCount(); predicted++) {
                row.add(confusion.count(c, predicted));
            }
            matrix.add(row);
        }
        json.add("classes", classes);
        json.add("confusion", matrix);
        return json;
    }

    private static long support(ConfusionMatrix confusion, int c) {
        long support = 0;
        for (int predicted = 0; predicted < confusion.classCount(); predicted++) {
            support += confusion.count(c, predicted);
        }
        return support;
    }
}
