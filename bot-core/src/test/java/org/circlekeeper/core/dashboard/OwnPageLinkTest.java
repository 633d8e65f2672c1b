package org.circlekeeper.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.junit.jupiter.api.Test;

/**
 * A member's way to their own page, through the real engine: the button under {@code /mydata} and under the check-in
 * history answers privately with a one-time link of the member kind, bound to the group the command settled on; the
 * same limit as {@code /dashboard}; no button when the page is off; and the page's history is chat's history. The
 * clock starts on Friday 27 November 2026 at 09:00 UTC.
 */
class OwnPageLinkTest {

    private static final Pattern LINK = Pattern.compile("https://page\\.example\\.org/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org/")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Talk alice = bot.as("alice").inGroup();

    private static String secretOf(Replies replies) {
        Matcher link = LINK.matcher(replies.text().replace("\\", ""));
        assertThat(link.find()).as("a sign-in link in: %s", replies.text()).isTrue();
        return link.group(1);
    }

    @Test
    void mydataOffersAButtonThatAnswersPrivatelyWithAMembersLinkForTheGroup() {
        alice.send("/checkin").press("Good");
        Replies mydata = alice.send("/mydata");
        assertThat(mydata.allPrivate()).isTrue();

        Replies link = mydata.press("Open my page");
        assertThat(link.allPrivate()).isTrue();
        assertThat(link.text()).contains("your own page").contains("works once, for the next 10 minutes");
        Optional<Dashboard.SignedIn> signedIn = dashboard.signIn(secretOf(link));
        assertThat(signedIn).isPresent();
        SignIn who = signedIn.get().session().signIn();
        assertThat(who.kind()).isEqualTo(SignIn.Kind.MEMBER);
        assertThat(who.organiser()).isFalse();
        assertThat(who.member().userId()).isEqualTo("alice");
        assertThat(who.community()).isEqualTo(BotTester.COMMUNITY);
        assertThat(dashboard.signIn(secretOf(link))).as("a used link").isEmpty();
    }

    @Test
    void theCheckinHistoryOffersItTooAndThePageReadsTheSameDaysAndStreak() {
        alice.send("/checkin").press("Low");
        bot.advance(Duration.ofDays(1));
        alice.send("/checkin").press("Great");
        Replies history = alice.send("/checkin history");
        assertThat(history.text()).contains("Check-ins in these four weeks: 2.");

        Dashboard.SignedIn signedIn = dashboard.signIn(secretOf(history.press("Open my page"))).orElseThrow();
        WebSession session = signedIn.session();
        OwnHistory own = dashboard.ownHistory(session, dashboard.texts(session)).orElseThrow();
        assertThat(own.today()).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(own.days()).hasSize(28);
        assertThat(own.checkins()).isEqualTo(2);
        assertThat(own.streak()).isEqualTo(2);
        assertThat(own.days().get(26)).isEqualTo(new OwnHistory.Day(LocalDate.of(2026, 11, 27), 2, "Low"));
        assertThat(own.days().get(27)).isEqualTo(new OwnHistory.Day(LocalDate.of(2026, 11, 28), 5, "Great"));
    }

    @Test
    void theOwnPageLinkCountsAgainstTheSameLimitAsDashboard() {
        alice.send("/checkin").press("Okay");
        Replies mydata = alice.send("/mydata");
        for (int i = 0; i < Dashboard.ASK_MAX; i++) {
            secretOf(mydata.press("Open my page"));
        }
        assertThat(mydata.press("Open my page").text()).contains("asked for several links").doesNotContain("page.example.org");
    }

    @Test
    void withoutThePageThereIsNoButtonAndAnOldButtonSaysThePageIsOff() {
        BotTester off = new BotTester();
        Talk bob = off.as("bob").inGroup();
        bob.send("/checkin").press("Okay");
        assertThat(bob.send("/mydata").buttons()).isEmpty();
        assertThat(bob.send("/checkin history").buttons()).isEmpty();
        Replies old = bob.press("dashboard.own:me");
        assertThat(old.allPrivate()).isTrue();
        assertThat(old.text()).contains("not switched on");
    }
}
