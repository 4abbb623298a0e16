package dev.mnistlab.pictures;

import dev.mnistlab.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Draws a confusion matrix as a labelled heat map with JFreeChart: true class down, predicted class
 * across, each cell shaded by the share of its true class and printed with its count. The shades
 * follow a logarithmic scale from {@value #SMALLEST_SHARE} to 1, so that a confusion of a few dozen
 * images in a thousand (2%) is as plain to see as it matters, where a linear scale leaves it nearly
 * white beside the diagonal's 98%. Written as {@code confusion.png} by {@code mnistlab evaluate
 * --output}.
 */
public final class ConfusionChart {

    /** The file name in an output folder. */
    public static final String FILE_NAME = "confusion.png";

    /** The picture's width in pixels. */
    public static final int WIDTH = 820;

    /** The picture's height in pixels. */
    public static final int HEIGHT = 760;

    private static final int SHADES = 20;

    /** The share at the light end of the scale: one image in a thousand. */
    static final double SMALLEST_SHARE = 0.001;

    /** The value of a cell with no images: below the scale, so white. */
    private static final double EMPTY = -1;

    /** Above this darkness, counts are printed in white. */
    private static final double DARK = 0.6;

    private ConfusionChart() {}

    /**
     * Draws the matrix.
     *
     * @param confusion the counts
     * @param classNames the name of each class, by index
     * @param title the chart's title, e.g. the model and engine
     */
    public static BufferedImage draw(ConfusionMatrix confusion, List<String> classNames, String title) {
        int classes = confusion.classCount();
        double[][] cells = new double[3][classes * classes];
        XYPlot plot = new XYPlot();
        for (int truth = 0; truth < classes; truth++) {
            long row = 0;
            for (int predicted = 0; predicted < classes; predicted++) {
                row += confusion.count(truth, predicted);
            }
            for (int predicted = 0; predicted < classes; predicted++) {
                int cell = truth * classes + predicted;
                long count = confusion.count(truth, predicted);
                cells[0][cell] = predicted;
                cells[1][cell] = truth;
                // Cells are valued by darkness; an empty cell lies below the scale and stays white.
                cells[2][cell] = count == 0 ? EMPTY : darkness((double) count / row);
                XYTextAnnotation label = new XYTextAnnotation(Long.toString(count), predicted, truth);
                label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                label.setPaint(cells[2][cell] > DARK ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of the true class", cells);
        String[] names = classNames.toArray(new String[0]);
        SymbolAxis predictedAxis = new SymbolAxis("predicted class", names);
        SymbolAxis truthAxis = new SymbolAxis("true class", names);
        truthAxis.setInverted(true);
        LookupPaintScale scale = shades();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setDomainAxis(predictedAxis);
        plot.setRangeAxis(truthAxis);
        plot.setRenderer(renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        // The legend's axis runs over darkness, labelled with the share each darkness stands for.
        NumberAxis shareAxis = new NumberAxis("share of the true class (log scale)");
        shareAxis.setRange(0, 1);
        shareAxis.setTickUnit(new NumberTickUnit(1.0 / 3, new ShareFormat()));
        PaintScaleLegend legend = new PaintScaleLegend(scale, shareAxis);
        legend.setSubdivisionCount(SHADES);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart.createBufferedImage(WIDTH, HEIGHT);
    }

    /** Returns how dark a share is drawn, from 0 (none of the class) to 1 (all of it). */
    static double darkness(double share) {
        if (share <= 0) {
            return 0;
        }
        double logShare = Math.log10(Math.max(share, SMALLEST_SHARE));
        return 1 - logShare / Math.log10(SMALLEST_SHARE);
    }

    private static LookupPaintScale shades() {
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int i = 0; i < SHADES; i++) {
            double darkness = (double) i / SHADES;
            int level = (int) Math.round(255 * (1 - (0.1 + 0.9 * darkness) * 0.85));
            scale.add(darkness, new Color(level, level, 255));
        }
        return scale;
    }

    /** Prints a darkness as the share of the true class it stands for: 0.1%, 1%, 10%, 100%. */
    private static final class ShareFormat extends LabelFormat {
        private static final long serialVersionUID = 1L;

        @Override
        protected String label(double darkness) {
            double share = Math.pow(10, Math.log10(SMALLEST_SHARE) * (1 - darkness));
            return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(share);
        }
    }
}
