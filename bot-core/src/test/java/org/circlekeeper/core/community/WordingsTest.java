package org.circlekeeper.core.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.engine.HelpTopic;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.Speech;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.junit.jupiter.api.Test;

/** The wording the organisers' page edits: the same keys, checks and texts as {@code /wording}, previewed in both languages. */
class WordingsTest {

    private final BotTester bot = new BotTester();
    private final Talk olivia = bot.asOrganiser("olivia").inGroup();
    private final Wordings wordings = bot.part(Wordings.class);
    private final TemplateRenderer renderer = new TemplateRenderer(Bot.templates(null));
    private final MessageKey welcome = wordings.key("settings.welcome").orElseThrow();

    @Test
    void theTopicsHoldEveryKeyChatAcceptsOnceAndSayWhereTheGroupChangedIt() {
        olivia.send("/wording set settings.welcome Hi {{name}}");
        List<Wordings.Topic> topics = wordings.topics(BotTester.COMMUNITY, Locales.SPANISH);
        List<String> listed = topics.stream().flatMap(t -> t.entries().stream()).map(Wordings.Entry::key).toList();
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                bot.engine().registry().messageKeys().stream().map(MessageKey::key).toList());
        assertThat(topics.get(0).label()).isEmpty();
        assertThat(topics).extracting(Wordings.Topic::label).contains(Optional.of(HelpTopic.labelOf("settings")));
        Wordings.Entry entry = topics.stream().flatMap(t -> t.entries().stream()).filter(e -> e.key().equals("settings.welcome"))
                .findFirst().orElseThrow();
        assertThat(entry.changedIn()).containsExactly(Locales.ENGLISH);
        assertThat(entry.current()).as("the Spanish text, which the group did not change").startsWith("Hola, {{name}}");
    }

    @Test
    void aTextShowsItsStandardAndCurrentWordingAndWhatMembersReadInEachLanguage() {
        olivia.send("/wording set settings.welcome Hi *{{name}}*");
        List<Wordings.Version> versions = wordings.versions(BotTester.COMMUNITY, welcome);
        assertThat(versions).extracting(Wordings.Version::locale).containsExactly(Locales.ENGLISH, Locales.SPANISH);
        assertThat(versions.get(0).custom()).contains("Hi *{{name}}*");
        assertThat(versions.get(0).standard()).startsWith("Hello {{name}}, and welcome.");
        assertThat(versions.get(0).preview()).isEqualTo("Hi *«name»*");
        assertThat(versions.get(1).custom()).isEmpty();
        assertThat(versions.get(1).preview()).startsWith("Hola, «name», y bienvenida");
    }

    @Test
    void aDraftIsPreviewedOrRefusedWithChatsOwnReasonAndNothingIsSaved() {
        assertThat(wordings.preview(reader(Locales.ENGLISH), welcome, "Welcome, {{name}}."))
                .isEqualTo(new Wordings.Preview.Shown("Welcome, «name»."));
        assertThat(wordings.preview(reader(Locales.ENGLISH), welcome, "Hi {{email}}")).isInstanceOfSatisfying(
                Wordings.Preview.Refused.class, r -> assertThat(r.why()).contains("uses {{email}}, which settings.welcome doesn't have"));
        assertThat(wordings.preview(reader(Locales.SPANISH), welcome, "Hola {{name}")).isInstanceOfSatisfying(
                Wordings.Preview.Refused.class, r -> assertThat(r.why()).contains("llaves que no cuadran"));
        assertThat(wordings.preview(reader(Locales.ENGLISH), welcome, "x".repeat(Wordings.MAX_LENGTH + 1))).isInstanceOfSatisfying(
                Wordings.Preview.Refused.class, r -> assertThat(r.why()).contains("up to 1500 characters").contains("1501"));
        assertThat(wordings.versions(BotTester.COMMUNITY, welcome)).allMatch(v -> v.custom().isEmpty());
    }

    /** The texts of a page reader in a language, as the organisers' page has them. */
    private Speech reader(Locale locale) {
        return new Speech() {
            @Override
            public String text(MessageKey key, Object... keyValues) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < keyValues.length; i += 2) {
                    values.put((String) keyValues[i], keyValues[i + 1]);
                }
                return renderer.render(key, locale, values);
            }

            @Override
            public Locale locale() {
                return locale;
            }
        };
    }
}
