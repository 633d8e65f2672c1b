package org.circlekeeper.core.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.ref.MessageKey;

/**
 * Renders a {@link MessageKey} in a locale to neutral markup with Mustache. Every value is escaped
 * as markup and isolated in its direction ({@link Markup#escape}), so member text never becomes
 * formatting nor turns the words around it backwards, and the result's bidi controls are balanced
 * (an organiser's own wording included); the one exception is a moment the core made
 * with {@link Markup#time}, which is markup already and goes in as it is. A community's own wording
 * wins, then the requested locale, then English.
 */
public final class TemplateRenderer {

    private static final int MAX_CACHED_OVERRIDES = 2_000;

    private final TemplateSource source;
    private final Mustache.Compiler compiler = Mustache.compiler()
            .withFormatter(TemplateRenderer::format)
            .withEscaper(new MarkupEscaper())
            .emptyStringIsFalse(true)
            .strictSections(true);
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();
    private final Map<Locale, Map<String, Template>> byLocale = new ConcurrentHashMap<>();
    private final Map<String, Template> compiledOverrides = new ConcurrentHashMap<>();

    public TemplateRenderer(TemplateSource source) {
        this.source = source;
    }

    public TemplateSource source() {
        return source;
    }

    /** Renders the shipped (or deployment) text of a key. */
    public String render(MessageKey key, Locale locale, Map<String, ?> values) {
        return render(key, locale, Map.of(), values);
    }

    /**
     * Renders a key, preferring the community's own wording.
     *
     * @param communityWording the community's overrides in this locale, by key
     * @throws IllegalArgumentException when the code did not supply a value the key declares
     */
    public String render(MessageKey key, Locale locale, Map<String, String> communityWording, Map<String, ?> values) {
        for (String param : key.params()) {
            // a dotted name is a field of a list's items, not a value of its own (MessageKey.topLevelParams)
            if (param.indexOf('.') < 0 && !values.containsKey(param)) {
                throw new IllegalArgumentException("message " + key.key() + " needs the value '" + param + "'");
            }
        }
        String override = communityWording.get(key.key());
        if (override != null) {
            try {
                return Markup.balanceBidi(compileOverride(override).execute(values));
            } catch (RuntimeException e) {
                // A community's wording must never break the bot: fall back to the shipped text.
            }
        }
        return Markup.balanceBidi(template(key.key(), locale).execute(values));
    }

    /** The names (values and sections) a template text uses, for validating wording before it is saved. */
    public Set<String> namesUsedBy(String text) {
        Set<String> names = new LinkedHashSet<>();
        compiler.compile(text).visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                names.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                names.add(name);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                names.add(name);
                return true;
            }
        });
        names.removeIf(n -> n.equals(".") || n.equals("this") || n.startsWith("-"));
        return names;
    }

    /** True when a text compiles, uses only names the key declares and renders (see {@link #check}). */
    public boolean fits(MessageKey key, String text) {
        return check(key, text) instanceof WordingCheck.Fits;
    }

    /**
     * Checks a community's wording for a key before it is saved: it must compile (sections closed,
     * no stray double braces that would reach the group as they are), use only the values the key's
     * code supplies, and render with sample values.
     */
    public WordingCheck check(MessageKey key, String text) {
        Template template;
        try {
            template = compiler.compile(text);
        } catch (RuntimeException e) {
            return new WordingCheck.Broken();
        }
        StringBuilder plain = new StringBuilder();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String segment) {
                plain.append(segment).append('\n');
            }

            @Override
            public void visitVariable(String name) {
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return true;
            }
        });
        int stray = Math.max(plain.indexOf("{{"), plain.indexOf("}}"));
        if (stray >= 0) {
            return new WordingCheck.Broken();
        }
        for (String name : namesUsedBy(text)) {
            if (!key.declares(name)) {
                return new WordingCheck.UnknownValue(name.startsWith(">") ? name.substring(1) : name);
            }
        }
        try {
            template.execute(sampleValues(key));
        } catch (RuntimeException e) {
            return new WordingCheck.Broken();
        }
        return new WordingCheck.Fits();
    }

    /**
     * A text as members would read it with sample values (see {@link #sampleValues}), as neutral markup: how a wording
     * previews before it is saved. The text must {@link #check fit} the key.
     *
     * @throws IllegalArgumentException when it does not compile or render
     */
    public String preview(MessageKey key, String text) {
        try {
            return Markup.balanceBidi(compiler.compile(text).execute(sampleValues(key)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the wording of " + key.key() + " does not fit it; check it first", e);
        }
    }

    /**
     * A value for every name a key declares, showing its own name in guillemets ({@code «name»}) so a preview says
     * where each value goes: a word for plain values, one item for lists.
     */
    static Map<String, Object> sampleValues(MessageKey key) {
        Map<String, Object> values = new HashMap<>();
        for (String param : key.topLevelParams()) {
            Map<String, Object> item = new HashMap<>();
            key.params().stream().filter(p -> p.startsWith(param + "."))
                    .forEach(p -> item.put(p.substring(param.length() + 1), "«" + p.substring(param.length() + 1) + "»"));
            values.put(param, item.isEmpty() ? "«" + param + "»" : List.of(item));
        }
        return values;
    }

    /** A value as text; a moment stays a {@link Markup.Time} so that the escaper knows it. */
    private static CharSequence format(Object value) {
        return value instanceof Markup.Time time ? time : String.valueOf(value);
    }

    /**
     * Escapes every value as markup but a {@link Markup.Time}: only the core makes one, and its markup
     * must reach the adapters intact. The check is on the value's type, never on its characters, so a
     * string that looks exactly like a moment (a member typed it) is escaped like any other text.
     */
    private static final class MarkupEscaper implements Mustache.Escaper {
        @Override
        public String escape(String raw) {
            return Markup.escape(raw);
        }

        @Override
        public CharSequence escape(CharSequence raw) {
            return raw instanceof Markup.Time time ? time.toString() : Markup.escape(raw.toString());
        }
    }

    private Template template(String key, Locale locale) {
        // the source never changes, so the template a key resolves to in a locale (its own or English) is kept by both
        Map<String, Template> inLocale = byLocale.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        Template known = inLocale.get(key);
        if (known == null) {
            known = resolve(key, locale);
            inLocale.put(key, known);
        }
        return known;
    }

    private Template resolve(String key, Locale locale) {
        Locale effective = source.text(locale, key) != null ? locale : Locales.ENGLISH;
        return compiled.computeIfAbsent(effective.getLanguage() + ":" + key, k -> {
            String text = source.text(effective, key);
            if (text == null) {
                throw new IllegalStateException("no template for message key " + key);
            }
            return compiler.compile(text);
        });
    }

    private Template compileOverride(String text) {
        if (compiledOverrides.size() > MAX_CACHED_OVERRIDES) {
            compiledOverrides.clear();
        }
        return compiledOverrides.computeIfAbsent(text, compiler::compile);
    }
}
