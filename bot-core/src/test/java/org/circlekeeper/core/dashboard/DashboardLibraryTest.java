package org.circlekeeper.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.junit.jupiter.api.Test;

/**
 * The library and calendar-feed pages as the core serves them: read from the same stores chat reads, showing what the
 * organiser's commands show, and changed only through the engine ({@code /library}, {@code /circle feed rotate}).
 */
class DashboardLibraryTest {

    private static final Pattern LINK = Pattern.compile("https://page\\.example\\.org/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org/")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final DashboardLibrary library = bot.part(DashboardLibrary.class);
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inDirect();

    private WebSession signedIn() {
        return signedIn(olivia);
    }

    private WebSession signedIn(Talk organiser) {
        Matcher link = LINK.matcher(organiser.send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        return dashboard.signIn(link.group(1)).orElseThrow().session();
    }

    @Test
    void theShelfGroupsEntriesByKindAndMarksOwnAndHiddenOnes() {
        olivia.send("/resource add service Walking group | We walk together on Saturdays at ten, all paces welcome. | https://example.org/walk | walking");
        olivia.send("/library hide box-breathing");
        WebSession session = signedIn();
        LibraryShelf shelf = library.shelf(session, dashboard.texts(session));

        assertThat(shelf.groups()).extracting(LibraryShelf.Group::kind).doesNotContain("crisis-line")
                .containsSubsequence("technique", "service");
        List<LibraryShelf.Entry> entries = shelf.groups().stream().flatMap(g -> g.entries().stream()).toList();
        LibraryShelf.Entry own = entries.stream().filter(e -> e.id().equals("c-walking-group")).findFirst().orElseThrow();
        assertThat(own.own()).isTrue();
        assertThat(own.kind()).isEqualTo("service");
        assertThat(own.contact()).isEqualTo("https://example.org/walk");
        assertThat(own.tags()).isEqualTo("walking");
        LibraryShelf.Entry hidden = entries.stream().filter(e -> e.id().equals("box-breathing")).findFirst().orElseThrow();
        assertThat(hidden.hidden()).isTrue();
        assertThat(hidden.own()).isFalse();
        assertThat(entries).filteredOn(LibraryShelf.Entry::hidden).hasSize(1);
        assertThat(shelf.lines()).extracting(LibraryShelf.Line::name).contains("Samaritans");
        assertThat(shelf.lines()).allSatisfy(l -> assertThat(l.source()).isNotBlank());
        assertThat(shelf.reports()).isEmpty();
    }

    @Test
    void aSpanishOrganiserReadsTheLibraryInSpanish() {
        Talk lucia = bot.asOrganiser("lucia", Locales.SPANISH).inGroup();
        lucia.send("/language es");
        WebSession session = signedIn(lucia);
        LibraryShelf shelf = library.shelf(session, dashboard.texts(session));
        assertThat(shelf.groups()).extracting(LibraryShelf.Group::label).contains("técnica", "lectura");
        assertThat(shelf.lines()).extracting(LibraryShelf.Line::country).contains("Reino Unido", "internacional");
    }

    @Test
    void aMembersOutdatedReportIsShownWithItsCountAndNoName() {
        alice.send("/country GB");
        alice.send("/crisis").press("A number here is outdated").press("Samaritans");
        alice.send("/crisis").press("A number here is outdated").press("Samaritans");
        WebSession session = signedIn();
        LibraryShelf.Report report = library.shelf(session, dashboard.texts(session)).reports().get(0);
        assertThat(report.name()).isEqualTo("Samaritans");
        assertThat(report.count()).isEqualTo(2);
        assertThat(report.country()).isEqualTo("United Kingdom");
        assertThat(report.toString()).doesNotContain("alice");
    }

    @Test
    void theFeedAddressIsChatsAndRenewingThroughTheEngineReplacesIt() {
        WebSession session = signedIn();
        String address = library.feedAddress(session);
        assertThat(address).matches("https://page\\.example\\.org/calendar/[A-Za-z0-9_-]{22}\\.ics");
        String token = address.substring(address.lastIndexOf('/') + 1, address.length() - ".ics".length());
        assertThat(olivia.send("/circle feed").text()).contains(token);
        assertThat(library.feedAddress(session)).as("read twice, the same").isEqualTo(address);

        olivia.sendNamed("circle", new Arguments.Named("feed", Map.of("action", "rotate")));
        assertThat(library.feedAddress(session)).isNotEqualTo(address);
    }
}
