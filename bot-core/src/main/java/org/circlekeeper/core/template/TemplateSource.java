package org.circlekeeper.core.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The shipped message texts, one bundle per feature ({@code templates/messages/<lang>/<bundle>.yml}
 * on the classpath), with a deployment's override folder laid over them key by key. Bundles keep
 * each feature's sentences in a file of its own.
 */
public final class TemplateSource {

    private final Map<Locale, Map<String, String>> texts;

    private TemplateSource(Map<Locale, Map<String, String>> texts) {
        this.texts = texts;
    }

    /** The shipped texts of the given bundles only. */
    public static TemplateSource shipped(List<String> bundles) {
        return withOverrides(bundles, null);
    }

    /** The shipped texts with {@code <dir>/messages/<lang>/<bundle>.yml} laid over them where present. */
    public static TemplateSource withOverrides(List<String> bundles, Path overrideDir) {
        Map<Locale, Map<String, String>> texts = new HashMap<>();
        for (Locale locale : Locales.SUPPORTED) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (String bundle : bundles) {
                String file = "messages/" + locale.getLanguage() + "/" + bundle + ".yml";
                Map<String, String> shipped = loadClasspath("templates/" + file);
                for (String key : shipped.keySet()) {
                    if (merged.containsKey(key)) {
                        throw new IllegalStateException("message key " + key + " is in two bundles (" + file + ")");
                    }
                }
                merged.putAll(shipped);
                if (overrideDir != null) {
                    Path override = overrideDir.resolve(file);
                    if (Files.isRegularFile(override)) {
                        try (Reader reader = Files.newBufferedReader(override, StandardCharsets.UTF_8)) {
                            merged.putAll(parse(reader, override.toString()));
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read template overrides " + override, e);
                        }
                    }
                }
            }
            texts.put(locale, Map.copyOf(merged));
        }
        return new TemplateSource(Map.copyOf(texts));
    }

    /** The text of a key in a locale, if that locale has it. */
    public String text(Locale locale, String key) {
        Map<String, String> forLocale = texts.get(locale);
        return forLocale == null ? null : forLocale.get(key);
    }

    /** Every key and text of one locale. */
    public Map<String, String> all(Locale locale) {
        return texts.getOrDefault(locale, Map.of());
    }

    private static Map<String, String> loadClasspath(String resource) {
        InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing template file on the classpath: " + resource);
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, String> parse(Reader reader, String origin) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalStateException(origin + " must be a map of message key to text");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(v instanceof String s)) {
                throw new IllegalStateException(origin + ": the value of '" + k + "' must be text");
            }
            out.put(String.valueOf(k), s.endsWith("\n") ? s.substring(0, s.length() - 1) : s);
        });
        return out;
    }
}
