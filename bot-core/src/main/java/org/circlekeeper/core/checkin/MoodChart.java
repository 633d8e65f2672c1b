package org.circlekeeper.core.checkin;

import java.awt.AWTError;
import java.awt.Color;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a member's last weeks of moods as a PNG with XChart, without a display ({@code
 * java.awt.headless}). Where the runtime cannot draw (no fonts, no AWT), it says so once in the log
 * and the member gets the text chart that every history message carries anyway.
 */
final class MoodChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 360;
    private static final Logger LOG = LoggerFactory.getLogger(MoodChart.class);
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final Color LINE = new Color(0x4C, 0x8C, 0x7A);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private MoodChart() {
    }

    /**
     * The chart of the days from {@code from} to {@code to}, a point for each day with a check-in and
     * a gap for each day without; empty when this runtime cannot draw.
     *
     * @param words the word for each mood, for the vertical axis
     */
    static Optional<byte[]> render(String title, LocalDate from, LocalDate to, Map<LocalDate, Mood> moods,
                                   Map<Mood, String> words, Locale locale) {
        try {
            return Optional.of(draw(title, from, to, moods, words, locale));
        } catch (RuntimeException | IOException | LinkageError | AWTError e) {
            if (WARNED.compareAndSet(false, true)) {
                LOG.warn("cannot draw check-in charts in this runtime ({}); members get the text chart only", e.toString());
            }
            return Optional.empty();
        }
    }

    private static byte[] draw(String title, LocalDate from, LocalDate to, Map<LocalDate, Mood> moods,
                               Map<Mood, String> words, Locale locale) throws IOException {
        int days = (int) Streaks.daysBetween(from, to) + 1;
        List<Double> xs = new ArrayList<>(days);
        List<Double> ys = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            Mood mood = moods.get(from.plusDays(i));
            xs.add((double) i);
            ys.add(mood == null ? Double.NaN : mood.level());
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        XYStyler style = chart.getStyler();
        style.setLegendVisible(false);
        style.setChartBackgroundColor(Color.WHITE);
        style.setPlotBorderVisible(false);
        style.setYAxisMin(0.5);
        style.setYAxisMax(5.5);
        style.setXAxisMin(-0.5);
        style.setXAxisMax(days - 0.5);
        style.setXAxisMaxLabelCount(8);
        style.setLocale(locale);
        DateTimeFormatter dayFormat = DateTimeFormatter.ofPattern("d MMM", locale);
        chart.setCustomXAxisTickLabelsFormatter(x -> {
            long index = Math.round(x);
            return Math.abs(x - index) < 1e-6 && index >= 0 && index < days ? dayFormat.format(from.plusDays(index)) : "";
        });
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            long level = Math.round(y);
            return Math.abs(y - level) < 1e-6 ? Mood.of((int) level).map(words::get).orElse("") : "";
        });
        XYSeries series = chart.addSeries("mood", xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineColor(LINE);
        series.setMarkerColor(LINE);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
