package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.junit.jupiter.api.Test;

/** Organisers curate their community's part of the catalog; bad input gets a kind reply and changes nothing. */
class ResourceManagementTest {

    private static final String WALK = "/resource add technique Evening walk | A slow walk after dinner helps me switch off before bed. | https://example.org/walk | sleep, stress";

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Talk alice = bot.as("alice").inDirect();
    private final InMemoryResourceStore store = (InMemoryResourceStore) bot.stores().resources();

    @Test
    void anOrganiserAddsAnEntryThatMembersFind() {
        Replies added = olivia.send(WALK);
        assertThat(added.allPrivate()).isTrue();
        assertThat(added.text()).contains("Added Evening walk for this group (id: c-evening-walk)");
        String found = alice.send("/resource walk").text();
        assertThat(found).contains("Evening walk (technique, from this group)");
        String opened = alice.send("/resource c-evening-walk").text();
        assertThat(opened).contains("Link: https://example.org/walk").contains("Topics: sleep, stress")
                .contains("Added by this group's organisers; last changed November 27, 2026");
    }

    @Test
    void aMemberCannotAddEditRemoveOrHide() {
        for (String command : new String[]{WALK, "/resource edit c-evening-walk title New", "/resource remove c-evening-walk",
                "/resource hide box-breathing", "/resource reports"}) {
            Replies replies = alice.send(command);
            assertThat(replies.text()).as(command).contains("is for the group's organisers. Nothing was changed.");
            assertThat(replies.allPrivate()).isTrue();
        }
        assertThat(store.entryCount(BotTester.COMMUNITY)).isZero();
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).isEmpty();
    }

    @Test
    void badInputToAddIsExplainedAndStoresNothing() {
        assertThat(olivia.send("/resource add").text()).contains("To add an entry for this group").contains("Nothing was changed");
        assertThat(olivia.send("/resource add poem Title | A summary that is long enough.").text()).contains("\"poem\" isn't a kind I know");
        assertThat(olivia.send("/resource add technique Title only").text()).contains("To add an entry for this group");
        assertThat(olivia.send("/resource add technique Hi | A summary that is long enough.").text()).contains("title needs 3 to 80 characters");
        assertThat(olivia.send("/resource add technique Evening walk | Too short").text()).contains("summary needs 10 to 300 characters");
        assertThat(olivia.send("/resource add technique Evening walk | A summary that is long enough. | javascript:alert(1)").text())
                .contains("doesn't look like a link (https://…) or a phone number");
        assertThat(olivia.send("/resource add technique Evening walk | A summary that is long enough. | | a,b,c,d,e,f,g,h,i").text())
                .contains("Up to 8 tags");
        assertThat(store.entryCount(BotTester.COMMUNITY)).isZero();
    }

    @Test
    void aPhoneNumberIsAcceptedAsContact() {
        olivia.send("/resource add helpline Local warmline | A peer-run line to talk things through in the evenings. | +34 900 123 456 | talking");
        assertThat(alice.send("/resource c-local-warmline").text()).contains("Phone: +34 900 123 456").contains("(helpline)");
    }

    @Test
    void theSameTitleTwiceGetsTwoIds() {
        olivia.send(WALK);
        assertThat(olivia.send(WALK).text()).contains("id: c-evening-walk-2");
        assertThat(store.entryCount(BotTester.COMMUNITY)).isEqualTo(2);
    }

    @Test
    void anOrganiserEditsFieldByField() {
        olivia.send(WALK);
        assertThat(olivia.send("/resource edit c-evening-walk summary A gentle twenty-minute walk, phone left at home.").text())
                .contains("Saved: the summary of c-evening-walk is updated");
        olivia.send("/resource edit c-evening-walk details Step 1: shoes on.\\nStep 2: out the door.");
        olivia.send("/resource edit c-evening-walk kind exercise");
        olivia.send("/resource edit c-evening-walk link -");
        String opened = alice.send("/resource c-evening-walk").text();
        assertThat(opened).contains("(exercise)").contains("A gentle twenty-minute walk").contains("Step 1: shoes on.\nStep 2: out the door.")
                .doesNotContain("Link:");
    }

    @Test
    void badEditsChangeNothing() {
        olivia.send(WALK);
        assertThat(olivia.send("/resource edit").text()).contains("To change one of your group's entries");
        assertThat(olivia.send("/resource edit c-nothing-here title New title").text()).contains("couldn't find an entry with the id \"c-nothing-here\"");
        assertThat(olivia.send("/resource edit box-breathing title Mine now").text()).contains("comes with the bot, so it can't be changed or removed");
        assertThat(olivia.send("/resource edit c-evening-walk colour blue").text()).contains("I can't change \"colour\"");
        assertThat(olivia.send("/resource edit c-evening-walk title x").text()).contains("title needs 3 to 80");
        assertThat(olivia.send("/resource edit c-evening-walk kind poem").text()).contains("isn't a kind I know");
        assertThat(alice.send("/resource c-evening-walk").text()).contains("Evening walk (technique)").contains("A slow walk after dinner");
    }

    @Test
    void anOrganiserRemovesAnOwnEntryButNotAShippedOne() {
        olivia.send(WALK);
        assertThat(olivia.send("/resource remove").text()).contains("Which entry?");
        assertThat(olivia.send("/resource remove c-unknown").text()).contains("couldn't find an entry");
        assertThat(olivia.send("/resource remove box-breathing").text()).contains("comes with the bot");
        assertThat(olivia.send("/resource remove c-evening-walk").text()).contains("Removed Evening walk (c-evening-walk)");
        assertThat(alice.send("/resource walk").text()).doesNotContain("Evening walk");
        assertThat(store.entryCount(BotTester.COMMUNITY)).isZero();
    }

    @Test
    void hidingIsForShippedEntriesAndNeverForCrisisLines() {
        olivia.send(WALK);
        assertThat(olivia.send("/resource hide c-evening-walk").text()).contains("is one of your group's own entries");
        assertThat(olivia.send("/resource hide es-024").text()).contains("Crisis lines stay visible");
        assertThat(olivia.send("/resource hide nothing-like-this").text()).contains("couldn't find an entry");
        assertThat(olivia.send("/resource hide box-breathing").text()).contains("is now hidden");
        assertThat(olivia.send("/resource hide box-breathing").text()).contains("already hidden");
        assertThat(olivia.send("/resource unhide box-breathing").text()).contains("visible in this group again");
        assertThat(olivia.send("/resource unhide box-breathing").text()).contains("isn't hidden");
        assertThat(store.catalog(BotTester.COMMUNITY).hidden()).isEmpty();
    }

    @Test
    void anotherCommunityDoesNotSeeOurEntriesOrHiddenOnes() {
        olivia.send(WALK);
        olivia.send("/resource hide box-breathing");
        String elsewhere = bot.as("alice").inGroupOf("other-circle").send("/resource breathing walk").text();
        assertThat(elsewhere).contains("Box breathing").doesNotContain("Evening walk");
        assertThat(alice.send("/resource breathing walk").text()).doesNotContain("Box breathing").contains("Evening walk");
    }

    @Test
    void anEntryWithoutTextInTheReadersLanguageSaysSoInTheirLanguage() {
        olivia.send(WALK);
        Talk ana = bot.as("ana", Locales.SPANISH).inDirect();
        BotTester.Replies found = ana.send("/resource walk");
        assertThat(found.text()).contains("Evening walk (técnica, de este grupo, solo en inglés)");
        assertThat(found.press("Abrir 1").text()).contains("Por ahora solo está escrito en inglés.");
        assertThat(alice.send("/resource walk").text()).contains("Evening walk (technique, from this group) —").doesNotContain("only in");
        assertThat(ana.send("/resource dormir").text()).doesNotContain("solo en");
    }
}
