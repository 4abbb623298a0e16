package dev.mnistlab.compare;

import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.train.SpecWords;
import dev.mnistlab.train.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes a comparison's {@code report.md}, and the tables the console shows. */
public final class ReportMarkdown {

    private static final List<Figure> TRAINING_FIGURES = List.of(
            Figure.TEST_ACCURACY,
            Figure.TEST_LOSS,
            Figure.TRAIN_SECONDS,
            Figure.FIRST_EPOCH_THROUGHPUT,
            Figure.STEADY_THROUGHPUT,
            Figure.TRAINING_GFLOPS,
            Figure.ROOF_GFLOPS,
            Figure.ROOF_SHARE);
    private static final List<Figure> STEP_FIGURES = List.of(Figure.OPTIMIZER_SHARE, Figure.BATCHING_SHARE);
    private static final List<Figure> INFERENCE_FIGURES = List.of(
            Figure.LATENCY_P50, Figure.LATENCY_P99, Figure.BATCH_THROUGHPUT, Figure.MODEL_LOAD, Figure.PEAK_RSS);

    private ReportMarkdown() {}

    /** Returns the whole report. */
    public static String report(CompareResults results) {
        CompareContext context = results.context();
        MachineInfo machine = context.machine();
        StringBuilder md = new StringBuilder();
        md.append("# ")
                .append(context.title())
                .append(": ")
                .append(String.join(" vs ", results.plan().engines()))
                .append("\n\n");
        md.append("Run ")
                .append(context.startedAt())
                .append(" with\n\n```\n")
                .append(context.command())
                .append("\n```\n\n");
        md.append("**Machine:** ").append(machine.describe()).append(".\n");
        md.append(String.format(
                Locale.ROOT,
                "Peak FP32 rate: %.1f GFLOP/s (%d cores x %.2f GHz x %d FLOPs per cycle).%n%n",
                machine.peakGflops(),
                machine.cores(),
                machine.clockMhz() / 1000,
                machine.flopsPerCycle()));
        md.append(context.jvmPerPair() ? repetitionNote(results.plan()) : context.isolation())
                .append("\n\n");
        md.append("## Settings\n\n").append(settings(results.plan())).append('\n');
        md.append(tables(results));
        md.append(engines(results));
        md.append(failures(results));
        md.append(METHOD.replace("ISOLATION", wrapped(context.isolation())));
        return md.toString();
    }

    /** Returns the figure tables: training, step shares, inference and memory. */
    public static String tables(CompareResults results) {
        List<PairSummary> summaries = results.summaries();
        double peak = results.context().machine().peakGflops();
        StringBuilder md = new StringBuilder();
        md.append("## Accuracy and training\n\n");
        List<String> headings =
                new ArrayList<>(TRAINING_FIGURES.stream().map(Figure::heading).toList());
        headings.add("% of peak FP32");
        md.append(table(summaries, headings, summary -> {
            List<String> cells = new ArrayList<>(TRAINING_FIGURES.stream()
                    .map(figure -> summary.spread(figure).format(figure))
                    .toList());
            cells.add(String.format(
                    Locale.ROOT,
                    "%.1f",
                    100 * summary.spread(Figure.TRAINING_GFLOPS).median() / peak));
            return cells;
        }));
        md.append("\n## Where a training step's time goes\n\n");
        md.append(figureTable(summaries, STEP_FIGURES));
        md.append("\n## Inference and memory\n\n");
        md.append(figureTable(summaries, INFERENCE_FIGURES));
        return md.toString();
    }

    private static String figureTable(List<PairSummary> summaries, List<Figure> figures) {
        return table(
                summaries,
                figures.stream().map(Figure::heading).toList(),
                summary -> figures.stream()
                        .map(figure -> summary.spread(figure).format(figure))
                        .toList());
    }

    private static String table(
            List<PairSummary> summaries, List<String> headings, Function<PairSummary, List<String>> cells) {
        StringBuilder md = new StringBuilder("| model | engine | runs | ")
                .append(String.join(" | ", headings))
                .append(" |\n|---|---|---|")
                .append("---:|".repeat(headings.size()))
                .append('\n');
        for (PairSummary summary : summaries) {
            md.append("| ")
                    .append(summary.setting())
                    .append(" | ")
                    .append(summary.engine())
                    .append(" | ")
                    .append(runs(summary))
                    .append(" | ")
                    .append(String.join(" | ", cells.apply(summary)))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String runs(PairSummary summary) {
        return summary.failed().isEmpty()
                ? String.valueOf(summary.measured().size())
                : summary.measured().size() + " (" + summary.failed().size() + " failed)";
    }

    /** Wraps a sentence at about 100 columns for a Markdown list item, as the rest of the text is. */
    private static String wrapped(String sentence) {
        StringBuilder text = new StringBuilder();
        int column = 0;
        for (String word : sentence.split(" ", -1)) {
            if (column > 0 && column + 1 + word.length() > 100) {
                text.append("\n  ");
                column = 2;
            } else if (column > 0) {
                text.append(' ');
                column++;
            }
            text.append(word);
            column += word.length();
        }
        return text.toString();
    }

    private static String repetitionNote(ComparePlan plan) {
        return plan.repeat() == 1
                ? "Each (engine, model) pair ran once, in a JVM of its own; run with `--repeat 3` or more to see"
                        + " the spread between runs."
                : "Each (engine, model) pair ran " + plan.repeat() + " times, each time in a fresh JVM. Figures"
                        + " are medians, with the smallest and largest value in brackets: a difference smaller"
                        + " than those ranges is noise.";
    }

    private static String settings(ComparePlan plan) {
        StringBuilder md = new StringBuilder("| model | optimizer | batch | epochs | batch limit | seed | dataset |"
                + " threads | controls |\n|---|---|---:|---:|---:|---:|---|---|---|\n");
        for (TrainingSpec spec : plan.specs()) {
            List<String> controls = SpecWords.controls(spec);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s %s | %d | %d | %s | %d | %s | %s | %s |%n",
                    plan.settingName(spec),
                    spec.optimizer().name(),
                    spec.optimizer().hyperParameters(),
                    spec.batchSize(),
                    spec.epochs(),
                    spec.limitBatches() == 0 ? "none" : spec.limitBatches(),
                    spec.seed(),
                    spec.dataset().id(),
                    spec.threads(),
                    controls.isEmpty() ? "none" : String.join(", ", controls)));
        }
        return md.toString();
    }

    private static String engines(CompareResults results) {
        StringBuilder md = new StringBuilder("""

                ## Engines

                | engine | version | DJL | threads | device |
                |---|---|---|---|---|
                """);
        for (String engine : results.plan().engines()) {
            results.summaries().stream()
                    .filter(summary -> summary.engine().equals(engine))
                    .flatMap(summary -> summary.first().stream())
                    .findFirst()
                    .ifPresent(figures -> md.append(String.format(
                            Locale.ROOT,
                            "| %s | %s | %s | %s | %s |%n",
                            engine,
                            figures.engineVersion(),
                            figures.djlVersion(),
                            figures.threads(),
                            figures.device())));
        }
        return md.toString();
    }

    private static String failures(CompareResults results) {
        if (results.failures().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Failures\n\n");
        for (PairOutcome.Failed failed : results.failures()) {
            md.append("- `")
                    .append(failed.request().label())
                    .append("`: ")
                    .append(failed.reason())
                    .append(" (output: `")
                    .append(CompareRun.RUNS_FOLDER)
                    .append('/')
                    .append(failed.request().label())
                    .append('/')
                    .append(ChildJvmLauncher.LOG_FILE)
                    .append("`)\n");
        }
        return md.toString();
    }

    private static final String METHOD = """

            ## How the figures are measured

            - ISOLATION
            - **train, epoch 1** counts the first epoch's steps, warm-up included. **train, steady** counts the
              epochs after the first, or the second half of the steps when there is one epoch. Evaluations
              between epochs are not counted.
            - **train rate** (GFLOP/s) is three forward passes' worth of floating-point operations per image (forward,
              and gradients with respect to inputs and to weights), counting two per multiply-add of the
              convolutions and dense layers, times the steady throughput. **% of peak FP32** divides it by
              the machine's peak rate above. **dense roof** is what the engine itself reaches on a 2048x2048
              dense layer (its own operation for `Linear` blocks) in the same child, at the same threads,
              after training: the attainable rate on this machine. **% of roof** divides the train rate by it.
            - **optimizer share** and **batching share** divide the time of those phases by the whole step's.
              Each phase ends only once the engine has finished its work (MXNet queues work and returns at
              once), so asynchronous engines are charged to the right phase.
            - **latency** times single-image calls through `DigitClassifier` (forward pass, softmax, copy of the
              probabilities to Java), 2,000 calls after 2,000 warm-up calls (Java's JIT compiles the path
              meanwhile), on the model saved by the training
              and loaded back. **batch-256 inference** classifies 256 images per call, for at least 2 seconds.
            - **model load** is the median of 5 loads of the saved model folder. **peak RSS** is the child
              JVM's peak resident memory (`VmHWM`) when training ended: native engine memory and the Java heap.
            """;
}
