package org.circlekeeper.telegram;

import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.template.Markup;

/**
 * Turns the core's neutral markup into Telegram HTML ({@code parse_mode=HTML}) and splits long texts
 * into messages Telegram accepts. Every character of text is escaped ({@code &}, {@code <}, {@code >}),
 * so member text that the core escaped into the markup reaches members as typed and never as tags.
 * Lengths count what the member sees (Telegram's limits apply after the tags are parsed). Telegram
 * cannot show a moment in each reader's zone, so a moment shows its fallback text (already in the
 * reader's zone, with the zone named).
 */
public final class TelegramHtml {

    /** Telegram's limit for one message's text. */
    public static final int MESSAGE_LIMIT = 4_096;
    /** Telegram's limit for a photo's or document's caption. */
    public static final int CAPTION_LIMIT = 1_024;

    private TelegramHtml() {
    }

    /** The markup as one piece of Telegram HTML, whatever its length. */
    public static String render(String markup) {
        return render(Markup.parse(markup));
    }

    /**
     * The markup as Telegram HTML messages of at most {@code limit} visible characters each, split at
     * paragraph boundaries (an empty line), else at a line break, else at a space, and only as a last
     * resort inside a word. Formatting is closed and reopened across a split.
     */
    public static List<String> split(String markup, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a message holds at least one character");
        }
        List<Markup.Span> spans = Markup.parse(markup);
        String visible = visibleText(spans);
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start < visible.length()) {
            start = skipWhitespace(visible, start);
            if (start >= visible.length()) {
                break;
            }
            int end = visible.length() - start <= limit ? visible.length() : splitPoint(visible, start, start + limit);
            int trimmedEnd = end;
            while (trimmedEnd > start && Character.isWhitespace(visible.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            if (trimmedEnd > start) {
                parts.add(render(slice(spans, start, trimmedEnd)));
            }
            start = end;
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return List.copyOf(parts);
    }

    /** Escapes text for Telegram HTML: {@code &}, {@code <}, {@code >} (and {@code "} for attributes). */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The text a member sees, without markup (for lengths and previews). */
    public static String visibleText(String markup) {
        return visibleText(Markup.parse(markup));
    }

    private static String render(List<Markup.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : spans) {
            String text = escape(span.text());
            switch (span.style()) {
                case PLAIN -> out.append(text);
                case BOLD -> out.append("<b>").append(text).append("</b>");
                case ITALIC -> out.append("<i>").append(text).append("</i>");
                case CODE -> out.append("<code>").append(text).append("</code>");
                case LINK -> out.append("<a href=\"").append(escape(span.url())).append("\">").append(text).append("</a>");
                case TIME -> out.append(text);
                default -> throw new IllegalStateException("unhandled markup style " + span.style());
            }
        }
        return out.toString();
    }

    private static String visibleText(List<Markup.Span> spans) {
        StringBuilder out = new StringBuilder();
        spans.forEach(span -> out.append(span.text()));
        return out.toString();
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The best place to end a part that starts at {@code start} and may not pass {@code max}. */
    private static int splitPoint(String text, int start, int max) {
        int paragraph = text.lastIndexOf("\n\n", max - 1);
        if (paragraph > start) {
            return paragraph;
        }
        int line = text.lastIndexOf('\n', max - 1);
        if (line > start) {
            return line;
        }
        for (int i = max - 1; i > start; i--) {
            if (text.charAt(i) == ' ') {
                return i;
            }
        }
        // no space at all: cut inside the word, but never between the halves of a surrogate pair
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }

    /** The spans that cover visible characters {@code [from, to)}, cut where the range cuts them. */
    private static List<Markup.Span> slice(List<Markup.Span> spans, int from, int to) {
        List<Markup.Span> out = new ArrayList<>();
        int position = 0;
        for (Markup.Span span : spans) {
            int spanStart = position;
            int spanEnd = position + span.text().length();
            position = spanEnd;
            int a = Math.max(spanStart, from);
            int b = Math.min(spanEnd, to);
            if (a < b) {
                out.add(span.withText(span.text().substring(a - spanStart, b - spanStart)));
            }
        }
        return out;
    }
}
