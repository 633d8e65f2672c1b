package org.circlekeeper.core.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.circlekeeper.core.template.Locales;

/**
 * The countries a search names: by name in any supported language ({@code Japan}, {@code Japón},
 * {@code South Africa}, {@code EEUU}) or by ISO 3166-1 alpha-2 code written in capitals
 * ({@code JP}, {@code ES}). Codes count only in capitals, because many of them are also short
 * words ({@code in}, {@code no}, {@code es}, {@code de}); and not in a search typed all in capitals,
 * where {@code AM} or {@code IN} is a word again.
 */
final class CountryMentions {

    /** Compiled once: every search looks for countries in its words. */
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    /** Names people use that the JDK's display names do not give. */
    private static final Map<String, String> ALIASES = Map.of("uk", "GB", "usa", "US", "eeuu", "US", "ee uu", "US",
            "united states of america", "US", "england", "GB", "scotland", "GB", "wales", "GB");

    /** Folded name (words joined by one space) → code. */
    private final Map<String, String> names = new HashMap<>();
    private final int longestName;

    CountryMentions() {
        for (String code : CODES) {
            Locale region = new Locale.Builder().setRegion(code).build();
            for (Locale language : Locales.SUPPORTED) {
                String name = region.getDisplayCountry(language);
                names.putIfAbsent(words(name), code);
                int bracket = name.indexOf('(');
                if (bracket > 0) {
                    names.putIfAbsent(words(name.substring(0, bracket)), code);
                }
            }
        }
        names.putAll(ALIASES);
        names.remove("");
        longestName = names.keySet().stream().mapToInt(n -> n.split(" ").length).max().orElse(1);
    }

    /** The codes of the countries named in a text, sorted; empty when it names none. */
    Set<String> in(String text) {
        Set<String> found = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        found.addAll(codes(text));
        List<String> words = Arrays.stream(words(text).split(" ")).filter(w -> !w.isEmpty()).toList();
        for (int start = 0; start < words.size(); start++) {
            for (int length = Math.min(longestName, words.size() - start); length >= 1; length--) {
                String code = names.get(String.join(" ", words.subList(start, start + length)));
                if (code != null) {
                    found.add(code);
                    start += length - 1;
                    break;
                }
            }
        }
        return found;
    }

    /** The text without the country codes that {@link #in} reads as codes (names stay: they are search words too). */
    String withoutCodes(String text) {
        if (text == null || codes(text).isEmpty()) {
            return text;
        }
        List<String> kept = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!isCode(word)) {
                kept.add(word);
            }
        }
        return String.join(" ", kept);
    }

    private static List<String> codes(String text) {
        String[] words = text.strip().split("\\s+");
        boolean shouting = text.chars().noneMatch(Character::isLowerCase)
                && Arrays.stream(words).anyMatch(w -> !isCode(w) && w.codePoints().filter(Character::isLetter).count() > 2);
        if (shouting) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (isCode(word)) {
                out.add(word.equals("UK") ? "GB" : word);
            }
        }
        return out;
    }

    private static boolean isCode(String word) {
        return word.length() == 2 && word.chars().allMatch(c -> c >= 'A' && c <= 'Z') && (CODES.contains(word) || word.equals("UK"));
    }

    /** Lower case, no accents, only letters and digits, words separated by one space. */
    private static String words(String text) {
        return NOT_WORD.matcher(WordForms.fold(text)).replaceAll(" ").strip();
    }
}
