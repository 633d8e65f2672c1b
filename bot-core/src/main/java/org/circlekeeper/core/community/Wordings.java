package org.circlekeeper.core.community;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.HelpTopic;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.Speech;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingCheck;
import org.circlekeeper.core.template.WordingStore;

/**
 * A community's own wording as {@code /wording} and the organisers' page both see it: the texts organisers may change
 * (every message the bot has), grouped by help topic; each text's standard and current wording in every language the
 * bot speaks; and a draft's check (the reason chat gives when it refuses one) and preview with sample values.
 */
public final class Wordings {

    /** The longest wording, in characters: {@code /wording set} takes no longer text. */
    public static final int MAX_LENGTH = 1500;

    private final WordingStore store;
    private final TemplateRenderer renderer;
    private final FeatureRegistry registry;

    Wordings(WordingStore store, TemplateRenderer renderer, FeatureRegistry registry) {
        this.store = Objects.requireNonNull(store, "store");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** {@code /wording set}'s text option, whose limits a draft must keep. */
    static OptionSpec textOption() {
        return OptionSpec.text("text", CommunityFeature.OPT_TEXT).required().length(1, MAX_LENGTH).build();
    }

    /**
     * One topic of texts.
     *
     * @param label the topic's name as {@code /help} shows it; empty for the bot's general messages
     */
    public record Topic(Optional<MessageKey> label, List<Entry> entries) {
        public Topic {
            Objects.requireNonNull(label, "label");
            entries = List.copyOf(entries);
        }
    }

    /**
     * One text organisers may change: its key, the languages the community has its own wording of it in, and its
     * current wording (the template, values unfilled) in the language asked for.
     */
    public record Entry(String key, List<Locale> changedIn, String current) {
        public Entry {
            Objects.requireNonNull(key, "key");
            changedIn = List.copyOf(changedIn);
            Objects.requireNonNull(current, "current");
        }
    }

    /**
     * One text in one language.
     *
     * @param standard the shipped wording
     * @param custom   the community's own, when it has one
     * @param preview  what members read (the community's wording when it has one), with sample values, as markup
     */
    public record Version(Locale locale, String standard, Optional<String> custom, String preview) {
        public Version {
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(standard, "standard");
            Objects.requireNonNull(custom, "custom");
            Objects.requireNonNull(preview, "preview");
        }

        /** The wording members read now. */
        public String current() {
            return custom.orElse(standard);
        }
    }

    /** A draft as members would read it, or why it would be refused. */
    public sealed interface Preview {
        /** It fits: {@code markup} is the message with sample values. */
        record Shown(String markup) implements Preview {
        }

        /** It does not fit: {@code why} is what chat answers to it (nothing is saved). */
        record Refused(String why) implements Preview {
        }
    }

    /**
     * Every text organisers may change (the keys {@code /wording} accepts), by topic, with where the community changed
     * it and its current wording in {@code locale}.
     */
    public List<Topic> topics(CommunityRef community, Locale locale) {
        Locale in = Locales.supported(locale).orElse(Locales.ENGLISH);
        Map<Locale, Map<String, String>> overrides = new LinkedHashMap<>();
        Locales.SUPPORTED.forEach(l -> overrides.put(l, store.overrides(community, l)));
        List<Topic> topics = new ArrayList<>();
        registry.messageKeysByTopic().forEach((topic, keys) -> {
            List<Entry> entries = new ArrayList<>();
            for (MessageKey key : keys) {
                List<Locale> changed = Locales.SUPPORTED.stream().filter(l -> overrides.get(l).containsKey(key.key())).toList();
                String own = overrides.get(in).get(key.key());
                entries.add(new Entry(key.key(), changed, own != null ? own : standard(key, in)));
            }
            topics.add(new Topic(topic.isEmpty() ? Optional.empty() : Optional.of(HelpTopic.labelOf(topic)), entries));
        });
        return topics;
    }

    /** The message called {@code name}, when the bot has one. */
    public Optional<MessageKey> key(String name) {
        String wanted = name.strip();
        return registry.messageKeys().stream().filter(k -> k.key().equals(wanted)).findFirst();
    }

    /** A text in every language the bot speaks: its standard wording, the community's own, and what members read. */
    public List<Version> versions(CommunityRef community, MessageKey key) {
        List<Version> versions = new ArrayList<>();
        for (Locale locale : Locales.SUPPORTED) {
            String standard = standard(key, locale);
            Optional<String> custom = Optional.ofNullable(store.overrides(community, locale).get(key.key()));
            // as the renderer does: a community's wording that no longer fits falls back to the standard one
            String read = custom.filter(c -> renderer.fits(key, c)).orElse(standard);
            versions.add(new Version(locale, standard, custom, renderer.preview(key, read)));
        }
        return versions;
    }

    /** The shipped wording of a key in a language (English where that language has none). */
    public String standard(MessageKey key, Locale locale) {
        String text = renderer.source().text(locale, key.key());
        return text != null ? text : Objects.requireNonNullElse(renderer.source().text(Locales.ENGLISH, key.key()), "");
    }

    /**
     * A draft of {@code key}'s wording in the reader's language, checked as {@code /wording set} checks it (length,
     * values, braces) and shown with sample values; nothing is saved.
     */
    public Preview preview(Speech reader, MessageKey key, String draft) {
        Optional<String> problem = tooLong(reader, draft).or(() -> problem(reader, key, draft));
        return problem.<Preview>map(Preview.Refused::new).orElseGet(() -> new Preview.Shown(renderer.preview(key, draft)));
    }

    /** Why the option limits of {@code /wording set} refuse a draft, in the engine's words. */
    private static Optional<String> tooLong(Speech reader, String draft) {
        OptionSpec option = textOption();
        int length = draft.codePointCount(0, draft.length());
        String label = reader.text(option.label());
        if (length > option.maxLength()) {
            return Optional.of(reader.text(EngineMessages.OPTION_TOO_LONG, "option", label, "max", option.maxLength(), "length", length));
        }
        if (length < option.minLength() || draft.isBlank()) {
            return Optional.of(reader.text(EngineMessages.OPTION_TOO_SHORT, "option", label, "min", option.minLength()));
        }
        return Optional.empty();
    }

    /**
     * Why a wording does not fit its message (a value it does not have, braces that do not match), as chat says it;
     * empty when it fits.
     */
    Optional<String> problem(Speech reader, MessageKey key, String text) {
        WordingCheck check = renderer.check(key, text);
        if (check instanceof WordingCheck.UnknownValue unknown) {
            return Optional.of(reader.text(CommunityFeature.WORDING_UNKNOWN_VALUE, "key", key.key(), "name", "{{" + unknown.name() + "}}",
                    "values", valueNames(key)));
        }
        if (check instanceof WordingCheck.Broken) {
            return Optional.of(reader.text(CommunityFeature.WORDING_BROKEN, "key", key.key(), "values", valueNames(key)));
        }
        return Optional.empty();
    }

    /** The values a message can use, as they are written in a template, e.g. {@code {{name}}}. */
    public static String valueNames(MessageKey key) {
        return key.params().stream().sorted().map(p -> "{{" + p + "}}").collect(Collectors.joining(", "));
    }
}
