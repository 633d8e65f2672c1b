package org.circlekeeper.core.resource;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.circlekeeper.core.template.Locales;

/**
 * The phrase lists of {@code templates/safety/<language>.yml}: patterns that signal acute risk in
 * a message. Every language's list is checked, since a group may write in any of them. Spoilers
 * and quoted text count: their markers are removed before matching.
 */
public final class SafetyPhrases {

    /** Longer messages are checked on their first part only, so a huge paste costs no more than this. */
    static final int MAX_CHECKED_CHARS = 4_000;

    private static final Pattern QUOTE_MARKERS = Pattern.compile("(?m)^\\s*>+\\s?");
    private static final Pattern MARKUP = Pattern.compile("\\|\\||[*_~`]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final class Shipped {
        private static final SafetyPhrases INSTANCE = load();
    }

    private final List<Pattern> patterns;

    SafetyPhrases(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The shipped lists of every supported language, read once per process. */
    public static SafetyPhrases shipped() {
        return Shipped.INSTANCE;
    }

    /** True when the message contains a phrase of acute risk in any language. */
    public boolean matches(String message) {
        if (message == null || message.isBlank()) {
            return false;
        }
        String text = normalise(message);
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, no accents, straight apostrophes, no spoiler, quote or emphasis markers, single spaces. */
    static String normalise(String message) {
        String text = message.length() > MAX_CHECKED_CHARS ? message.substring(0, MAX_CHECKED_CHARS) : message;
        text = QUOTE_MARKERS.matcher(text).replaceAll("");
        text = MARKUP.matcher(text).replaceAll("");
        text = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00B4', '\'').replace('`', '\'');
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static SafetyPhrases load() {
        List<Pattern> patterns = new ArrayList<>();
        for (Locale locale : Locales.SUPPORTED) {
            String path = "safety/" + locale.getLanguage() + ".yml";
            DataFile file = DataFile.of(path);
            Map<String, Object> root = DataFile.load(path);
            List<String> sources = file.texts(root, "patterns", "the file");
            if (sources.isEmpty()) {
                throw file.problem("the file", "has no patterns");
            }
            for (String source : sources) {
                try {
                    patterns.add(Pattern.compile(source));
                } catch (PatternSyntaxException e) {
                    throw file.problem("pattern " + source, "is not a valid regular expression: " + e.getDescription());
                }
            }
        }
        return new SafetyPhrases(patterns);
    }
}
