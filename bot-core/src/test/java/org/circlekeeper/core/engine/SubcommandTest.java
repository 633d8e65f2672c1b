package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * Subcommands as members meet them on {@code /checkin}: the command typed alone runs its default subcommand, a
 * subcommand may be typed by its name or in the reader's language, and one that does not exist gets the list.
 */
class SubcommandTest {

    private final BotTester bot = new BotTester();
    private final Talk alice = bot.as("alice").inDirect();
    private final Talk ana = bot.as("ana", Locales.SPANISH).inDirect();

    @Test
    void theCommandTypedAloneRunsItsDefaultSubcommand() {
        BotTester.Replies alone = alice.send("/checkin");
        assertThat(alone.text()).isEqualTo(alice.send("/checkin today").text());
        assertThat(alone.buttons()).hasSize(5);
        assertThat(alice.sendNamed("checkin", new Arguments.Named(null, Map.of())).buttons())
                .as("a platform that sends no subcommand").hasSize(5);
    }

    @Test
    void aSubcommandIsTypedByItsNameOrItsLabelInAnyLanguageTheBotSpeaks() {
        assertThat(ana.send("/checkin historial").text()).isEqualTo(ana.send("/checkin history").text());
        assertThat(alice.send("/checkin HISTORIAL").text()).as("a label of another language").isEqualTo(alice.send("/checkin history").text());
        assertThat(ana.send("/checkin avisos sí").text()).isEqualTo(ana.send("/checkin prompts on").text());
    }

    @Test
    void helpAndUsageNameTheSubcommandsInTheReadersLanguage() {
        assertThat(ana.send("/help check-ins").text()).contains("/checkin historial").contains("/checkin avisos [ajuste]")
                .doesNotContain("/checkin history");
        assertThat(alice.send("/help check-ins").text()).contains("/checkin history").contains("/checkin prompts [setting]");
        assertThat(ana.send("/checkin historial de hoy").text()).contains("/checkin historial").doesNotContain("history");
    }

    @Test
    void anUnknownSubcommandGetsTheListInTheReadersLanguageAndChangesNothing() {
        assertThat(alice.send("/checkin dance").text()).contains("/checkin has no \"dance\"").contains("today, edit, delete, history");
        assertThat(ana.send("/checkin bailar").text()).contains("hoy, editar, borrar, historial");
        assertThat(bot.stores().checkins().members().communities(alice.context().member())).isEmpty();
    }

    @Test
    void anOrganiserSubcommandRefusesMembersByItsPath() {
        assertThat(bot.as("alice").inGroup().send("/checkin setup days daily").text()).contains("/checkin setup");
    }

    @Test
    void aDefaultSubcommandMustBeOneOfTheSubcommands() {
        MessageKey key = MessageKey.of("cmd.test");
        CommandSpec.Builder spec = CommandSpec.command("test", key)
                .subcommand(CommandSpec.command("one", key).handler((turn, args) -> { }).build())
                .defaultSubcommand("two");
        assertThatThrownBy(spec::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no subcommand 'two'");
    }
}
