package dev.mnistlab.cli;

import com.google.gson.JsonParser;
import dev.mnistlab.Plural;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.compare.ChildJvmLauncher;
import dev.mnistlab.compare.CompareContext;
import dev.mnistlab.compare.ComparePlan;
import dev.mnistlab.compare.CompareReport;
import dev.mnistlab.compare.CompareResults;
import dev.mnistlab.compare.CompareRun;
import dev.mnistlab.compare.PairMain;
import dev.mnistlab.compare.ReportMarkdown;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetLocator;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistlab compare}: the same training and inference work on several engines, side by side. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Compare engines side by side: accuracy, training speed, inference, memory.",
        description = {
            "Train and evaluate every (engine, model) pair with the same settings, seed and data, "
                    + "measure inference, and report accuracy, speed and memory side by side. Each pair runs in "
                    + "a JVM of its own, one after another, so no engine's warm-up, memory or threads colour "
                    + "another's figures.",
            "",
            "Writes into --output: report.md, results.json, results.csv, charts (PNG) and "
                    + "runs/<pair>/ (each child's output.log and trained model). The files are rewritten after "
                    + "every pair, so a failed pair or an interrupted run still leaves what was measured.",
            ""
        },
        footer = {
            "",
            "Figures: test accuracy and loss; training time; samples/s in epoch 1 and in",
            "steady state; achieved GFLOP/s and its share of the CPU's peak and of the",
            "engine's dense-layer roof (measured in the same child); optimizer and",
            "batching share of a step; single-image latency p50/p99 (2,000 calls);",
            "batch-256 inference images/s; model load time; peak RSS. See docs/benchmarks.md.",
            "",
            "Examples:",
            "  mnistlab compare --data-dir ../shared/data/mnist --output cmp",
            "  mnistlab compare --models mlp --repeat 5 --output cmp-mlp   # medians, ranges",
            "  mnistlab compare --limit-batches 50 --output quick          # a quick look",
            "",
            "Exit codes: 0 every pair measured; 1 some pair failed (the others are still",
            "reported); 2 bad input."
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--engines",
            split = ",",
            paramLabel = "NAMES",
            description = "Engines to compare, comma-separated (default: every engine on the class path).")
    List<String> engines;

    @Option(
            names = "--models",
            split = ",",
            defaultValue = "mlp,cnn",
            paramLabel = "NAMES",
            description = "Models to train, comma-separated: mlp, cnn (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Mixin
    RunOptions run;

    @Mixin
    DataOptions data;

    @Option(
            names = "--repeat",
            defaultValue = "1",
            paramLabel = "N",
            description = "Measure each pair N times, each in a fresh JVM; the report gives medians and ranges"
                    + " (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--jvm-option",
            paramLabel = "OPTION",
            description = "An option for every child JVM, e.g. --jvm-option=-Xmx2g; repeatable (default: none).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "Folder for the report (default: runs/compare-<date>-<time>).")
    Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> engineNames =
                engines != null ? engines : List.copyOf(Backends.available().keySet());
        engineNames.forEach(Backends::get);
        List<TrainingSpec> specs = new ArrayList<>();
        for (String model : models) {
            specs.add(run.applyTo(TrainingSpec.builder()).optModel(model).build());
        }
        Path folder = output != null
                ? output
                : Path.of(
                        "runs",
                        "compare-"
                                + LocalDateTime.now(ZoneId.systemDefault())
                                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
        CompareReport.requireWritable(folder);
        ChildJvmLauncher launcher = new ChildJvmLauncher(PairMain.ENTRY_POINT, jvmOptions);
        launcher.requireOptionsStart();
        PrintWriter out =
                common.json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        Path dataFolder = DatasetLocator.standard(common.progress(spec))
                .locate(specs.get(0).dataset(), data.dataDir);
        // Every child loads the data itself; loading it once here refuses bad data before any child
        // starts or any report is written.
        DatasetLoader.load(dataFolder, specs.get(0).dataset());
        ComparePlan plan = new ComparePlan(engineNames, specs, dataFolder, repeat);
        CompareContext context = new CompareContext(MachineInfo.current(), commandLine(), Instant.now());
        out.printf(
                Locale.ROOT,
                "Comparing %s on %s (%s in %s): %s, each in a JVM of its own%n",
                String.join(", ", engineNames),
                String.join(", ", models),
                specs.get(0).dataset().id(),
                dataFolder,
                Plural.count(plan.requests().size(), "measurement"));
        out.println("Machine: " + context.machine().describe());
        out.flush();
        long start = System.nanoTime();
        CompareResults results =
                new CompareRun(launcher, new CompareConsole(out, !common.quiet)).run(plan, context, folder);
        return summarise(results, folder, (System.nanoTime() - start) / 1e9);
    }

    private int summarise(CompareResults results, Path folder, double seconds) {
        common.printJson(spec, () -> JsonParser.parseString(CompareReport.json(results)));
        PrintWriter out = common.text(spec);
        out.println();
        out.print(ReportMarkdown.tables(results));
        out.printf(
                Locale.ROOT,
                "%nWrote %s: report.md, results.json, results.csv, charts and runs/ (%s in all)%n",
                folder,
                CompareConsole.duration(seconds));
        out.flush();
        int failed = results.failures().size();
        if (failed > 0) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            Locale.ROOT,
                            "mnistlab: %d of %d measurements failed; the others are reported."
                                    + " See the Failures section of %s%n",
                            failed,
                            results.outcomes().size(),
                            folder.resolve(CompareReport.MARKDOWN_FILE));
            return ErrorReporter.FAILURE;
        }
        return 0;
    }

    private String commandLine() {
        return "mnistlab "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }
}
