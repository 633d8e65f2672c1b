package org.circlekeeper.core.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.checkin.GroupPulses;
import org.circlekeeper.core.circle.CircleCalendar;
import org.circlekeeper.core.circle.ScheduledCircle;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.share.ShareHistory;

/**
 * The organisers' trends page: the figures chat gives organisers with {@code /pulse} and {@code /share history}, over
 * time, read through the check-in and share circle features' ports and never computed a second way. Every figure from
 * people keeps {@code /pulse}'s floor ({@link GroupPulses#MIN_CONTRIBUTORS}): a week with fewer members checking in, or
 * a share circle fewer people joined, shows as too few, with no number.
 */
public final class Trends {

    /** How many closed weeks of the pulse the page shows. */
    public static final int WEEKS = 8;
    /** How many of the last ended share circles the page shows. */
    public static final int CIRCLES = 12;
    /**
     * A share circle counts for a scheduled circle when it started during one of its meetings or up to this long before
     * (a share circle keeps no circle of its own: only its start, in the channel where circles meet).
     */
    public static final Duration EARLY = Duration.ofMinutes(30);

    private final GroupPulses pulses;
    private final ShareHistory history;
    private final ScheduledCircles circles;
    private final CircleCalendar calendar;
    private final Clock clock;

    Trends(GroupPulses pulses, ShareHistory history, ScheduledCircles circles, CircleCalendar calendar, Clock clock) {
        this.pulses = Objects.requireNonNull(pulses, "pulses");
        this.history = Objects.requireNonNull(history, "history");
        this.circles = Objects.requireNonNull(circles, "circles");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The page's figures for the session's community and all its circles, in the reader's language and zone. */
    public TrendsView view(WebSession session, PageTexts texts) {
        return view(session, texts, null).orElseThrow();
    }

    /**
     * The page's figures with the share circles of one scheduled circle only (its id; {@code null} for all); empty when
     * the community has no such circle running.
     */
    public Optional<TrendsView> view(WebSession session, PageTexts texts, String circleId) {
        CommunityRef community = session.signIn().community();
        Optional<ScheduledCircle> chosen = Optional.empty();
        if (circleId != null) {
            chosen = circles.find(community, circleId);
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
        }
        List<TrendsView.CircleChoice> choices = circles.active(community).stream()
                .map(c -> new TrendsView.CircleChoice(c.id(), c.name())).toList();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(texts.locale());
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern(texts.locale().getLanguage().equals("en") ? "M/d" : "d/M",
                texts.locale());
        List<TrendsView.PulseWeek> weeks = new ArrayList<>();
        for (GroupPulses.Week week : pulses.closedWeeks(community, clock.instant(), WEEKS)) {
            String label = texts.text(DashboardMessages.TRENDS_WEEK, "from", day.format(week.monday()), "to", day.format(week.sunday()));
            List<String> spread = week.spread().stream().map(m -> texts.text(DashboardMessages.TRENDS_MOOD,
                    "emoji", texts.text(m.emoji()), "word", texts.text(m.word()), "count", m.count())).toList();
            weeks.add(new TrendsView.PulseWeek(label, shortDay.format(week.monday()), week.shown(), week.checkins(),
                    week.shown() ? week.average() : 0, week.shown() ? String.format(texts.locale(), "%.1f", week.average()) : "",
                    spread));
        }
        List<ShareHistory.Session> ended = new ArrayList<>();
        for (ShareHistory.Session s : history.recent(community, chosen.isEmpty() ? CIRCLES : ShareHistory.MAX, texts)) {
            if (ended.size() < CIRCLES && (chosen.isEmpty() || during(community, chosen.get().id(), s, texts))) {
                ended.add(s);
            }
        }
        Collections.reverse(ended);
        List<TrendsView.ShareCircle> shown = new ArrayList<>();
        int enoughPeople = 0;
        int shares = 0;
        int passes = 0;
        int anonymous = 0;
        for (ShareHistory.Session s : ended) {
            LocalDate started = LocalDate.ofInstant(s.startedAt(), texts.zone());
            boolean enough = s.joined() >= GroupPulses.MIN_CONTRIBUTORS;
            if (enough) {
                enoughPeople++;
                shares += s.shares();
                passes += s.passes();
                anonymous += s.anonymous();
            }
            shown.add(new TrendsView.ShareCircle(day.format(started), shortDay.format(started), s.format(), s.length().toMinutes(),
                    enough, enough ? s.joined() : 0, enough ? s.shares() : 0, enough ? s.passes() : 0, enough ? s.anonymous() : 0));
        }
        return Optional.of(new TrendsView(GroupPulses.MIN_CONTRIBUTORS, weeks, choices, chosen.map(ScheduledCircle::id).orElse(""),
                shown, new TrendsView.ShareTotals(ended.size(), enoughPeople, shares, passes, anonymous)));
    }

    /** Whether the share circle started during a meeting of the circle, or up to {@link #EARLY} before one. */
    private boolean during(CommunityRef community, String circleId, ShareHistory.Session session, PageTexts texts) {
        return calendar.meetings(community, session.startedAt(), session.startedAt().plus(EARLY).plusSeconds(1), texts).stream()
                .anyMatch(m -> m.circleId().equals(circleId) && !session.startedAt().isBefore(m.start().toInstant().minus(EARLY)));
    }
}
