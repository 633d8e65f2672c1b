package org.circlekeeper.core.template;

import org.circlekeeper.core.Bot;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code declares exists in every locale; no locale has a key the code never
 * uses; and no template asks for a value its code does not supply.
 */
class I18nSyncTest {

    private final List<MessageKey> declared = new BotTester().engine().registry().messageKeys();
    private final TemplateSource source = Bot.templates(null);
    private final TemplateRenderer renderer = new TemplateRenderer(source);

    @Test
    void everyDeclaredKeyExistsInEveryLocale() {
        for (Locale locale : Locales.SUPPORTED) {
            Set<String> missing = declared.stream().map(MessageKey::key)
                    .filter(k -> source.text(locale, k) == null)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(missing).as("keys missing in %s", locale).isEmpty();
        }
    }

    @Test
    void noLocaleHasKeysTheCodeNeverUses() {
        Set<String> known = declared.stream().map(MessageKey::key).collect(Collectors.toSet());
        for (Locale locale : Locales.SUPPORTED) {
            Set<String> orphans = new TreeSet<>(source.all(locale).keySet());
            orphans.removeAll(known);
            assertThat(orphans).as("keys in %s that no code declares", locale).isEmpty();
        }
    }

    @Test
    void noTemplateNamesAValueTheCodeNeverSupplies() {
        for (Locale locale : Locales.SUPPORTED) {
            for (MessageKey key : declared) {
                String text = source.text(locale, key.key());
                Set<String> unknown = new TreeSet<>(renderer.namesUsedBy(text));
                unknown.removeIf(key::declares);
                assertThat(unknown).as("%s in %s uses values the code does not supply", key.key(), locale).isEmpty();
            }
        }
    }

    @Test
    void everyTemplateRendersWithItsDeclaredValues() {
        for (Locale locale : Locales.SUPPORTED) {
            for (MessageKey key : declared) {
                Map<String, Object> values = new java.util.HashMap<>();
                for (String param : key.topLevelParams()) {
                    boolean isList = key.params().stream().anyMatch(p -> p.startsWith(param + "."));
                    values.put(param, isList ? List.of(sampleItem(key, param)) : "x");
                }
                assertThat(renderer.render(key, locale, values)).as("%s in %s", key.key(), locale).isNotBlank();
            }
        }
    }

    @Test
    void aTemplateThatAsksForAnUndeclaredValueIsCaught() {
        MessageKey key = MessageKey.of("settings.welcome", "name");
        assertThat(renderer.fits(key, "Hello {{name}}")).isTrue();
        assertThat(renderer.fits(key, "Hello {{email}}")).isFalse();
        assertThat(renderer.fits(key, "{{#name}}Hello")).isFalse();
    }

    private static Map<String, Object> sampleItem(MessageKey key, String list) {
        Map<String, Object> item = new java.util.HashMap<>();
        key.params().stream().filter(p -> p.startsWith(list + ".")).forEach(p -> item.put(p.substring(list.length() + 1), "y"));
        return item;
    }
}
