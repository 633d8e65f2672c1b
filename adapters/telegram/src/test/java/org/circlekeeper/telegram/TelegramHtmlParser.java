package org.circlekeeper.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * How the Bot API server reads {@code parse_mode=HTML} (Bot API, "Formatting options", HTML style), for the fake: only
 * the listed tags, properly nested; only the entities {@code &lt; &gt; &amp; &quot;} and numeric ones; every other
 * {@code <} or {@code &} is an error ("can't parse entities"). The length Telegram limits is that of the text left once
 * tags are removed and entities replaced, in UTF-16 code units.
 */
final class TelegramHtmlParser {

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
            "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote");

    private TelegramHtmlParser() {
    }

    /** The visible length of the HTML; throws {@link IllegalArgumentException} (with Telegram's kind of message) when it cannot be parsed. */
    static int visibleLength(String html) {
        return visibleText(html).length();
    }

    /** The text a member sees. */
    static String visibleText(String html) {
        StringBuilder out = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end).strip();
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
                    if (open.isEmpty() || !open.peek().equals(name)) {
                        throw new IllegalArgumentException("unmatched end tag at byte offset " + i + ", expected \"</"
                                + (open.isEmpty() ? "" : open.peek()) + ">\", found \"</" + name + ">\"");
                    }
                    open.pop();
                } else {
                    String name = tag.split("[\\s]", 2)[0].toLowerCase(Locale.ROOT);
                    if (!TAGS.contains(name)) {
                        throw new IllegalArgumentException("unsupported start tag \"" + name + "\" at byte offset " + i);
                    }
                    if (name.equals("a") && !tag.matches("(?s)a\\s+href=\"[^\"]*\"")) {
                        throw new IllegalArgumentException("a link needs its href at byte offset " + i);
                    }
                    open.push(name);
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end < 0 || end - i > 10) {
                    throw new IllegalArgumentException("character entity expected at byte offset " + i);
                }
                String entity = html.substring(i + 1, end);
                switch (entity) {
                    case "lt" -> out.append('<');
                    case "gt" -> out.append('>');
                    case "amp" -> out.append('&');
                    case "quot" -> out.append('"');
                    default -> {
                        if (!entity.matches("#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}")) {
                            throw new IllegalArgumentException("unsupported entity \"&" + entity + ";\" at byte offset " + i);
                        }
                        int code = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1));
                        out.appendCodePoint(code);
                    }
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return out.toString();
    }
}
