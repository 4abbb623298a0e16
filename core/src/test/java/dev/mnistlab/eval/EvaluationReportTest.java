package dev.mnistlab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    @Test
    void partsCombineIntoTheWholeSetsFigures() {
        EvaluationReport first = report(new long[][] {{3, 1}, {0, 2}}, 0.5);
        EvaluationReport second = report(new long[][] {{1, 0}, {2, 1}}, 2.0);

        EvaluationReport whole = EvaluationReport.combine(List.of(first, second), 2);

        assertEquals(10, whole.summary().count());
        assertEquals(7.0 / 10, whole.summary().accuracy());
        assertEquals((0.5 * 6 + 2.0 * 4) / 10, whole.summary().loss(), 1e-15);
        assertEquals(4, whole.confusion().count(0, 0));
        assertEquals(1, whole.confusion().count(0, 1));
        assertEquals(2, whole.confusion().count(1, 0));
        assertEquals(3, whole.confusion().count(1, 1));
    }

    @Test
    void emptyPartsAreIgnoredAndNothingAtAllIsNaN() {
        EvaluationReport empty =
                new EvaluationReport(new Evaluation(Double.NaN, Double.NaN, 0), new ConfusionMatrix(2));
        EvaluationReport part = report(new long[][] {{1, 0}, {0, 1}}, 0.25);

        assertEquals(
                0.25,
                EvaluationReport.combine(List.of(empty, part), 2).summary().loss());
        assertTrue(Double.isNaN(
                EvaluationReport.combine(List.of(empty), 2).summary().accuracy()));
    }

    @Test
    void totalsGiveTheCountAndAccuracyOfTheMatrixAndTheMeanLoss() {
        EvaluationReport report = EvaluationReport.ofTotals(3.0, ConfusionMatrix.of(new long[][] {{2, 1}, {0, 3}}));

        assertEquals(6, report.summary().count());
        assertEquals(5.0 / 6, report.summary().accuracy());
        assertEquals(0.5, report.summary().loss());
        assertTrue(Double.isNaN(
                EvaluationReport.ofTotals(0, new ConfusionMatrix(2)).summary().loss()));
    }

    @Test
    void matricesOfOtherSizesOrNegativeCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(3).addAll(new ConfusionMatrix(2)));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[][] {{1, -1}, {0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[][] {{1}, {0, 0}}));
    }

    private static EvaluationReport report(long[][] counts, double loss) {
        ConfusionMatrix confusion = ConfusionMatrix.of(counts);
        long total = confusion.total();
        return new EvaluationReport(new Evaluation(loss, (double) confusion.correct() / total, total), confusion);
    }
}
