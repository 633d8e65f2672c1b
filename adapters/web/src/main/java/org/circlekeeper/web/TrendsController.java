package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.Trends;
import org.circlekeeper.core.dashboard.TrendsView;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.template.Markup;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' trends page ({@code /dashboard/trends}): the core's {@link Trends} drawn as server-rendered SVG bar
 * charts, each followed by a table with the same figures (for screen readers and phones). Read-only; the role is
 * re-checked on every request, as for every organiser page.
 */
@Controller
public class TrendsController {

    private final WebRequests web;
    private final Trends trends;
    private final Pages pages;

    /** The trends page over the core's figures. */
    public TrendsController(WebRequests web, Trends trends) {
        this.web = Objects.requireNonNull(web, "web");
        this.trends = Objects.requireNonNull(trends, "trends");
        this.pages = web.pages();
    }

    /** The trends; {@code circle} (a circle's id, from the page's own choice) narrows the share circles to that circle's. */
    @GetMapping(Paths.TRENDS)
    ResponseEntity<String> trends(@RequestParam(name = "circle", required = false) String circle, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        String chosen = circle == null || circle.isBlank() ? null : circle;
        return trends.view(in.session(), in.texts(), chosen)
                .map(view -> WebRequests.page(HttpStatus.OK, render(in.texts(), in.session(), view)))
                .orElseGet(() -> web.notFound(in.texts(), in.session()));
    }

    private String render(PageTexts texts, WebSession session, TrendsView view) {
        String tooFew = Pages.html(texts, DashboardMessages.TRENDS_TOO_FEW);
        String tooFewPlain = Markup.plain(texts.text(DashboardMessages.TRENDS_TOO_FEW));
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.TRENDS_TITLE));
        body.put("intro", Pages.html(texts, DashboardMessages.TRENDS_INTRO, "min", view.floor()));
        body.put("chartNote", Pages.html(texts, DashboardMessages.TRENDS_CHART_NOTE));

        body.put("pulseHeading", Pages.html(texts, DashboardMessages.TRENDS_PULSE_HEADING));
        body.put("pulseAbout", Pages.html(texts, DashboardMessages.TRENDS_PULSE_ABOUT, "min", view.floor()));
        List<SvgBars.Bar> pulseBars = new ArrayList<>();
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (TrendsView.PulseWeek week : view.weeks()) {
            String label = Markup.plain(week.label());
            pulseBars.add(new SvgBars.Bar(week.shortLabel(), label, week.average(), week.averageText(), week.shown()));
            Map<String, Object> row = new HashMap<>();
            row.put("label", HtmlMarkup.html(week.label()));
            row.put("shown", week.shown());
            row.put("checkins", week.checkins());
            row.put("average", week.averageText());
            row.put("spread", week.spread().stream().map(HtmlMarkup::html).toList());
            row.put("tooFew", tooFew);
            weeks.add(row);
        }
        body.put("pulseChart", SvgBars.render("pulse-chart", Markup.plain(texts.text(DashboardMessages.TRENDS_PULSE_CHART,
                "count", view.weeks().size())), tooFewPlain, pulseBars, 5));
        body.put("pulseTable", Pages.html(texts, DashboardMessages.TRENDS_PULSE_TABLE));
        body.put("weekHeader", Pages.html(texts, DashboardMessages.TRENDS_PULSE_WEEK));
        body.put("checkinsHeader", Pages.html(texts, DashboardMessages.TRENDS_PULSE_CHECKINS));
        body.put("averageHeader", Pages.html(texts, DashboardMessages.TRENDS_PULSE_AVERAGE));
        body.put("spreadHeader", Pages.html(texts, DashboardMessages.TRENDS_PULSE_SPREAD));
        body.put("weeks", weeks);

        body.put("joinedHeading", Pages.html(texts, DashboardMessages.TRENDS_JOINED_HEADING));
        body.put("joinedAbout", Pages.html(texts, DashboardMessages.TRENDS_JOINED_ABOUT, "min", view.floor()));
        body.put("historyHeading", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_HEADING));
        body.put("hasCircles", !view.circles().isEmpty());
        body.put("historyNone", Pages.html(texts, view.chosen().isEmpty() ? DashboardMessages.TRENDS_HISTORY_NONE
                : DashboardMessages.TRENDS_CIRCLE_NONE));
        body.put("hasChoices", !view.choices().isEmpty());
        body.put("circleLabel", Pages.html(texts, DashboardMessages.TRENDS_CIRCLE_LABEL));
        body.put("circleAll", Pages.html(texts, DashboardMessages.TRENDS_CIRCLE_ALL));
        body.put("circleShow", Pages.html(texts, DashboardMessages.TRENDS_CIRCLE_SHOW));
        body.put("circleAbout", Pages.html(texts, DashboardMessages.TRENDS_CIRCLE_ABOUT, "minutes", Trends.EARLY.toMinutes()));
        body.put("choices", view.choices().stream().map(c -> Map.of("id", c.id(), "name", c.name(),
                "selected", c.id().equals(view.chosen()))).toList());
        int most = view.circles().stream().filter(TrendsView.ShareCircle::shown).mapToInt(TrendsView.ShareCircle::joined).max().orElse(0);
        List<SvgBars.Bar> joinedBars = new ArrayList<>();
        List<Map<String, Object>> circles = new ArrayList<>();
        for (TrendsView.ShareCircle circle : view.circles()) {
            joinedBars.add(new SvgBars.Bar(circle.shortDate(), circle.date(), circle.joined(), String.valueOf(circle.joined()), circle.shown()));
            Map<String, Object> row = new HashMap<>();
            row.put("date", circle.date());
            row.put("format", HtmlMarkup.html(circle.format()));
            row.put("minutes", circle.minutes());
            row.put("shown", circle.shown());
            row.put("joined", circle.joined());
            row.put("shares", circle.shares());
            row.put("passes", circle.passes());
            row.put("anonymous", circle.anonymous());
            row.put("tooFew", tooFew);
            circles.add(row);
        }
        // the scale's top is a round number at or above the most people, so bars of different pages compare at a glance
        int top = Math.max(view.floor() * 2, (most + 4) / 5 * 5);
        body.put("joinedChart", SvgBars.render("joined-chart", Markup.plain(texts.text(DashboardMessages.TRENDS_JOINED_CHART,
                "count", view.circles().size())), tooFewPlain, joinedBars, top));
        body.put("totals", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_TOTALS, "held", view.totals().held(),
                "shown", view.totals().shown(), "min", view.floor(), "shares", view.totals().shares(),
                "passes", view.totals().passes(), "anonymous", view.totals().anonymous()));
        body.put("historyTable", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_TABLE));
        body.put("dateHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_DATE));
        body.put("formatHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_FORMAT));
        body.put("minutesHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_MINUTES));
        body.put("joinedHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_JOINED));
        body.put("sharesHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_SHARES));
        body.put("passesHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_PASSES));
        body.put("anonymousHeader", Pages.html(texts, DashboardMessages.TRENDS_HISTORY_ANONYMOUS));
        body.put("circles", circles);
        String title = Markup.plain(texts.text(DashboardMessages.TRENDS_TITLE));
        return pages.layout(texts, session, Pages.Nav.TRENDS, title, pages.render("trends", body));
    }
}
