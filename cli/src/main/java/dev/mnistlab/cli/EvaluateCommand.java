package dev.mnistlab.cli;

import ai.djl.Model;
import com.google.gson.JsonObject;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.eval.EvaluationReport;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.files.OutputPaths;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.pictures.ConfusionChart;
import dev.mnistlab.pictures.PngFile;
import dev.mnistlab.report.EvaluationText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistlab evaluate}: scores a saved model on its dataset's test set, on any engine. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Score a saved model on the test set: accuracy, loss, per-class figures.",
        description = {
            "Score a saved model on the test set: loss, accuracy, per-class precision, recall and F1, "
                    + "and the confusion matrix. The engine may differ from the one that trained the model.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab evaluate --model runs/cnn-pt --engine mxnet",
            "  mnistlab evaluate --model runs/mlp --json > scores.json",
            "  mnistlab evaluate --model runs/mlp --output runs/mlp     # also confusion.png"
        })
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SavedModelOptions saved;

    @Mixin
    DataOptions data;

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Also write confusion.png, the confusion matrix as a labelled heat map, into DIR"
                    + " (default: none).")
    Path output;

    @Override
    public Integer call() throws IOException {
        Path chart = output == null ? null : output.resolve(ConfusionChart.FILE_NAME);
        if (chart != null) {
            OutputPaths.requireWritableFile(chart);
        }
        ModelDescriptor descriptor = saved.descriptor();
        Backend backend = saved.backend();
        ConsoleProgress progress = common.progress(spec);
        try (Model model = saved.load(descriptor, backend, spec.commandLine().getErr())) {
            DatasetSplits splits = data.load(descriptor, progress);
            splits.requireClassNames(descriptor.classNames());
            EvaluationReport report = ModelEvaluator.evaluate(
                    model,
                    splits.test(),
                    descriptor.architecture().imagesPerPass(),
                    descriptor.classNames().size(),
                    progress.evaluation("test set"));
            if (chart != null) {
                String title = String.format(
                        Locale.ROOT,
                        "%s on %s, %s: test accuracy %.4f",
                        descriptor.architecture().name(),
                        descriptor.dataset(),
                        backend.name(),
                        report.summary().accuracy());
                PngFile.write(ConfusionChart.draw(report.confusion(), descriptor.classNames(), title), chart);
            }
            JsonObject result = EvaluationText.json(report, descriptor.classNames());
            result.addProperty("model", saved.folder.toString());
            result.addProperty("engine", backend.name());
            result.addProperty("dataset", descriptor.dataset());
            result.addProperty("confusionChart", chart == null ? null : chart.toString());
            common.printJson(spec, () -> result);
            if (!common.json) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        Locale.ROOT,
                        "Model %s (%s) on %s, %s: %s test set from %s%n%n",
                        saved.folder,
                        descriptor.architecture().name(),
                        backend.name(),
                        model.getNDManager().getDevice(),
                        descriptor.dataset(),
                        splits.source().folder());
                out.print(EvaluationText.table(report, descriptor.classNames()));
                if (chart != null) {
                    out.println();
                    out.println("Wrote " + chart + " (the confusion matrix as a picture)");
                }
                out.flush();
            }
        }
        return 0;
    }
}
