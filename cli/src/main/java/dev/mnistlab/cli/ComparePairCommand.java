package dev.mnistlab.cli;

import dev.mnistlab.backend.Backends;
import dev.mnistlab.compare.PairFigures;
import dev.mnistlab.compare.PairMeasurer;
import dev.mnistlab.compare.PairRequest;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The child side of {@code mnistlab compare}, run in a JVM of its own for each pair: reads a
 * request, measures it and writes the figures. Hidden from the help: users run {@code compare}.
 */
@Command(name = ComparePairCommand.NAME, hidden = true,
        description = "Measure one (engine, model) pair for 'mnistlab compare'.")
final class ComparePairCommand implements Callable<Integer> {

    static final String NAME = "compare-pair";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "REQUEST", description = "The request, JSON written by compare.")
    Path requestFile;

    @Parameters(index = "1", paramLabel = "RESULT", description = "Where to write the figures, JSON.")
    Path resultFile;

    @Override
    public Integer call() throws IOException {
        PairRequest request = PairRequest.read(requestFile);
        PrintWriter out = spec.commandLine().getOut();
        DatasetSplits data = DatasetLoader.load(request.dataFolder(), request.spec().dataset());
        PairMeasurer measurer = new PairMeasurer(Backends.get(request.engine()), out);
        PairFigures figures = measurer.measure(request.spec(), data, request.repetition(), resultFile.getParent());
        figures.write(resultFile);
        return 0;
    }
}
