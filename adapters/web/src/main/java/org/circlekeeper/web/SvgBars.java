package org.circlekeeper.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A bar chart as server-rendered SVG, for pages that must work without script: {@code role="img"} named by its
 * {@code <title>}, and a {@code <desc>} that reads every bar's figure out, so a screen reader gets the chart's whole
 * content. Colours and text placement come from the stylesheet (classes only: the CSP allows no inline style). A bar
 * that may not be shown (under the privacy floor) is drawn as an empty dashed outline with a dash, never a height.
 */
final class SvgBars {

    private static final int SLOT = 64;
    private static final int LEFT = 8;
    private static final int TOP = 24;
    private static final int PLOT = 150;
    private static final int HEIGHT = TOP + PLOT + 32;

    /**
     * One bar.
     *
     * @param label     under the bar (short: a date)
     * @param spoken    the bar's name in the description (a whole date)
     * @param value     its height on the chart's scale; ignored when not shown
     * @param valueText the figure written above it, and in the description
     */
    record Bar(String label, String spoken, double value, String valueText, boolean shown) {
    }

    private SvgBars() {
    }

    /**
     * The chart's SVG: plain texts (escaped here), one bar per entry from left to right, heights on a scale from 0 to
     * {@code max}. {@code hidden} is what a bar not shown is called in the description.
     */
    static String render(String id, String title, String hidden, List<Bar> bars, double max) {
        int width = LEFT * 2 + SLOT * Math.max(1, bars.size());
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"bars\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id)
                .append("-desc\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(HtmlMarkup.escape(title)).append("</title>");
        String described = bars.stream().map(b -> b.spoken() + ": " + (b.shown() ? b.valueText() : hidden))
                .collect(Collectors.joining("; "));
        svg.append("<desc id=\"").append(id).append("-desc\">").append(HtmlMarkup.escape(described)).append("</desc>");
        int base = TOP + PLOT;
        svg.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(base).append("\" x2=\"")
                .append(width - LEFT).append("\" y2=\"").append(base).append("\"/>");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int x = LEFT + i * SLOT + 10;
            int barWidth = SLOT - 20;
            int middle = x + barWidth / 2;
            svg.append("<g>");
            if (bar.shown()) {
                double share = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max));
                int height = (int) Math.round(share * PLOT);
                svg.append("<rect class=\"bar\" x=\"").append(x).append("\" y=\"").append(base - height).append("\" width=\"")
                        .append(barWidth).append("\" height=\"").append(height).append("\"/>");
                text(svg, "figure", middle, base - height - 6, bar.valueText());
            } else {
                svg.append("<rect class=\"too-few\" x=\"").append(x).append("\" y=\"").append(TOP).append("\" width=\"")
                        .append(barWidth).append("\" height=\"").append(PLOT).append("\"/>");
                text(svg, "figure", middle, base - PLOT / 2, "—");
            }
            text(svg, "label", middle, base + 22, bar.label());
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    private static void text(StringBuilder svg, String kind, int x, int y, String text) {
        svg.append("<text class=\"").append(kind).append("\" x=\"").append(x).append("\" y=\"").append(y).append("\">")
                .append(HtmlMarkup.escape(text)).append("</text>");
    }
}
