package org.circlekeeper.core.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.community.Wordings;
import org.circlekeeper.core.ref.MessageKey;

/**
 * The wording page as the core serves it to the web adapter (which reads no feature's package): the community's texts
 * by topic, one text in every language, and a draft's check and preview, all from the same {@link Wordings} as
 * {@code /wording}. Saving is no business of this class: the page sends {@code /wording set} through the engine.
 */
public final class WordingPage {

    /** The longest wording, in characters, as {@code /wording set} takes it. */
    public static final int MAX_LENGTH = Wordings.MAX_LENGTH;

    private final Wordings wordings;

    WordingPage(Wordings wordings) {
        this.wordings = Objects.requireNonNull(wordings, "wordings");
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

    /** One text: its key, the languages the community has its own wording of it in, its wording in the reader's. */
    public record Entry(String key, List<Locale> changedIn, String current) {
        public Entry {
            Objects.requireNonNull(key, "key");
            changedIn = List.copyOf(changedIn);
            Objects.requireNonNull(current, "current");
        }
    }

    /** One text in one language: its standard wording, the community's own, and what members read (sample values, markup). */
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

    /**
     * A draft as members would read it (markup with sample values), or why chat would refuse it (its reply).
     *
     * @param refused true when {@code text} is the reason it does not fit
     */
    public record Preview(boolean refused, String text) {
        public Preview {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Every text organisers may change, by topic, for the session's community, each with its wording in the reader's language. */
    public List<Topic> topics(WebSession session, PageTexts texts) {
        return wordings.topics(session.signIn().community(), texts.locale()).stream()
                .map(t -> new Topic(t.label(), t.entries().stream().map(e -> new Entry(e.key(), e.changedIn(), e.current())).toList()))
                .toList();
    }

    /** The message called {@code name}, when the bot has one. */
    public Optional<MessageKey> key(String name) {
        return wordings.key(name);
    }

    /** The text in every language the bot speaks, for the session's community. */
    public List<Version> versions(WebSession session, MessageKey key) {
        return wordings.versions(session.signIn().community(), key).stream()
                .map(v -> new Version(v.locale(), v.standard(), v.custom(), v.preview())).toList();
    }

    /** A draft in the reader's language, checked as {@code /wording set} checks it and shown with sample values; nothing is saved. */
    public Preview preview(PageTexts texts, MessageKey key, String draft) {
        Wordings.Preview preview = wordings.preview(texts, key, draft);
        if (preview instanceof Wordings.Preview.Refused refused) {
            return new Preview(true, refused.why());
        }
        return new Preview(false, ((Wordings.Preview.Shown) preview).markup());
    }

    /** The values a message can use, as written in a template, e.g. {@code {{name}}}. */
    public static String valueNames(MessageKey key) {
        return Wordings.valueNames(key);
    }
}
