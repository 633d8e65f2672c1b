package org.circlekeeper.core.resource;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Word families that a stemmer does not bring together ({@code anxious} / {@code anxiety}), per
 * language, from {@code templates/resources/word-forms.yml}. Every form maps to its family's
 * first word, in entries and in queries alike.
 */
final class WordForms {

    /** Compiled once: every search folds its words. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    static final String FILE = "resources/word-forms.yml";

    private final Map<String, Map<String, String>> byLanguage;

    private WordForms(Map<String, Map<String, String>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static WordForms load() {
        DataFile file = DataFile.of(FILE);
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        DataFile.load(FILE).forEach((language, families) -> {
            Map<String, String> forms = new LinkedHashMap<>();
            file.map(families, language).forEach((canonical, list) -> {
                String base = fold(canonical);
                forms.put(base, base);
                file.texts(Map.of("forms", list), "forms", language + "." + canonical)
                        .forEach(form -> forms.put(fold(form), base));
            });
            byLanguage.put(language, Map.copyOf(forms));
        });
        return new WordForms(Map.copyOf(byLanguage));
    }

    /** Form → family word for one language (folded: lower case, no accents). */
    Map<String, String> forLanguage(String language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    List<String> languages() {
        return List.copyOf(byLanguage.keySet());
    }

    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }
}
