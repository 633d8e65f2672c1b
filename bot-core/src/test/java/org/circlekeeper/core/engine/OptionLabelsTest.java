package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** Option names, choices and subcommands reach each member in their own language, and members may type them so. */
class OptionLabelsTest {

    private final BotTester bot = new BotTester();
    private final Talk ana = bot.as("ana", Locales.SPANISH).inDirect();
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void allowedValuesAreListedInTheReadersLanguage() {
        assertThat(ana.send("/checkin bailar").text())
                .contains("Puedes usar: hoy, editar, borrar, historial, camino, avisos, ausente, vuelta, compañía, configurar")
                .doesNotContain("edit,").doesNotContain("delete");
        assertThat(alice.send("/checkin dance").text()).contains("You can use: today, edit, delete, history");
        assertThat(ana.send("/language klingon").text()).contains("puede ser: inglés, español");
    }

    @Test
    void usageNamesTheOptionsInTheReadersLanguage() {
        assertThat(ana.send("/language es por favor").text()).contains("/language [idioma]").doesNotContain("[language]");
        assertThat(alice.send("/language es please").text()).contains("/language [language]");
        Talk olga = bot.asOrganiser("olga", Locales.SPANISH).inGroup();
        assertThat(olga.send("/share move").text()).contains("<nombre>").contains("<posición>").doesNotContain("<name>");
    }

    @Test
    void aSpanishChoiceIsAcceptedAsTypedWithOrWithoutAccents() {
        assertThat(ana.send("/language español").text()).contains("español");
        assertThat(bot.engine().preferencesFor(ana.context()).locale()).isEqualTo(Locales.SPANISH);
        assertThat(ana.send("/checkin historial").text()).isEqualTo(ana.send("/checkin history").text());
        assertThat(ana.send("/checkin Compania").text()).as("a subcommand typed in Spanish, without its accents")
                .isEqualTo(ana.send("/checkin buddy").text());
        assertThat(ana.send("/language Ingles").text()).contains("English");
        assertThat(bot.engine().preferencesFor(ana.context()).locale()).isEqualTo(Locales.ENGLISH);
    }

    @Test
    void aMissingValueIsNamedInTheReadersLanguage() {
        Talk olga = bot.asOrganiser("olga", Locales.SPANISH).inGroup();
        assertThat(olga.send("/wording set").text()).contains("Necesito clave").contains("/wording set <clave> <texto>");
    }
}
