package org.circlekeeper.core.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.template.Locales;

/**
 * The shipped catalog: the entries of {@code templates/resources/techniques.yml} and
 * {@code public.yml}, plus every crisis line of {@link CrisisLines} as a {@link ResourceKind#CRISIS_LINE}
 * entry, so that search and {@code /crisis} read one directory. Read once per process.
 */
public final class ResourceCatalog {

    /** The catalog files under {@code templates/}, in the order their entries are listed. */
    public static final List<String> FILES = List.of("resources/techniques.yml", "resources/public.yml");

    private static final class Shipped {
        private static final ResourceCatalog INSTANCE = load(CrisisLines.shipped());
    }

    private final Map<String, Resource> entries;
    private final WordForms wordForms;

    private ResourceCatalog(Map<String, Resource> entries, WordForms wordForms) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.wordForms = wordForms;
    }

    /** The shipped catalog, read once per process (it is immutable). */
    public static ResourceCatalog shipped() {
        return Shipped.INSTANCE;
    }

    /** Every shipped entry, techniques first, crisis lines last. */
    public List<Resource> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Resource> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    WordForms wordForms() {
        return wordForms;
    }

    static ResourceCatalog load(CrisisLines crisisLines) {
        Map<String, Resource> entries = new LinkedHashMap<>();
        for (String path : FILES) {
            DataFile file = DataFile.of(path);
            for (Map<String, Object> raw : file.maps(DataFile.load(path).get("entries"), "entries")) {
                Resource entry = entry(file, raw);
                if (entries.putIfAbsent(entry.id(), entry) != null) {
                    throw file.problem("entry " + entry.id(), "uses an id that another entry already has");
                }
            }
        }
        for (CrisisLine line : crisisLines.all()) {
            if (entries.putIfAbsent(line.id(), asResource(line)) != null) {
                throw new IllegalStateException("crisis line " + line.id() + " uses the id of a catalog entry");
            }
        }
        return new ResourceCatalog(entries, WordForms.load());
    }

    private static Resource entry(DataFile file, Map<String, Object> raw) {
        String id = file.text(raw, "id", "an entry");
        String at = "entry " + id;
        ResourceKind kind = ResourceKind.fromId(file.text(raw, "kind", at))
                .orElseThrow(() -> file.problem(at, "has an unknown kind '" + raw.get("kind") + "'"));
        if (kind == ResourceKind.CRISIS_LINE) {
            throw file.problem(at, "is a crisis line: those belong in " + CrisisLines.FILE);
        }
        Map<String, ResourceText> texts = new LinkedHashMap<>();
        file.map(raw.get("texts"), at + " texts").forEach((language, value) -> {
            if (Locales.supported(language).isEmpty()) {
                throw file.problem(at, "has texts in '" + language + "', which the bot does not speak");
            }
            Map<String, Object> text = file.map(value, at + " texts." + language);
            String where = at + " texts." + language;
            texts.put(language, new ResourceText(file.text(text, "title", where), file.text(text, "summary", where),
                    file.optionalText(text, "details"), file.texts(text, "tags", where)));
        });
        Set<String> known = Set.of(Locale.getISOCountries());
        List<String> countries = file.texts(raw, "countries", at);
        countries.stream().filter(c -> !known.contains(c)).findFirst()
                .ifPresent(c -> {
                    throw file.problem(at, "has an unknown country code '" + c + "'");
                });
        try {
            return new Resource(id, kind, texts, countries, file.optionalText(raw, "link"), file.optionalText(raw, "phone"),
                    file.optionalText(raw, "sms"), file.date(raw, "verified", at), file.text(raw, "source", at),
                    Resource.Origin.SHIPPED);
        } catch (IllegalArgumentException e) {
            throw file.problem(at, e.getMessage());
        }
    }

    /** A crisis line as a searchable entry, in every supported language. */
    private static Resource asResource(CrisisLine line) {
        Map<String, ResourceText> texts = new LinkedHashMap<>();
        for (Locale locale : Locales.SUPPORTED) {
            List<String> tags = new ArrayList<>();
            if (line.isInternational()) {
                tags.add(locale.getLanguage().equals("es") ? "internacional" : "international");
            } else {
                tags.add(CountryLookup.displayName(line.country(), locale));
            }
            tags.addAll(locale.getLanguage().equals("es") ? List.of("crisis", "suicidio", "emergencia")
                    : List.of("crisis", "suicide", "emergency"));
            texts.put(locale.getLanguage(), new ResourceText(line.name(), line.about(locale), "", tags));
        }
        return new Resource(line.id(), ResourceKind.CRISIS_LINE, texts,
                line.isInternational() ? List.of() : List.of(line.country()),
                line.link(), line.phone(), line.sms(), line.verified(), line.source(), Resource.Origin.SHIPPED);
    }
}
