package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SVG bar chart: named and described for screen readers, heights on its scale, a bar under the floor drawn with no
 * height and no figure, every text escaped, and no inline style (the page's CSP allows none).
 */
class SvgBarsTest {

    private static final List<SvgBars.Bar> BARS = List.of(
            new SvgBars.Bar("11/23", "Nov 23 – Nov 29", 3.6, "3.6", true),
            new SvgBars.Bar("11/30", "Nov 30 – Dec 6", 4.8, "4.8", false),
            new SvgBars.Bar("12/7", "Dec 7 – Dec 13", 5, "5.0", true));

    @Test
    void theChartIsAnImageNamedByItsTitleAndDescribedByEveryFigure() {
        String svg = SvgBars.render("pulse", "Average <mood>", "Too few to show", BARS, 5);

        assertThat(svg).startsWith("<svg class=\"bars\" role=\"img\" aria-labelledby=\"pulse-title pulse-desc\"");
        assertThat(svg).contains("<title id=\"pulse-title\">Average &lt;mood&gt;</title>");
        assertThat(svg).contains("<desc id=\"pulse-desc\">Nov 23 – Nov 29: 3.6; Nov 30 – Dec 6: Too few to show; Dec 7 – Dec 13: 5.0</desc>");
        assertThat(svg).doesNotContain("style=").doesNotContain("<script");
    }

    @Test
    void barsAreAsHighAsTheirShareOfTheScaleAndOneUnderTheFloorHasNoHeightOrFigure() {
        String svg = SvgBars.render("pulse", "Average", "Too few", BARS, 5);

        assertThat(svg).contains("class=\"bar\" x=\"18\" y=\"66\" width=\"44\" height=\"108\"");
        assertThat(svg).contains("class=\"bar\" x=\"146\" y=\"24\" width=\"44\" height=\"150\"");
        assertThat(svg).contains("<rect class=\"too-few\"").doesNotContain("4.8");
        assertThat(svg.split("class=\"bar\"", -1)).hasSize(3);
    }

    @Test
    void aValueAboveTheScaleIsCappedAndNoBarsStillMakeAnEmptyChart() {
        String over = SvgBars.render("joined", "Joined", "Too few", List.of(new SvgBars.Bar("1/1", "Jan 1", 40, "40", true)), 10);
        assertThat(over).contains("height=\"150\"");
        String none = SvgBars.render("joined", "Joined", "Too few", List.of(), 10);
        assertThat(none).contains("<desc id=\"joined-desc\"></desc>").doesNotContain("<rect");
    }
}
