package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.OwnHistory;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** The own page's chart: a point per day with a check-in, a line broken by each day without, every word escaped. */
class OwnPagesTest {

    private final Dashboard dashboard = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org")))
            .part(Dashboard.class);
    private final PageTexts texts = dashboard.texts(List.of(Locale.ENGLISH));

    private static OwnHistory history(int... levels) {
        LocalDate from = LocalDate.of(2026, 11, 1);
        List<OwnHistory.Day> days = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            days.add(new OwnHistory.Day(from.plusDays(i), levels[i], levels[i] == 0 ? "" : "mood " + levels[i]));
        }
        return new OwnHistory(from, from.plusDays(levels.length - 1L), days, 0, Optional.empty(),
                List.of("Really hard", "Low", "Okay", "Good", "<b>Great</b>"));
    }

    @Test
    void aDayWithoutACheckinBreaksTheLineAndEachCheckinIsAPoint() {
        String svg = OwnPages.chart(texts, history(2, 3, 0, 4, 5, 0, 1));
        assertThat(Pattern.compile("<circle ").matcher(svg).results().count()).isEqualTo(5);
        assertThat(Pattern.compile("<polyline ").matcher(svg).results().count()).as("two runs of two days; a lone day has no line")
                .isEqualTo(2);
        assertThat(svg).startsWith("<svg class=\"mood-chart\"").contains("role=\"img\"")
                .contains("<title id=\"mood-chart-title\">Your check-ins, last 7 days</title>")
                .contains("5 check-ins").doesNotContain("style=");
    }

    @Test
    void theScaleIsEscaped() {
        assertThat(OwnPages.chart(texts, history(1, 0, 0)))
                .contains("&lt;b&gt;Great&lt;/b&gt;").doesNotContain("<b>");
    }
}
