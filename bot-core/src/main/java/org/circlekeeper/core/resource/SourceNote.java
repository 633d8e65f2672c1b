package org.circlekeeper.core.resource;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/**
 * Where a shipped entry was checked, in the reader's language. The data files write it in one of a
 * few forms ({@code Written for circlekeeper}, {@code The publishers' catalogues},
 * {@code <name> website}, {@code <name>, publication page}); each form has a message per locale, and
 * the name (a publisher's or a service's) stays as it is.
 */
final class SourceNote {

    /** Every key this class declares, collected as declared; their texts are in {@code resources.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("resources");

    static final MessageKey WRITTEN_HERE = KEYS.key("resources.source.written-here");
    static final MessageKey PUBLISHERS = KEYS.key("resources.source.publishers");
    static final MessageKey WEBSITE = KEYS.key("resources.source.website", "name");
    static final MessageKey PUBLICATION = KEYS.key("resources.source.publication", "name");

    private static final Pattern WEBSITE_FORM = Pattern.compile("(.+) website");
    private static final Pattern PUBLICATION_FORM = Pattern.compile("(.+), publication page");

    /** A message and its name value. */
    record Note(MessageKey key, Object[] values) {
    }

    private SourceNote() {
    }

    /** The message for a source written in one of the known forms; empty for any other text. */
    static Optional<Note> of(String source) {
        String text = source.strip();
        if (text.equals("Written for circlekeeper")) {
            return Optional.of(new Note(WRITTEN_HERE, new Object[0]));
        }
        if (text.equals("The publishers' catalogues")) {
            return Optional.of(new Note(PUBLISHERS, new Object[0]));
        }
        Matcher website = WEBSITE_FORM.matcher(text);
        if (website.matches()) {
            return Optional.of(new Note(WEBSITE, new Object[] {"name", website.group(1)}));
        }
        Matcher publication = PUBLICATION_FORM.matcher(text);
        if (publication.matches()) {
            return Optional.of(new Note(PUBLICATION, new Object[] {"name", publication.group(1)}));
        }
        return Optional.empty();
    }
}
