package dev.mnistlab.compare;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The child side of a comparison, run by {@link ChildJvmLauncher} in a JVM of its own for each
 * measurement: {@code java -cp ... dev.mnistlab.compare.PairMain REQUEST RESULT} reads the
 * {@link PairRequest}, measures it with {@link PairMeasurer} and writes the {@link PairFigures}.
 *
 * <p>Exit codes: 0 measured; 2 the request or its data is unusable (one line on standard error);
 * 1 anything else (a stack trace, then one line). The launcher reports the last line.
 */
public final class PairMain {

    /** What the launcher runs in each child JVM: this class. */
    public static final List<String> ENTRY_POINT = List.of(PairMain.class.getName());

    private PairMain() {}

    /**
     * Measures one pair.
     *
     * @param args the request file and the file to write the figures to
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: " + PairMain.class.getName() + " REQUEST RESULT (run by mnistlab compare)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        try {
            measure(Path.of(args[0]), Path.of(args[1]));
        } catch (InvalidInputException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (IOException | RuntimeException | Error e) {
            e.printStackTrace();
            System.err.println("internal error: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void measure(Path requestFile, Path resultFile) throws IOException {
        PairRequest request = PairRequest.read(requestFile);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        DatasetSplits data =
                DatasetLoader.load(request.dataFolder(), request.spec().dataset());
        PairMeasurer measurer = new PairMeasurer(Backends.get(request.engine()), out);
        PairFigures figures = measurer.measure(request.spec(), data, request.repetition(), resultFile.getParent());
        figures.write(resultFile);
        out.flush();
    }
}
