package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;

/**
 * /help shows each person only what they can use where they are, grouped by topic and short enough
 * for a phone; {@code /help <topic>} gives the details of one topic.
 */
class HelpTest {

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("alice").inGroup();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    @Test
    void theOverviewIsOneShortLinePerTopic() {
        String help = alice.send("/help").text();
        assertThat(help).contains("Settings: /start, /hello, /help, /timezone, /language, /country, /mydata, /forgetme")
                .contains("Meetings: /circles, /next, /remind").contains("Resources: /crisis, /resource")
                .contains("Share circle: /share").contains("Check-ins: /checkin")
                // every command a member may use in a private chat works in the group too: nothing more to point to there
                .doesNotContain("A few more work in a private chat with me");
        assertThat(help).contains("e.g. /help " + lastTopic(help));
        assertThat(help.lines().count()).as(help).isLessThanOrEqualTo(10);
        assertThat(help).doesNotContain("/pulse").doesNotContain("/community").doesNotContain("/wording").doesNotContain("/safety");
    }

    @Test
    void aMemberSeesNoChairOrOrganiserShareCommands() {
        String share = alice.send("/help share").text();
        assertThat(share).contains("/share join").contains("/share raise").contains("/share volunteer [off]")
                .doesNotContain("/share start").doesNotContain("/share next").doesNotContain("/share move")
                .doesNotContain("/share format ").doesNotContain("/share history");
        assertThat(share.lines().count()).as(share).isLessThan(alice.send("/help share").text().lines().count() + 1);
    }

    @Test
    void anOrganiserSeesTheirCommandsInTheirTopics() {
        assertThat(olivia.send("/help").text()).contains("/community").contains("/wording").contains("/pulse").contains("/safety");
        String share = olivia.send("/help share").text();
        assertThat(share).contains("/share start [format]").contains("/share move <name> <position>").contains("/share history");
        assertThat(olivia.send("/help meetings").text()).contains("/circle create <name> <when>");
        assertThat(alice.send("/help meetings").text()).doesNotContain("/circle create").contains("/next [circle]");
    }

    @Test
    void theChairOfTheNextCircleSeesTheChairCommandsOnlyThere() {
        alice.send("/share volunteer");
        olivia.send("/share start checkin");
        alice.send("/share join");
        olivia.send("/share end");
        List<Sent> ended = bot.outbox().drain();
        alice.press(last(ended, "Yes, I'll chair"));
        String chair = alice.send("/help share").text();
        assertThat(chair).contains("/share start [format]").contains("/share next").contains("/share move <name> <position>")
                .doesNotContain("/share history").doesNotContain("/share anonymous");
        assertThat(bot.as("bob").inGroup().send("/help share").text()).doesNotContain("/share next");
        assertThat(bot.as("alice").inDirect().send("/help share").text()).contains("Nothing about Share circle can be used by you here")
                .contains("It works in the group's chat").doesNotContain("/share next");
    }

    @Test
    void aPrivateChatShowsWhatWorksThere() {
        Talk direct = bot.as("alice").inDirect();
        String help = direct.send("/help").text();
        assertThat(help).contains("Check-ins: /checkin").doesNotContain("/share").doesNotContain("Share circle")
                .doesNotContain("private chat with me");
        assertThat(direct.send("/help check-ins").text()).contains("/checkin today").contains("/checkin prompts [setting]");
        assertThat(bot.asOrganiser("olivia").inDirect().send("/help").text()).doesNotContain("/community").doesNotContain("/wording");
    }

    @Test
    void aTopicIsFoundByItsNameInAnyLanguageOrByOneOfItsCommands() {
        String meetings = alice.send("/help meetings").text();
        assertThat(alice.send("/help Reuniones").text()).isEqualTo(meetings);
        assertThat(alice.send("/help /next").text()).isEqualTo(meetings);
        assertThat(alice.send("/help remind").text()).isEqualTo(meetings);
        assertThat(alice.send("/help cooking").text()).contains("I have no help about \"cooking\"")
                .contains("settings, resources, meetings, share circle, check-ins");
    }

    @Test
    void spanishMembersReadTheirHelpInSpanish() {
        Talk ana = bot.as("ana", Locales.SPANISH).inGroup();
        String help = ana.send("/help").text();
        assertThat(help).startsWith("Lo que puedes hacer aquí:").contains("Ajustes: /start").contains("Reuniones: /circles")
                .contains("Círculo de compartir: /share").contains("p. ej. /help " + lastTopic(help)).doesNotContain("Meetings");
        String share = ana.send("/help círculo de compartir").text();
        assertThat(share).startsWith("Círculo de compartir").contains("/share volunteer [no]").doesNotContain("[off]");
        assertThat(ana.send("/help ajustes").text()).contains("/timezone [zona]").contains("/language [idioma]");
        Talk olga = bot.asOrganiser("olga", Locales.SPANISH).inGroup();
        assertThat(olga.send("/help compartir").text()).contains("No tengo ayuda sobre «compartir»").contains("círculo de compartir");
        assertThat(olga.send("/help circulo de compartir").text()).contains("/share move <nombre> <posición>");
        assertThat(bot.as("ana", Locales.SPANISH).inDirect().send("/help").text()).contains("Check-ins: /checkin")
                .doesNotContain("/share");
    }

    private static Button last(List<Sent> sent, String label) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (Button button : sent.get(i).message().buttons()) {
                if (button.label().contains(label)) {
                    return button;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' in " + sent);
    }

    /**
     * The overview's example is its last topic, in lower case, whichever feature is registered last (so registering
     * one more feature, the one line "Adding a feature" asks for, changes no expectation here).
     */
    private static String lastTopic(String help) {
        List<String> topics = help.lines().filter(l -> l.startsWith("• ")).toList();
        assertThat(topics).as(help).isNotEmpty();
        String last = topics.get(topics.size() - 1);
        return last.substring(2, last.indexOf(':')).toLowerCase(Locale.ROOT);
    }
}
