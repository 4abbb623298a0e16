package dev.mnistlab.pictures;

import dev.mnistlab.report.RunFolderExtra;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.ValidationPlan;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a training run's curves with JFreeChart: loss (top) and accuracy (bottom) per epoch, on the
 * training batches, on the held-out validation images (when the run holds some out) and on the test
 * set, with the epoch the run kept marked when it keeps its best. Written as {@code curves.png} into
 * a run's output folder.
 */
public final class TrainingCurves {

    /** The file name in an output folder. */
    public static final String FILE_NAME = "curves.png";

    /** The picture's width in pixels. */
    public static final int WIDTH = 800;

    /** The picture's height in pixels. */
    public static final int HEIGHT = 600;

    /** The share of a panel's value range left above and below the points. */
    private static final double LABEL_ROOM = 0.12;

    /** Up to this many epochs, each point is labelled with its value. */
    private static final int MAX_LABELLED_EPOCHS = 12;

    /** Adds {@value #FILE_NAME} to a run's output folder each time it is saved. */
    public static final RunFolderExtra IN_RUN_FOLDER =
            (result, folder) -> PngFile.write(draw(result), folder.resolve(FILE_NAME));

    private TrainingCurves() {}

    /** Draws the curves of the epochs so far. */
    public static BufferedImage draw(TrainingResult result) {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochAxis);
        boolean validates = result.spec().validation().validates();
        XYPlot loss = panel(
                result.epochs(),
                "loss",
                EpochMetrics::trainLoss,
                validates ? EpochMetrics::validationLoss : null,
                EpochMetrics::testLoss,
                true);
        XYPlot accuracy = panel(
                result.epochs(),
                "accuracy",
                EpochMetrics::trainAccuracy,
                validates ? EpochMetrics::validationAccuracy : null,
                EpochMetrics::testAccuracy,
                false);
        if (result.spec().validation().keep() == ValidationPlan.Keep.BEST) {
            loss.addDomainMarker(keptMarker(result.kept().epoch(), "kept"));
            accuracy.addDomainMarker(keptMarker(result.kept().epoch(), null));
        }
        plot.add(loss);
        plot.add(accuracy);
        String title = String.format(
                Locale.ROOT,
                "%s on %s, %s (%s)",
                result.spec().architecture().name(),
                result.provenance().data().name(),
                result.backend().name(),
                result.spec().optimizer().name());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (result.epochs().size() == 1) {
            // One point per line draws no line: centre the points and say why there are no curves.
            epochAxis.setRange(0.5, 1.5);
            chart.addSubtitle(new TextTitle("one epoch, so one point each: curves need two or more epochs"));
        }
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    private static XYPlot panel(
            List<EpochMetrics> epochs,
            String name,
            ToDoubleFunction<EpochMetrics> train,
            ToDoubleFunction<EpochMetrics> validation,
            ToDoubleFunction<EpochMetrics> test,
            boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection(series("train (during the epoch)", epochs, train));
        data.addSeries(series("test (after the epoch)", epochs, test));
        if (validation != null) {
            data.addSeries(series("validation (after the epoch)", epochs, validation));
        }
        NumberAxis axis = new NumberAxis(name);
        axis.setAutoRangeIncludesZero(false);
        // Room above the highest point and below the lowest for their value labels.
        axis.setUpperMargin(LABEL_ROOM);
        axis.setLowerMargin(LABEL_ROOM);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        if (epochs.size() <= MAX_LABELLED_EPOCHS) {
            renderer.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator(
                    "{2}",
                    new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)),
                    new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
            renderer.setDefaultItemLabelsVisible(true);
        }
        Color[] colours = {new Color(0x1F77B4), new Color(0xEE4C2C), new Color(0x2CA02C)};
        for (int series = 0; series < data.getSeriesCount(); series++) {
            renderer.setSeriesPaint(series, colours[series]);
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesVisibleInLegend(series, inLegend);
        }
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(new Color(0xF4F4F4));
        plot.setRangeGridlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(Color.GRAY);
        return plot;
    }

    private static ValueMarker keptMarker(int epoch, String label) {
        ValueMarker marker = new ValueMarker(epoch, Color.DARK_GRAY, new BasicStroke(1f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return marker;
    }

    private static XYSeries series(String name, List<EpochMetrics> epochs, ToDoubleFunction<EpochMetrics> figure) {
        XYSeries series = new XYSeries(name);
        for (EpochMetrics epoch : epochs) {
            series.add(epoch.epoch(), figure.applyAsDouble(epoch));
        }
        return series;
    }
}
