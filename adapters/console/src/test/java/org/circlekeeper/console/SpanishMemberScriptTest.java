package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.resource.CrisisLine;
import org.circlekeeper.core.resource.CrisisLines;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.TemplateSource;
import org.junit.jupiter.api.Test;

/**
 * A Spanish member goes through help, settings, a check-in, a circle, resources and the share circle
 * at the console, and no line the bot prints contains a word of the bot's own English text: a word
 * that the English templates use and the Spanish ones never do. Member-typed text, command names,
 * ids, links and a few proper nouns are not the bot's words and are left out of the check.
 */
class SpanishMemberScriptTest {

    /** Words of the English templates that name things, not English: they read the same in Spanish. */
    private static final Set<String> PROPER_NOUNS = Set.of("circlekeeper", "discord", "telegram", "ics", "id", "json");
    private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*}}}?");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:'\\p{L}+)?");
    /** A token that is an id, a link, a zone, a time, a command or a mention, never a word of the bot's. */
    private static final Pattern NOT_PROSE = Pattern.compile(".*(?:\\d|://|/|@|_).*|[a-z0-9]+(?:-[a-z0-9]+)+");

    @Test
    void noEnglishWordOfTheBotsOwnTextReachesASpanishGroup() throws IOException {
        List<String> script = scriptLines("/scripts/spanish-member.txt");
        List<String> out = ResourcesScriptTest.run("/scripts/spanish-member.txt");
        Set<String> englishOnly = englishOnlyWords(script);

        List<Pattern> tokens = untranslatedChoices();
        List<String> leaks = new ArrayList<>();
        for (String line : botLines(out)) {
            Set<String> found = leaks(line, englishOnly);
            tokens.stream().filter(t -> t.matcher(line).find()).forEach(t -> found.add(t.pattern()));
            if (!found.isEmpty()) {
                leaks.add(found + " in: " + line);
            }
        }
        assertThat(botLines(out)).as("the script ran").hasSizeGreaterThan(100);
        assertThat(out).as("the group speaks Spanish").contains("[#circle-room] bot: El idioma del grupo es ahora español."
                + " Quien haya elegido el suyo lo conserva.");
        assertThat(leaks).as("English words in what the bot said to a Spanish group").isEmpty();
    }

    @Test
    void theCheckFindsEnglishAndLeavesSpanishMemberTextAndIdsAlone() {
        Set<String> englishOnly = englishOnlyWords(List.of("/share join", "Círculo del martes"));
        assertThat(englishOnly).contains("nothing", "changed", "meetings", "zone")
                .doesNotContain("share", "join", "no", "martes");
        assertThat(leaks("[dm ana] bot: Nothing was changed: /timezone [zone]", englishOnly)).contains("nothing", "changed", "zone");
        assertThat(leaks("  acción puede ser: borrar, meetings", englishOnly)).containsExactly("meetings");
        assertThat(leaks("[dm ana] bot: Hecho: tu zona horaria es ahora Europe/Madrid. /share join wind-down-routine", englishOnly))
                .isEmpty();
        List<Pattern> tokens = untranslatedChoices();
        assertThat(tokens).anyMatch(t -> t.matcher("  No recibes recordatorios. /checkin prompts on los pide.").find());
        assertThat(tokens).noneMatch(t -> t.matcher("  No recibes recordatorios. /checkin avisos sí los pide; /language en").find());
    }

    /**
     * A subcommand or choice typed in its English token where the Spanish reader has a word of their
     * own for it, e.g. {@code /checkin prompts on} (she types {@code /checkin avisos sí}); language
     * codes are the same in every language.
     */
    private static List<Pattern> untranslatedChoices() {
        TemplateSource source = Bot.templates(null);
        List<Pattern> patterns = new ArrayList<>();
        for (CommandSpec spec : new ConsoleFixture().engine.registry().commands()) {
            List<CommandSpec> leaves = spec.hasSubcommands() ? spec.subcommands() : List.of(spec);
            for (CommandSpec leaf : leaves) {
                String label = leaf == spec ? null : source.text(Locales.SPANISH, leaf.label().key());
                if (label != null && !Locales.fold(label).equals(Locales.fold(leaf.name()))) {
                    patterns.add(Pattern.compile(Pattern.quote("/" + spec.name()) + "\\s+" + Pattern.quote(leaf.name()) + "\\b"));
                }
                String path = "/" + spec.name() + (leaf == spec ? "" : " " + leaf.name());
                for (int i = 0; i < leaf.options().size(); i++) {
                    OptionSpec option = leaf.options().get(i);
                    for (String choice : option.choices()) {
                        String spanish = source.text(Locales.SPANISH, option.choiceLabel(choice).key());
                        if (!Locales.tags().contains(choice) && !Locales.fold(spanish).equals(Locales.fold(choice))) {
                            patterns.add(Pattern.compile(Pattern.quote(path) + "(?:\\s+\\S+){" + i + "}\\s+" + Pattern.quote(choice) + "\\b"));
                        }
                    }
                }
            }
        }
        return patterns;
    }

    /**
     * The lines the bot printed (its messages and their continuation lines), not the echo, the
     * console's own notes, nor an attached file (the console's note on it and the file's content:
     * the /mydata export is a data file whose keys are stable for programs).
     */
    private static List<String> botLines(List<String> out) {
        List<String> lines = new ArrayList<>();
        boolean inFile = false;
        for (String line : out) {
            if (line.startsWith("  (file ")) {
                inFile = true;
                continue;
            }
            inFile = inFile && line.startsWith("    ");
            if (!inFile && !line.startsWith("> ") && !line.startsWith("(console)")) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> leaks(String line, Set<String> englishOnly) {
        String text = line.replaceFirst("^\\[[^]]*] bot( \\(edit\\))?: ", "");
        Set<String> found = new TreeSet<>();
        for (String token : text.split("\\s+")) {
            String bare = token.replaceAll("^[\\p{Punct}«“¿¡•]+|[\\p{Punct}»”]+$", "");
            if (bare.isEmpty() || NOT_PROSE.matcher(bare).matches()) {
                continue;
            }
            Matcher words = WORD.matcher(bare);
            while (words.find()) {
                String word = words.group().toLowerCase(Locale.ROOT);
                if (englishOnly.contains(word)) {
                    found.add(word);
                }
            }
        }
        return found;
    }

    /**
     * Words the English templates use and the Spanish ones never do, without command names (those
     * are typed as they are in every language) and without what the script's people typed.
     */
    private static Set<String> englishOnlyWords(List<String> typed) {
        TemplateSource source = Bot.templates(null);
        Set<String> english = words(source.all(Locales.ENGLISH));
        english.removeAll(words(source.all(Locales.SPANISH)));
        Engine engine = new ConsoleFixture().engine;
        for (CommandSpec spec : engine.registry().commands()) {
            english.remove(spec.name());
            spec.subcommands().forEach(s -> english.remove(s.name()));
        }
        for (String line : typed) {
            Matcher words = WORD.matcher(line);
            while (words.find()) {
                english.remove(words.group().toLowerCase(Locale.ROOT));
            }
        }
        english.removeAll(PROPER_NOUNS);
        // the names of crisis services (Find A Helpline) are their names in every language
        for (CrisisLine line : CrisisLines.shipped().all()) {
            Matcher words = WORD.matcher(line.name());
            while (words.find()) {
                english.remove(words.group().toLowerCase(Locale.ROOT));
            }
        }
        return english;
    }

    private static Set<String> words(Map<String, String> templates) {
        Set<String> words = new TreeSet<>();
        for (String text : templates.values()) {
            Matcher m = WORD.matcher(TAG.matcher(text).replaceAll(" "));
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static List<String> scriptLines(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(SpanishMemberScriptTest.class.getResourceAsStream(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.strip().startsWith("#") && !l.startsWith(":")).toList();
        }
    }
}
