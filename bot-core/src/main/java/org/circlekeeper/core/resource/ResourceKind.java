package org.circlekeeper.core.resource;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a resource is. Members filter by it ({@code /resource technique sleep}) in English or
 * Spanish; the id is what the data files and the store use.
 */
public enum ResourceKind {
    READING("reading", "readings", "book", "books", "lectura", "lecturas", "libro", "libros"),
    TECHNIQUE("technique", "techniques", "tecnica", "tecnicas"),
    EXERCISE("exercise", "exercises", "ejercicio", "ejercicios"),
    SERVICE("service", "services", "servicio", "servicios"),
    HELPLINE("helpline", "helplines", "linea", "lineas", "linea-de-ayuda", "lineas-de-ayuda"),
    CRISIS_LINE("crisis-line", "crisis-lines", "crisisline", "linea-de-crisis", "lineas-de-crisis");

    private final String id;
    private final List<String> aliases;

    ResourceKind(String id, String... aliases) {
        this.id = id;
        this.aliases = Arrays.asList(aliases);
    }

    /** The id used in data files, in the store and in typed filters. */
    public String id() {
        return id;
    }

    /** The kind whose id is given, e.g. {@code crisis-line}. */
    public static Optional<ResourceKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    /** The kind a member typed as a filter word, in English or Spanish, singular or plural, with or without accents. */
    public static Optional<ResourceKind> parse(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(word.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(folded) || k.aliases.contains(folded)).findFirst();
    }
}
