package org.circlekeeper.core.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.checkin.GroupPulses;
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

    private final GroupPulses pulses;
    private final ShareHistory history;
    private final Clock clock;

    Trends(GroupPulses pulses, ShareHistory history, Clock clock) {
        this.pulses = Objects.requireNonNull(pulses, "pulses");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The page's figures for the session's community, in the reader's language and zone. */
    public TrendsView view(WebSession session, PageTexts texts) {
        CommunityRef community = session.signIn().community();
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
        List<ShareHistory.Session> ended = new ArrayList<>(history.recent(community, CIRCLES, texts));
        Collections.reverse(ended);
        List<TrendsView.ShareCircle> circles = new ArrayList<>();
        int shown = 0;
        int shares = 0;
        int passes = 0;
        int anonymous = 0;
        for (ShareHistory.Session s : ended) {
            LocalDate started = LocalDate.ofInstant(s.startedAt(), texts.zone());
            boolean enough = s.joined() >= GroupPulses.MIN_CONTRIBUTORS;
            if (enough) {
                shown++;
                shares += s.shares();
                passes += s.passes();
                anonymous += s.anonymous();
            }
            circles.add(new TrendsView.ShareCircle(day.format(started), shortDay.format(started), s.format(), s.length().toMinutes(),
                    enough, enough ? s.joined() : 0, enough ? s.shares() : 0, enough ? s.passes() : 0, enough ? s.anonymous() : 0));
        }
        return new TrendsView(GroupPulses.MIN_CONTRIBUTORS, weeks, circles,
                new TrendsView.ShareTotals(ended.size(), shown, shares, passes, anonymous));
    }
}
