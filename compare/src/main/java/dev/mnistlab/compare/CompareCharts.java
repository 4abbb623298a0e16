package dev.mnistlab.compare;

import dev.mnistlab.pictures.LabelFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a comparison's charts with JFreeChart: for each charted figure, one panel per model (their
 * scales differ by orders of magnitude) with a bar per engine at the median, labelled with its
 * value, and, where a pair was measured more than once, a line from its smallest to its largest
 * run. Values are printed inside the top of their bars; the value axis leaves room above the tallest
 * bar for its range line. A plan that trains a model several ways (a sweep) gets one horizontal bar
 * per (setting, engine) instead, the settings named down the side.
 */
final class CompareCharts {

    /** The charts drawn, by file name. */
    static final Map<String, Figure> CHARTS = Map.of(
            "accuracy.png", Figure.TEST_ACCURACY,
            "training-throughput.png", Figure.STEADY_THROUGHPUT,
            "inference-latency.png", Figure.LATENCY_P50,
            "inference-throughput.png", Figure.BATCH_THROUGHPUT);

    private static final int WIDTH = 800;
    private static final int PANEL_HEIGHT = 220;
    private static final Map<String, Color> ENGINE_COLOURS =
            Map.of("pytorch", new Color(0xEE4C2C), "mxnet", new Color(0x1F77B4));
    private static final Color OTHER_ENGINE = new Color(0x2CA02C);
    private static final Color RANGE_COLOUR = Color.BLACK;
    private static final BasicStroke RANGE_STROKE = new BasicStroke(2f);

    /** The share of the value axis above the tallest bar, where its label goes. */
    private static final double LABEL_ROOM = 0.18;

    private CompareCharts() {}

    /** The height of one bar of a settings chart, in pixels. */
    private static final int BAR_HEIGHT = 26;

    /** Draws one figure over every pair measured. */
    static BufferedImage draw(CompareResults results, Figure figure) {
        long models = results.plan().specs().stream()
                .map(spec -> spec.architecture().name())
                .distinct()
                .count();
        return models < results.plan().specs().size() ? settingsChart(results, figure) : modelPanels(results, figure);
    }

    /** One horizontal bar per (setting, engine): a sweep's settings share one scale and read down the side. */
    private static BufferedImage settingsChart(CompareResults results, Figure figure) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (PairSummary summary : results.summaries()) {
            dataset.addValue(summary.spread(figure).median(), summary.engine(), summary.setting());
        }
        NumberAxis axis = new NumberAxis(figure.heading());
        axis.setAutoRangeIncludesZero(figure != Figure.TEST_ACCURACY);
        axis.setUpperMargin(LABEL_ROOM);
        BarRenderer renderer = new BarRenderer();
        for (int row = 0; row < dataset.getRowCount(); row++) {
            renderer.setSeriesPaint(row, ENGINE_COLOURS.getOrDefault((String) dataset.getRowKey(row), OTHER_ENGINE));
        }
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new FigureFormat(figure)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.INSIDE3, TextAnchor.CENTER_RIGHT));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(new Color(0xF4F4F4));
        plot.setRangeGridlinePaint(Color.GRAY);
        JFreeChart chart = new JFreeChart(figure.heading(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int bars = dataset.getRowCount() * dataset.getColumnCount();
        return chart.createBufferedImage(WIDTH, 120 + BAR_HEIGHT * Math.max(1, bars));
    }

    /** One panel per model, a bar per engine in each. */
    private static BufferedImage modelPanels(CompareResults results, Figure figure) {
        List<PairSummary> summaries = results.summaries();
        List<String> models =
                summaries.stream().map(PairSummary::setting).distinct().toList();
        CombinedDomainCategoryPlot combined = new CombinedDomainCategoryPlot(new CategoryAxis("engine"));
        boolean repeated = false;
        for (String model : models) {
            DefaultCategoryDataset dataset = new DefaultCategoryDataset();
            List<CategoryLineAnnotation> ranges = new ArrayList<>();
            for (PairSummary summary : summaries) {
                if (summary.setting().equals(model)) {
                    Spread spread = summary.spread(figure);
                    dataset.addValue(spread.median(), model, summary.engine());
                    if (spread.count() > 1) {
                        repeated = true;
                        ranges.add(new CategoryLineAnnotation(
                                summary.engine(),
                                spread.min(),
                                summary.engine(),
                                spread.max(),
                                RANGE_COLOUR,
                                RANGE_STROKE));
                    }
                }
            }
            CategoryPlot panel = panel(dataset, model, figure);
            ranges.forEach(panel::addAnnotation);
            combined.add(panel);
        }
        String title = figure.heading() + (repeated ? " (median of runs; lines: smallest to largest)" : "");
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(WIDTH, 60 + PANEL_HEIGHT * Math.max(1, models.size()));
    }

    private static CategoryPlot panel(DefaultCategoryDataset dataset, String model, Figure figure) {
        NumberAxis axis = new NumberAxis(model + ", " + figure.heading());
        axis.setAutoRangeIncludesZero(figure != Figure.TEST_ACCURACY);
        axis.setUpperMargin(LABEL_ROOM);
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return ENGINE_COLOURS.getOrDefault((String) dataset.getColumnKey(column), OTHER_ENGINE);
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.25);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new FigureFormat(figure)));
        renderer.setDefaultItemLabelsVisible(true);
        // Inside the bar's top, in white: above it, the line of a repeated pair's range would cross it.
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));
        renderer.setDefaultItemLabelPaint(Color.WHITE);
        CategoryPlot plot = new CategoryPlot(dataset, null, axis, renderer);
        plot.setBackgroundPaint(new Color(0xF4F4F4));
        plot.setRangeGridlinePaint(Color.GRAY);
        return plot;
    }

    /** Prints bar labels the way the report tables print the figure. */
    private static final class FigureFormat extends LabelFormat {
        private static final long serialVersionUID = 1L;

        private final Figure figure;

        FigureFormat(Figure figure) {
            this.figure = figure;
        }

        @Override
        protected String label(double value) {
            return figure.format(value);
        }
    }
}
