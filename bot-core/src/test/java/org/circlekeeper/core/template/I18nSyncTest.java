package org.circlekeeper.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * Every message key the code declares exists in every locale; no locale has a key the code never
 * uses; and no template asks for a value its code does not supply. Every name a member reads has a
 * text in every locale too: each command option's label and each choice's label, each /mydata
 * section.
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
                Map<String, Object> values = new HashMap<>();
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
        Map<String, Object> item = new HashMap<>();
        key.params().stream().filter(p -> p.startsWith(list + ".")).forEach(p -> item.put(p.substring(list.length() + 1), "y"));
        return item;
    }

    @Test
    void everyOptionAndChoiceOfEveryCommandHasALabelInEveryLocale() {
        Set<String> missing = new TreeSet<>();
        for (CommandSpec spec : commands()) {
            for (OptionSpec option : spec.options()) {
                List<MessageKey> labels = new ArrayList<>(List.of(option.label()));
                option.choices().forEach(c -> labels.add(option.choiceLabel(c)));
                for (Locale locale : Locales.SUPPORTED) {
                    labels.stream().filter(k -> source.text(locale, k.key()) == null)
                            .forEach(k -> missing.add("/" + spec.name() + " " + option.name() + ": " + k.key() + " in " + locale));
                }
            }
        }
        assertThat(missing).as("option and choice labels missing").isEmpty();
    }

    @Test
    void optionLabelsAreNamesEveryPlatformTakesAndChoiceLabelsCanBeToldApart() {
        Pattern discordName = Pattern.compile("[-_\\p{Ll}\\p{Lo}\\p{N}]{1,32}");
        for (CommandSpec spec : commands()) {
            for (Locale locale : Locales.SUPPORTED) {
                Set<String> optionLabels = new HashSet<>();
                for (OptionSpec option : spec.options()) {
                    String label = source.text(locale, option.label().key());
                    assertThat(label).as("label of /%s %s in %s", spec.name(), option.name(), locale).matches(discordName);
                    assertThat(optionLabels.add(label)).as("two options of /%s are both called %s in %s", spec.name(), label, locale).isTrue();
                    Set<String> choiceLabels = new HashSet<>();
                    for (String choice : option.choices()) {
                        String shown = source.text(locale, option.choiceLabel(choice).key());
                        assertThat(shown).as("choice %s of /%s %s in %s", choice, spec.name(), option.name(), locale).isNotBlank();
                        assertThat(choiceLabels.add(Normalizer.normalize(shown.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                                .replaceAll("\\p{M}", ""))).as("two choices of /%s %s read %s in %s", spec.name(), option.name(), shown, locale)
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void everyMyDataSectionHasALabelInEveryLocale() {
        List<PersonalData> sections = new BotTester().engine().registry().personalData();
        assertThat(sections).isNotEmpty();
        for (PersonalData section : sections) {
            for (Locale locale : Locales.SUPPORTED) {
                assertThat(source.text(locale, section.label().key())).as("/mydata section %s in %s", section.section(), locale).isNotBlank();
            }
            assertThat(declared).as("the privacy feature declares the label of %s", section.section()).contains(section.label());
        }
        assertThat(declared).contains(PersonalData.PLATFORM);
    }

    @Test
    void aMissingOptionLabelIsCaught() {
        OptionSpec unlabelled = OptionSpec
                .choice("mode", MessageKey.of("opt.test.mode"), List.of("fast")).build();
        assertThat(unlabelled.messageKeys()).extracting(MessageKey::key)
                .containsExactly("opt.test.mode", "opt.test.mode.label", "opt.test.mode.choice.fast");
        assertThat(source.text(Locales.SPANISH, unlabelled.label().key())).isNull();
    }

    /** Every command and every subcommand, as the engine dispatches them. */
    private static List<CommandSpec> commands() {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandSpec spec : new BotTester().engine().registry().commands()) {
            all.add(spec);
            all.addAll(spec.subcommands());
        }
        return all;
    }
}
