package org.circlekeeper.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.checkin.GroupPulses;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.junit.jupiter.api.Test;

/**
 * The trends page's figures as the core computes them, through the real engine: the pulse of closed weeks is the one
 * {@code /pulse} gives, a week under the floor carries no figure, and a share circle fewer than five joined shows no
 * count. The clock starts on Friday 27 November 2026 at 09:00 UTC; the group sets no zone (UTC).
 */
class TrendsTest {

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org/")));
    private final Trends trends = bot.part(Trends.class);
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    private WebSession session() {
        return new WebSession(new SignIn(bot.asOrganiser("olivia").member(), BotTester.COMMUNITY, olivia.context().channel(),
                SignIn.Kind.ORGANISER), "csrf", bot.clock().instant());
    }

    private void at(String instant) {
        bot.advance(Duration.between(bot.clock().instant(), Instant.parse(instant)));
    }

    private void checkIn(String name, String mood) {
        bot.as(name).inDirect().send("/checkin").press(mood);
    }

    @Test
    void theFloorIsPulsesOwn() {
        assertThat(GroupPulses.MIN_CONTRIBUTORS).isEqualTo(5);
        assertThat(trends.view(session(), dashboard.texts(session())).floor()).isEqualTo(GroupPulses.MIN_CONTRIBUTORS);
    }

    @Test
    void closedWeeksShowPulsesFiguresAndAWeekUnderTheFloorShowsNone() {
        // week of 23 November: five members check in (shown); week of 30 November: four (hidden)
        String[] names = {"ann", "ben", "cat", "dan", "eve"};
        String[] moods = {"Great", "Good", "Good", "Okay", "Low"};
        for (int i = 0; i < names.length; i++) {
            checkIn(names[i], moods[i]);
        }
        at("2026-12-01T12:00:00Z");
        for (int i = 0; i < 4; i++) {
            checkIn(names[i], "Great");
        }
        at("2026-12-08T12:00:00Z");
        String pulse = olivia.send("/pulse").text();
        assertThat(pulse).as("chat hides the same week").contains("Fewer than 5 members checked in", "Nov 30, 2026 – Dec 6, 2026");

        TrendsView view = trends.view(session(), dashboard.texts(session()));

        assertThat(view.weeks()).hasSize(Trends.WEEKS);
        TrendsView.PulseWeek shown = view.weeks().get(Trends.WEEKS - 2);
        assertThat(shown.label()).isEqualTo("Nov 23, 2026 – Nov 29, 2026");
        assertThat(shown.shown()).isTrue();
        assertThat(shown.checkins()).isEqualTo(5);
        assertThat(shown.average()).isEqualTo(3.6);
        assertThat(shown.averageText()).isEqualTo("3.6");
        assertThat(shown.spread()).containsExactly("☀️ Great: 1", "🌤️ Good: 2", "⛅ Okay: 1", "🌥️ Low: 1", "🌧️ Really hard: 0");
        TrendsView.PulseWeek hidden = view.weeks().get(Trends.WEEKS - 1);
        assertThat(hidden.label()).isEqualTo("Nov 30, 2026 – Dec 6, 2026");
        assertThat(hidden.shown()).isFalse();
        assertThat(hidden.checkins()).isZero();
        assertThat(hidden.averageText()).isEmpty();
        assertThat(hidden.spread()).isEmpty();
        assertThat(view.weeks().subList(0, Trends.WEEKS - 2)).allMatch(w -> !w.shown());
    }

    @Test
    void theOpenWeekIsNeverCounted() {
        String[] names = {"ann", "ben", "cat", "dan", "eve"};
        for (String name : names) {
            checkIn(name, "Good");
        }
        // Monday 30 November: the week of 23 November has ended in UTC, the group's zone, but not yet in every zone
        at("2026-11-30T12:00:00Z");
        TrendsView view = trends.view(session(), dashboard.texts(session()));
        assertThat(view.weeks()).noneMatch(TrendsView.PulseWeek::shown);
        assertThat(view.weeks().get(Trends.WEEKS - 1).label()).isEqualTo("Nov 16, 2026 – Nov 22, 2026");
    }

    /** A share circle chaired by olivia that {@code joining} join; in its check-in round olivia shares and the first joiner passes. */
    private void shareCircle(List<String> joining) {
        olivia.send("/share start basic");
        for (String name : joining) {
            bot.as(name).inGroup().send("/share join");
        }
        olivia.send("/share next");
        olivia.send("/share done");
        bot.as(joining.get(0)).inGroup().send("/share pass");
        bot.advance(Duration.ofMinutes(20));
        olivia.send("/share end");
    }

    @Test
    void shareCirclesShowTheirCountsAndOneThatTooFewJoinedShowsNone() {
        shareCircle(List.of("ann", "ben", "cat", "dan"));
        bot.advance(Duration.ofDays(7));
        shareCircle(List.of("ann"));
        String chat = olivia.send("/share history").text();

        TrendsView view = trends.view(session(), dashboard.texts(session()));

        assertThat(view.circles()).hasSize(2);
        TrendsView.ShareCircle first = view.circles().get(0);
        assertThat(first.date()).isEqualTo("Nov 27, 2026");
        assertThat(first.format()).isEqualTo("Basic peer-support circle");
        assertThat(first.minutes()).isEqualTo(20);
        assertThat(first.shown()).isTrue();
        assertThat(first.joined()).as("the chair and four members, as /share history counts them").isEqualTo(5);
        assertThat(first.shares()).isEqualTo(2);
        assertThat(first.passes()).isEqualTo(1);
        assertThat(first.anonymous()).isZero();
        assertThat(chat).as("the same figures as chat's /share history")
                .contains("Nov 27, 2026: Basic peer-support circle, 20 min; 5 joined, 2 shared, 1 passed, 0 without a name");
        TrendsView.ShareCircle second = view.circles().get(1);
        assertThat(second.date()).isEqualTo("Dec 4, 2026");
        assertThat(second.shown()).isFalse();
        assertThat(List.of(second.joined(), second.shares(), second.passes(), second.anonymous())).containsOnly(0);
        assertThat(view.totals()).isEqualTo(new TrendsView.ShareTotals(2, 1, first.shares(), first.passes(), first.anonymous()));
    }

    @Test
    void oneCirclesShareCirclesAreThoseThatStartedDuringItsMeetingsOrJustBefore() {
        olivia.send("/circle create \"Morning circle\" every friday 09:10");
        olivia.send("/circle create \"Evening circle\" every friday 19:00");
        // Friday 09:00: ten minutes before the morning circle meets
        shareCircle(List.of("ann", "ben", "cat", "dan"));
        // Saturday: no circle meets
        bot.advance(Duration.ofDays(1));
        shareCircle(List.of("ann", "ben", "cat", "dan", "eve"));
        WebSession session = session();
        PageTexts texts = dashboard.texts(session);

        TrendsView all = trends.view(session, texts);
        assertThat(all.circles()).hasSize(2);
        assertThat(all.chosen()).isEmpty();
        assertThat(all.choices()).extracting(TrendsView.CircleChoice::id).containsExactlyInAnyOrder("morning-circle", "evening-circle");

        TrendsView morning = trends.view(session, texts, "morning-circle").orElseThrow();
        assertThat(morning.chosen()).isEqualTo("morning-circle");
        assertThat(morning.circles()).extracting(TrendsView.ShareCircle::date).containsExactly("Nov 27, 2026");
        assertThat(morning.totals().held()).isEqualTo(1);
        assertThat(trends.view(session, texts, "evening-circle").orElseThrow().circles()).isEmpty();
        assertThat(trends.view(session, texts, "no-such-circle")).isEmpty();
        assertThat(trends.view(session, texts, "../morning-circle")).isEmpty();
    }

    @Test
    void aCommunityWithNoHistoryHasNoCircles() {
        TrendsView view = trends.view(session(), dashboard.texts(session()));
        assertThat(view.circles()).isEmpty();
        assertThat(view.totals()).isEqualTo(new TrendsView.ShareTotals(0, 0, 0, 0, 0));
    }
}
