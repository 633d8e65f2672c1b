package org.circlekeeper.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/** Organisers set the group's defaults and its own wording. */
class CommunityFeatureTest {

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();

    @Test
    void organisersSetTheGroupsZoneAndLanguage() {
        assertThat(olivia.send("/community timezone Buenos Aires").text()).contains("America/Argentina/Buenos_Aires");
        assertThat(olivia.send("/community language es").text()).contains("español");
        assertThat(bot.as("alice").inGroup().send("/help").text()).contains("Lo que puedes hacer aquí");
        assertThat(olivia.send("/community timezone Nowhere Land").text()).contains("No se ha cambiado nada");
    }

    @Test
    void aCommunityCanUseItsOwnWording() {
        assertThat(olivia.send("/wording set settings.welcome Welcome to the Tuesday circle, {{name}}. We're glad you came.").text())
                .contains("Saved");
        assertThat(bot.as("Alice").inGroup().send("/start").text()).isEqualTo("Welcome to the Tuesday circle, Alice. We're glad you came.");
        assertThat(olivia.send("/wording show settings.welcome").text()).contains("this group's own wording").contains("name");
        assertThat(olivia.send("/wording reset settings.welcome").text()).contains("back to the standard wording");
        assertThat(bot.as("Alice").inGroup().send("/start").text()).contains("I'm circlekeeper");
    }

    @Test
    void wordingThatAsksForUnknownValuesOrKeysIsRefused() {
        assertThat(olivia.send("/wording set settings.welcome Hi {{email}}").text()).contains("Nothing was changed");
        assertThat(olivia.send("/wording set settings.nope Hi").text()).contains("There is no message called");
        assertThat(bot.as("Alice").inGroup().send("/start").text()).contains("I'm circlekeeper");
    }

    @Test
    void brokenBracesAreRefusedWithTheReasonAndTheAnnouncementKeepsItsWording() {
        assertThat(olivia.send("/wording set circle.created {{name} starts soon").text())
                .contains("braces that don't match").contains("{{name}}").contains("Nothing was changed");
        assertThat(olivia.send("/wording set circle.created {{#name}}New circle").text()).contains("braces that don't match");
        assertThat(olivia.send("/wording set circle.created New: {{name}}}}").text()).contains("braces that don't match");
        assertThat(olivia.send("/wording set circle.created New circle: {{title}}").text())
                .contains("uses {{title}}, which circle.created doesn't have").contains("{{when}}");
        String announcement = olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00").text();
        assertThat(announcement).contains("Tuesday circle").doesNotContain("{{").doesNotContain("}}");
    }

    @Test
    void wordingThatFitsItsMessageIsSavedAndUsed() {
        assertThat(olivia.send("/wording set circle.created New circle: {{name}} ({{{place}}})").text())
                .contains("Saved");
        assertThat(olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00").text()).startsWith("New circle: Tuesday circle (");
    }

    @Test
    void aSpanishOrganiserIsToldWhyInSpanish() {
        Talk olga = bot.asOrganiser("olga", Locale.forLanguageTag("es")).inGroup();
        assertThat(olga.send("/wording set circle.created {{name} empieza pronto").text())
                .contains("llaves que no cuadran").contains("No se ha cambiado nada");
        assertThat(olga.send("/wording set circle.created Nuevo: {{titulo}}").text())
                .contains("usa {{titulo}}, que circle.created no tiene");
    }

    @Test
    void showingAWordingPreviewsItWithEachValueNamed() {
        olivia.send("/wording set settings.welcome Welcome, *{{name}}*!");
        List<Reply> shown = olivia.send("/wording show settings.welcome").all();
        assertThat(shown).hasSize(2).allMatch(r -> r.message().visibility() == Visibility.PRIVATE);
        assertThat(shown.get(1).message().markup()).isEqualTo("How members read it, each value shown by its name:\nWelcome, *«name»*!");
        Talk olga = bot.asOrganiser("olga", Locale.forLanguageTag("es")).inGroup();
        assertThat(olga.send("/wording show settings.welcome").all().get(1).message().markup())
                .startsWith("Así lo leen los miembros").contains("Hola, «name», y bienvenida");
    }

    @Test
    void aRefusedWordingNamesItsFieldForAForm() {
        Engine.Answer answer = bot.engine().answer(new Inbound.CommandInvoked(olivia.context(), "wording",
                new Arguments.Named("set", Map.of("key", "settings.welcome", "text", "Hi {{email}}"))));
        assertThat(answer.refusedOption()).contains("text");
        assertThat(answer.replies().get(0).message().markup()).contains("{{email}}").contains("Nothing was changed");
        Engine.Answer unknown = bot.engine().answer(new Inbound.CommandInvoked(olivia.context(), "wording",
                new Arguments.Named("set", Map.of("key", "settings.nope", "text", "Hi"))));
        assertThat(unknown.refusedOption()).contains("key");
        assertThat(bot.as("Alice").inGroup().send("/start").text()).contains("I'm circlekeeper");
    }

    @Test
    void memberTextInWordingValuesCannotFormat() {
        olivia.send("/wording set settings.welcome Hi *{{name}}*");
        assertThat(bot.as("*Bob* [x](https://evil.example)").inGroup().send("/start").all().get(0).message().markup())
                .isEqualTo("Hi *\\*Bob\\* \\[x\\](https://evil.example)*");
    }
}
