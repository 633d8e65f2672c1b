package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.junit.jupiter.api.Test;

/**
 * {@code /library}: the organisers' resource commands with one named option per field (as a Discord slash command and
 * the organisers' page send them), running the same checks as the typed {@code /resource add|edit|hide|…}.
 */
class LibraryCommandsTest {

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inDirect();
    private final InMemoryResourceStore store = (InMemoryResourceStore) bot.stores().resources();

    private static Arguments.Named named(String sub, String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return new Arguments.Named(sub, options);
    }

    private String addWalk() {
        return olivia.sendNamed("library", named("add", "kind", "technique", "title", "Evening walk",
                "summary", "A slow walk after dinner helps me switch off before bed.", "link", "https://example.org/walk",
                "tags", "sleep, stress")).text();
    }

    @Test
    void anOrganiserAddsWithNamedOptionsAndMembersFindIt() {
        assertThat(addWalk()).contains("Added Evening walk for this group (id: c-evening-walk)");
        assertThat(alice.send("/resource walk").text()).contains("Evening walk (technique, from this group)");
        assertThat(alice.send("/resource c-evening-walk").text()).contains("Link: https://example.org/walk").contains("Topics: sleep, stress");
    }

    @Test
    void anEditChangesEveryGivenFieldOrNothing() {
        addWalk();
        assertThat(olivia.sendNamed("library", named("edit", "id", "c-evening-walk", "title", "Night walk",
                "link", "javascript:alert(1)")).text()).contains("doesn't look like a link");
        assertThat(store.catalog(BotTester.COMMUNITY).entries().get(0).texts().get("en").title()).isEqualTo("Evening walk");

        assertThat(olivia.sendNamed("library", named("edit", "id", "c-evening-walk", "title", "Night walk", "kind", "exercise",
                "tags", "-")).text()).contains("Saved: the title, tags, kind of c-evening-walk is updated");
        Resource entry = store.catalog(BotTester.COMMUNITY).entries().get(0);
        assertThat(entry.texts().get("en").title()).isEqualTo("Night walk");
        assertThat(entry.kind()).isEqualTo(ResourceKind.EXERCISE);
        assertThat(entry.texts().get("en").tags()).isEmpty();
        assertThat(olivia.sendNamed("library", named("edit", "id", "c-evening-walk")).text()).contains("Nothing to change in c-evening-walk");
        // a form sends every field prefilled: only what differs is changed and named
        assertThat(olivia.sendNamed("library", named("edit", "id", "c-evening-walk", "title", "Night walk", "summary",
                "A slow walk after dinner helps me switch off before bed.", "link", "https://example.org/walk", "kind", "exercise",
                "details", "Shoes on, phone off.")).text()).contains("Saved: the details of c-evening-walk is updated");
    }

    @Test
    void hidingAShippedEntryTakesItOutOfMembersSearchesAndUnhidingBringsItBack() {
        assertThat(alice.send("/resource box breathing").text()).contains("Box breathing");
        assertThat(olivia.send("/library hide box-breathing").text()).contains("box-breathing");
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).containsExactly("box-breathing");
        assertThat(alice.send("/resource box breathing").text()).doesNotContain("Box breathing");
        olivia.sendNamed("library", named("unhide", "id", "box-breathing"));
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).isEmpty();
    }

    @Test
    void aCrisisLineIsNoKindAnOrganiserMayGiveAndIsNeverHidden() {
        Engine.Answer answer = bot.engine().answer(new Inbound.CommandInvoked(olivia.context(), "library", named("add",
                "kind", "crisis-line", "title", "My line", "summary", "A line of our own for the worst nights.")));
        assertThat(answer.refusedOption()).contains("kind");
        assertThat(olivia.send("/library hide gb-samaritans").text()).contains("Crisis lines stay visible");
        assertThat(store.entryCount(BotTester.COMMUNITY)).isZero();
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).isEmpty();
    }

    @Test
    void aMemberCannotUseLibrary() {
        assertThat(alice.send("/library hide box-breathing").text()).contains("organisers");
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).isEmpty();
    }

    @Test
    void reportsAreListedAndClearedAsInChat() {
        alice.send("/country GB");
        alice.send("/crisis").press("A number here is outdated").press("Samaritans");
        BotTester.Replies reports = olivia.sendNamed("library", named("reports"));
        assertThat(reports.text()).contains("Samaritans");
        assertThat(reports.press("Clear these reports").text()).contains("Cleared");
        assertThat(store.outdatedReports(BotTester.COMMUNITY)).isEmpty();
    }
}
