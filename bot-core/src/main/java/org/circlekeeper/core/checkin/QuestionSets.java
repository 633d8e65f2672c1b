package org.circlekeeper.core.checkin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.template.Locales;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ready question sets for prompts ({@code templates/checkins/questions.yml}): each has a name
 * and a few questions per language, asked one per day in turn. Read once and checked at start-up,
 * so a broken file never reaches a member.
 */
public final class QuestionSets {

    /** The data file, under {@code templates/}. */
    public static final String FILE = "checkins/questions.yml";
    /** The set a community gets when its organisers name none. */
    public static final String DEFAULT = "gentle";

    private record Texts(String name, List<String> questions) {
    }

    private static final class Shipped {
        private static final QuestionSets INSTANCE = load();
    }

    private final Map<String, Map<String, Texts>> sets;

    private QuestionSets(Map<String, Map<String, Texts>> sets) {
        this.sets = sets;
    }

    /** The shipped sets, read once per process. */
    public static QuestionSets shipped() {
        return Shipped.INSTANCE;
    }

    /** The ids of every set, in the file's order. */
    public Set<String> ids() {
        return sets.keySet();
    }

    public boolean exists(String id) {
        return sets.containsKey(id);
    }

    /** The set's name in the language (English when the language has none). */
    public String name(String id, Locale locale) {
        return texts(id, locale).name();
    }

    /** The question of the set for a day: the questions take turns, one a day. */
    public String question(String id, Locale locale, LocalDate day) {
        List<String> questions = texts(id, locale).questions();
        return questions.get((int) Math.floorMod(day.toEpochDay(), (long) questions.size()));
    }

    private Texts texts(String id, Locale locale) {
        Map<String, Texts> set = sets.getOrDefault(id, sets.get(DEFAULT));
        Texts texts = set.get(locale.getLanguage());
        return texts != null ? texts : set.get(Locales.ENGLISH.getLanguage());
    }

    static QuestionSets load() {
        String resource = "templates/" + FILE;
        InputStream in = QuestionSets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing data file on the classpath: " + resource);
        }
        Object root;
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, Map<String, Texts>> sets = new LinkedHashMap<>();
        map(map(root, "the file").get("sets"), "sets").forEach((id, value) -> {
            Map<String, Texts> languages = new LinkedHashMap<>();
            for (Locale locale : Locales.SUPPORTED) {
                String where = "sets." + id + "." + locale.getLanguage();
                Map<String, Object> texts = map(map(value, "sets." + id).get(locale.getLanguage()), where);
                Object name = texts.get("name");
                Object questions = texts.get("questions");
                if (!(name instanceof String) || !(questions instanceof List<?> list) || list.isEmpty()) {
                    throw problem(where, "needs a name and at least one question");
                }
                List<String> asked = new ArrayList<>();
                list.forEach(q -> asked.add(String.valueOf(q).strip()));
                languages.put(locale.getLanguage(), new Texts(((String) name).strip(), List.copyOf(asked)));
            }
            sets.put(id, languages);
        });
        if (!sets.containsKey(DEFAULT)) {
            throw problem("sets", "needs the default set '" + DEFAULT + "'");
        }
        return new QuestionSets(Collections.unmodifiableMap(sets));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            throw problem(where, "must be a mapping");
        }
        return (Map<String, Object>) value;
    }

    private static IllegalStateException problem(String where, String what) {
        return new IllegalStateException("templates/" + FILE + ": " + where + " " + what);
    }
}
