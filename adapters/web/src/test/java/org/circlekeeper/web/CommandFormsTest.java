package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * The forms as an organiser expects them, generated from the engine's own specs: how each is typed in chat, a label
 * and hint per field in the reader's language, long texts as a text area, choices as a select, circle ids offered.
 */
class CommandFormsTest {

    private static final Pattern LINK = Pattern.compile("/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final CommandForms forms = new CommandForms(bot.engine());

    private WebSession signIn(String organiser) {
        Matcher link = LINK.matcher(bot.asOrganiser(organiser).inGroup().send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        return dashboard.signIn(link.group(1)).orElseThrow().session();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> form, String name) {
        return ((List<Map<String, Object>>) form.get("fields")).stream().filter(f -> f.get("name").equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void aFormShowsHowChatTypesItAndEachFieldAsAnOrganiserExpects() {
        bot.asOrganiser("olivia").inGroup().send("/circle create \"Tuesday circle\" every tuesday 19:00");
        WebSession session = signIn("olivia");
        PageTexts texts = dashboard.texts(session);

        Map<String, Object> create = forms.form(texts, session, forms.find(session, "circle", "create").orElseThrow(), Map.of(),
                Optional.empty(), "");
        assertThat(create.get("usage")).isEqualTo("/circle create <name> <when>");
        assertThat(field(create, "name")).containsEntry("label", "Name").containsEntry("required", true).containsEntry("text", true);

        Map<String, Object> edit = forms.form(texts, session, forms.find(session, "circle", "edit").orElseThrow(),
                Map.of("id", "tuesday-circle"), Optional.of("value"), "Too long");
        assertThat(field(edit, "id")).containsEntry("value", "tuesday-circle").containsEntry("hasSuggestions", true);
        assertThat((List<Map<String, Object>>) field(edit, "id").get("suggestions")).extracting(s -> s.get("value"))
                .containsExactly("tuesday-circle");
        assertThat(field(edit, "field")).containsEntry("choice", true);
        assertThat((List<Map<String, Object>>) field(edit, "field").get("choices")).extracting(c -> c.get("label"))
                .containsExactly("Name", "Description", "Place", "Duration", "When");
        assertThat(field(edit, "value")).containsEntry("textarea", true).containsEntry("invalid", true)
                .containsEntry("problem", "Too long").containsEntry("describedBy", "h-value e-value");
        assertThat(field(edit, "field")).containsEntry("invalid", false).containsEntry("describedBy", "h-field");

        Map<String, Object> move = forms.form(texts, session, forms.find(session, "circle", "reschedule").orElseThrow(), Map.of(),
                Optional.empty(), "");
        assertThat(field(move, "to")).containsEntry("label", "New time");
        assertThat(move.get("usage")).isEqualTo("/circle reschedule <id> <date> <new-time>");
    }

    @Test
    void aSpanishSpeakingOrganiserReadsTheFormsInSpanish() {
        bot.asOrganiser("sofia").inGroup().send("/language es");
        WebSession session = signIn("sofia");
        PageTexts texts = dashboard.texts(session);
        Map<String, Object> move = forms.form(texts, session, forms.find(session, "circle", "reschedule").orElseThrow(), Map.of(),
                Optional.empty(), "");
        assertThat(move.get("usage")).isEqualTo("/circle reschedule <id> <fecha> <nueva-hora>");
        assertThat(field(move, "to")).containsEntry("label", "Nueva hora");
        assertThat((String) field(move, "date").get("hint")).startsWith("La fecha de la reunión");
    }

    @Test
    void aChatLabelIsShownCapitalisedWithSpacesInTheReadersLanguage() {
        assertThat(CommandForms.shown("new-time", Locale.ENGLISH)).isEqualTo("New time");
        assertThat(CommandForms.shown("ínfimo", Locale.forLanguageTag("es"))).isEqualTo("Ínfimo");
        assertThat(CommandForms.shown(" ", Locale.ENGLISH)).isEmpty();
    }
}
