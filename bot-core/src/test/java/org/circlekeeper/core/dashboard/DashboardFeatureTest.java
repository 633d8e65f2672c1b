package org.circlekeeper.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.platform.OrganiserChecks;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /dashboard} and the organisers' page as the core serves it, through the real engine: who gets a link, how
 * often, that it opens once and for a while only, the session's life, and the calendar read as chat reads it. The
 * clock starts on Friday 27 November 2026 at 09:00 UTC; the group lives in Europe/Berlin.
 */
class DashboardFeatureTest {

    private static final Pattern LINK = Pattern.compile("https://page\\.example\\.org/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org/")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inGroup();

    @BeforeEach
    void theGroupLivesInBerlin() {
        olivia.send("/community timezone Europe/Berlin");
    }

    private static String secretOf(Replies replies) {
        Matcher link = LINK.matcher(replies.text().replace("\\", ""));
        assertThat(link.find()).as("a sign-in link in: %s", replies.text()).isTrue();
        return link.group(1);
    }

    @Test
    void anOrganiserGetsAPrivateLinkThatOpensOnceForThatMemberAndGroup() {
        Replies replies = olivia.send("/dashboard");
        assertThat(replies.allPrivate()).isTrue();
        assertThat(replies.text()).contains("works once, for the next 10 minutes");

        Optional<Dashboard.SignedIn> signedIn = dashboard.signIn(secretOf(replies));
        assertThat(signedIn).isPresent();
        assertThat(signedIn.get().session().signIn().member().userId()).isEqualTo("olivia");
        assertThat(signedIn.get().session().signIn().community()).isEqualTo(BotTester.COMMUNITY);
        assertThat(signedIn.get().secret()).isNotEqualTo(signedIn.get().session().csrf());
        assertThat(dashboard.session(signedIn.get().secret())).contains(signedIn.get().session());

        assertThat(dashboard.signIn(secretOf(replies))).as("a used link").isEmpty();
    }

    /** The platform's word on who organises which group, as a platform's check would ask it; changed by the test. */
    private static final class PlatformRoles implements OrganiserCheck {
        final Set<String> organisers = new HashSet<>();
        final List<String> asked = new ArrayList<>();
        boolean reachable = true;

        @Override
        public Platform platform() {
            return BotTester.COMMUNITY.platform();
        }

        @Override
        public Answer ask(CommunityRef community, MemberRef member) {
            asked.add(community.key() + "/" + member.userId());
            if (!reachable) {
                return Answer.UNKNOWN;
            }
            return organisers.contains(community.key() + "/" + member.userId()) ? Answer.ORGANISER : Answer.NOT_ORGANISER;
        }
    }

    @Test
    void everyRequestReChecksTheRoleWithThePlatformAndAMemberWhoLostItIsSignedOutKindly() {
        PlatformRoles platform = new PlatformRoles();
        platform.organisers.add(BotTester.COMMUNITY.key() + "/olivia");
        OrganiserChecks checks = new OrganiserChecks(List.of(platform));
        String secret = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();

        assertThat(dashboard.access(secret, checks)).isInstanceOf(Dashboard.Access.Open.class);
        assertThat(dashboard.access(secret, checks)).isInstanceOf(Dashboard.Access.Open.class);
        assertThat(platform.asked).as("asked on every request, never remembered by the page")
                .containsExactly(BotTester.COMMUNITY.key() + "/olivia", BotTester.COMMUNITY.key() + "/olivia");

        platform.organisers.clear();
        Dashboard.Access lost = dashboard.access(secret, checks);
        assertThat(lost).isInstanceOf(Dashboard.Access.RoleLost.class);
        assertThat(((Dashboard.Access.RoleLost) lost).texts().text(DashboardMessages.ROLE_LOST))
                .contains("no longer lists you as an organiser").contains("/dashboard");
        platform.organisers.add(BotTester.COMMUNITY.key() + "/olivia");
        assertThat(dashboard.access(secret, checks)).as("the session ended; getting the role back needs a new link")
                .isInstanceOf(Dashboard.Access.None.class);
        assertThat(dashboard.session(secret)).isEmpty();
    }

    @Test
    void aPlatformThatCannotAnswerJustNowRefusesTheRequestButKeepsTheSession() {
        PlatformRoles platform = new PlatformRoles();
        platform.organisers.add(BotTester.COMMUNITY.key() + "/olivia");
        OrganiserChecks checks = new OrganiserChecks(List.of(platform));
        String secret = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();

        platform.reachable = false;
        Dashboard.Access unconfirmed = dashboard.access(secret, checks);
        assertThat(unconfirmed).isInstanceOf(Dashboard.Access.Unconfirmed.class);
        assertThat(((Dashboard.Access.Unconfirmed) unconfirmed).texts().text(DashboardMessages.ROLE_UNCONFIRMED))
                .contains("still signed in");
        platform.reachable = true;
        assertThat(dashboard.access(secret, checks)).isInstanceOf(Dashboard.Access.Open.class);
    }

    @Test
    void aPlatformWithNoCheckConfirmsNobody() {
        String secret = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();
        assertThat(dashboard.access(secret, new OrganiserChecks(List.of()))).isInstanceOf(Dashboard.Access.RoleLost.class);
        assertThat(dashboard.access("A".repeat(43), new OrganiserChecks(List.of()))).isInstanceOf(Dashboard.Access.None.class);
    }

    @Test
    void membersAndDirectChatsGetNoLink() {
        Replies member = alice.send("/dashboard");
        assertThat(member.text()).contains("is for the group's organisers").doesNotContain("/dashboard/signin/");
        Replies direct = bot.asOrganiser("olivia").inDirect().send("/dashboard");
        assertThat(direct.text()).contains("works in the group's chat").doesNotContain("/dashboard/signin/");
    }

    @Test
    void aLinkExpiresAfterTenMinutesAndForgedOnesOpenNothing() {
        String secret = secretOf(olivia.send("/dashboard"));
        bot.clock().advance(Dashboard.LINK_VALID);
        assertThat(dashboard.signIn(secret)).isEmpty();
        assertThat(dashboard.signIn("not-a-secret")).isEmpty();
        assertThat(dashboard.signIn("A".repeat(43))).isEmpty();
        assertThat(dashboard.signIn(null)).isEmpty();
    }

    @Test
    void linksAreRateLimitedPerMember() {
        for (int i = 0; i < Dashboard.ASK_MAX; i++) {
            secretOf(olivia.send("/dashboard"));
        }
        Replies refused = olivia.send("/dashboard");
        assertThat(refused.text()).contains("Please wait 10 minutes").doesNotContain("/dashboard/signin/");
        assertThat(bot.asOrganiser("oscar").inGroup().send("/dashboard").text()).as("another organiser").contains("/dashboard/signin/");
        bot.clock().advance(Dashboard.ASK_WINDOW);
        secretOf(olivia.send("/dashboard"));
    }

    @Test
    void withoutAPublicAddressThePageIsOffAndSaysSo() {
        BotTester off = new BotTester();
        assertThat(off.asOrganiser("olivia").inGroup().send("/dashboard").text())
                .contains("not switched on").doesNotContain("signin");
    }

    @Test
    void aSessionEndsWhenIdleOnSignOutAndAfterItsLongestLife() {
        String idle = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();
        bot.clock().advance(Dashboard.IDLE.minusMinutes(1));
        assertThat(dashboard.session(idle)).as("kept alive by a request").isPresent();
        bot.clock().advance(Dashboard.IDLE.minusMinutes(1));
        assertThat(dashboard.session(idle)).isPresent();
        bot.clock().advance(Dashboard.IDLE);
        assertThat(dashboard.session(idle)).as("idle too long").isEmpty();

        String out = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();
        dashboard.signOut(out);
        assertThat(dashboard.session(out)).isEmpty();

        String busy = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();
        for (Duration lived = Duration.ZERO; lived.compareTo(Dashboard.LONGEST) < 0; lived = lived.plusMinutes(20)) {
            assertThat(dashboard.session(busy)).isPresent();
            bot.clock().advance(Duration.ofMinutes(20));
        }
        assertThat(dashboard.session(busy)).as("%s after signing in", Dashboard.LONGEST).isEmpty();
    }

    @Test
    void forgetmeEndsTheMembersSessions() {
        String secret = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().secret();
        assertThat(bot.asOrganiser("olivia").inDirect().send("/mydata").text()).isNotBlank();
        bot.asOrganiser("olivia").inDirect().send("/forgetme").press("Yes, erase everything");
        assertThat(dashboard.session(secret)).isEmpty();
    }

    @Test
    void theCalendarShowsTheMonthsMeetingsInTheReadersZoneWithDetailsAsChatHasThem() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        alice.send("/next").press("I'm coming");
        WebSession session = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().session();
        PageTexts texts = dashboard.texts(session);
        assertThat(texts.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(dashboard.thisMonth(texts)).isEqualTo(YearMonth.of(2026, 11));

        CalendarMonth december = dashboard.month(session, texts, YearMonth.of(2026, 12));
        assertThat(december.weeks()).allSatisfy(w -> assertThat(w.days()).hasSize(7));
        assertThat(december.weeks().get(0).days().get(0).date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        List<CalendarMonth.Entry> entries = december.entries();
        assertThat(entries).extracting(CalendarMonth.Entry::date).containsExactly(LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 29));
        assertThat(entries.get(0).time()).isEqualTo("7:00 PM");
        assertThat(entries.get(0).circleName()).isEqualTo("Tuesday circle");

        MeetingDetails first = dashboard.meeting(session, texts, entries.get(0).circleId(), entries.get(0).key()).orElseThrow();
        assertThat(first.time()).isEqualTo("Tuesday, December 1, 2026, 7:00 PM to 8:00 PM (Europe/Berlin)");
        assertThat(first.place()).isEqualTo("here in the group chat");
        assertThat(first.format()).isEqualTo("Basic peer-support circle");
        assertThat(first.schedule()).contains("every Tuesday at 7:00 PM");
        assertThat(first.coming()).isEqualTo(1);
        assertThat(first.maybe()).isZero();
        assertThat(first.month()).isEqualTo(YearMonth.of(2026, 12));
        assertThat(dashboard.meeting(session, texts, "tuesday-circle", "20261202T1900")).as("no meeting that day").isEmpty();
        assertThat(dashboard.meeting(session, texts, "../etc", "x")).isEmpty();

        olivia.send("/circle skip tuesday-circle 2026-12-08");
        assertThat(dashboard.month(session, texts, YearMonth.of(2026, 12)).entries()).hasSize(4);
    }

    @Test
    void aSpanishSpeakingOrganiserReadsThePageInSpanishAndAnotherGroupSeesNothingOfThisOne() {
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        olivia.send("/language es");
        WebSession session = dashboard.signIn(secretOf(olivia.send("/dashboard"))).orElseThrow().session();
        PageTexts texts = dashboard.texts(session);
        assertThat(texts.locale().getLanguage()).isEqualTo("es");
        assertThat(texts.text(DashboardMessages.SIGN_OUT)).isEqualTo("Cerrar sesión");
        assertThat(dashboard.month(session, texts, YearMonth.of(2026, 12)).entries().get(0).time()).isEqualTo("19:00");

        WebSession other = dashboard.signIn(secretOf(bot.asOrganiser("otto").inGroupOf("elsewhere").send("/dashboard")))
                .orElseThrow().session();
        assertThat(dashboard.month(other, dashboard.texts(other), YearMonth.of(2026, 12)).entries()).isEmpty();
        assertThat(dashboard.meeting(other, dashboard.texts(other), "tuesday-circle", "20261201T1900")).isEmpty();
    }

    @Test
    void aReaderNotSignedInGetsTheFirstOfTheirBrowsersLanguagesTheBotSpeaks() {
        assertThat(dashboard.texts(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("es-MX"))).locale().getLanguage())
                .isEqualTo("es");
        assertThat(dashboard.texts(List.of()).locale()).isEqualTo(Locale.ENGLISH);
    }
}
