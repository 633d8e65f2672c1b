package org.circlekeeper.core.resource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.circlekeeper.core.engine.Turn;

/**
 * Checks what an organiser typed for a community's own entry (a title, a summary, a link or phone number, tags): each
 * check gives the cleaned value, or tells the organiser kindly what is wrong and gives nothing.
 */
final class EntryInput {

    static final int TITLE_MIN = 3;
    static final int TITLE_MAX = 80;
    static final int SUMMARY_MIN = 10;
    static final int SUMMARY_MAX = 300;
    static final int DETAILS_MAX = 800;
    static final int TAGS_MAX = 8;
    static final int TAG_MAX_CHARS = 30;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s()\\[\\]<>\"]{3,300}");
    private static final Pattern PHONE = Pattern.compile("[+*]?[0-9][0-9 ().-]{1,24}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private EntryInput() {
    }

    /** A link or a phone number, either may be absent. */
    record Contact(String link, String phone) {
    }

    static Optional<String> title(Turn turn, String raw) {
        String title = SPACES.matcher(raw).replaceAll(" ").strip();
        int length = title.codePointCount(0, title.length());
        if (length < TITLE_MIN || length > TITLE_MAX) {
            turn.replyPrivately(ResourceMessages.BAD_TITLE, "min", TITLE_MIN, "max", TITLE_MAX);
            return Optional.empty();
        }
        return Optional.of(title);
    }

    static Optional<String> summary(Turn turn, String raw) {
        String summary = SPACES.matcher(raw).replaceAll(" ").strip();
        int length = summary.codePointCount(0, summary.length());
        if (length < SUMMARY_MIN || length > SUMMARY_MAX) {
            turn.replyPrivately(ResourceMessages.BAD_SUMMARY, "min", SUMMARY_MIN, "max", SUMMARY_MAX);
            return Optional.empty();
        }
        return Optional.of(summary);
    }

    static Optional<Contact> contact(Turn turn, String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            return Optional.of(new Contact(null, null));
        }
        if (LINK.matcher(value).matches()) {
            return Optional.of(new Contact(value, null));
        }
        if (PHONE.matcher(value).matches()) {
            return Optional.of(new Contact(null, value));
        }
        turn.replyPrivately(ResourceMessages.BAD_CONTACT, "given", ResourceFeature.shorten(value, 60));
        return Optional.empty();
    }

    static Optional<List<String>> tags(Turn turn, String raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw.split(",")) {
            String clean = SPACES.matcher(tag).replaceAll(" ").strip().toLowerCase(turn.locale());
            if (!clean.isEmpty()) {
                tags.add(clean);
            }
        }
        if (tags.size() > TAGS_MAX || tags.stream().anyMatch(t -> t.codePointCount(0, t.length()) > TAG_MAX_CHARS)) {
            turn.replyPrivately(ResourceMessages.BAD_TAGS, "max", TAGS_MAX, "maxLength", TAG_MAX_CHARS);
            return Optional.empty();
        }
        return Optional.of(List.copyOf(tags));
    }
}
