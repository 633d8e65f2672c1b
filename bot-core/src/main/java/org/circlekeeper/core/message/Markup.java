package org.circlekeeper.core.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The neutral markup every template is written in and every adapter converts: {@code *bold*},
 * {@code _italic_}, {@code `code`}, {@code [label](https://link)} and backslash escapes. Values a
 * member typed are escaped with {@link #escape(String)} when a template is rendered, so member text
 * can never turn into formatting, links or mentions on any platform.
 */
public final class Markup {

    private static final String SPECIAL = "\\*_`[]";

    private Markup() {
    }

    /** The styles a span of text can have. */
    public enum Style { PLAIN, BOLD, ITALIC, CODE, LINK }

    /** One run of text with one style; {@code url} is set for links only. */
    public record Span(Style style, String text, String url) {
        static Span plain(String text) {
            return new Span(Style.PLAIN, text, null);
        }
    }

    /** Escapes text so that it renders literally. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The text with all markup removed and escapes resolved; links keep their address in brackets. */
    public static String plain(String markup) {
        StringBuilder out = new StringBuilder(markup.length());
        for (Span span : parse(markup)) {
            out.append(span.text());
            if (span.style() == Style.LINK && !span.text().equals(span.url())) {
                out.append(" (").append(span.url()).append(')');
            }
        }
        return out.toString();
    }

    /**
     * Splits markup into spans. An opening marker with no closing marker on the same line is kept
     * as literal text, so a stray asterisk never swallows the rest of a message.
     */
    public static List<Span> parse(String markup) {
        List<Span> spans = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        int n = markup.length();
        while (i < n) {
            char c = markup.charAt(i);
            if (c == '\\' && i + 1 < n && SPECIAL.indexOf(markup.charAt(i + 1)) >= 0) {
                plain.append(markup.charAt(i + 1));
                i += 2;
                continue;
            }
            Style style = switch (c) {
                case '*' -> Style.BOLD;
                case '_' -> Style.ITALIC;
                case '`' -> Style.CODE;
                default -> null;
            };
            if (style != null) {
                int close = findClosing(markup, i + 1, c);
                if (close > i + 1) {
                    flush(spans, plain);
                    spans.add(new Span(style, unescape(markup.substring(i + 1, close)), null));
                    i = close + 1;
                    continue;
                }
            }
            if (c == '[') {
                int labelEnd = findClosing(markup, i + 1, ']');
                if (labelEnd > i + 1 && labelEnd + 1 < n && markup.charAt(labelEnd + 1) == '(') {
                    int urlEnd = markup.indexOf(')', labelEnd + 2);
                    int lineEnd = markup.indexOf('\n', labelEnd);
                    if (urlEnd > labelEnd + 2 && (lineEnd < 0 || urlEnd < lineEnd)) {
                        String url = markup.substring(labelEnd + 2, urlEnd).trim();
                        if (isSafeUrl(url)) {
                            flush(spans, plain);
                            spans.add(new Span(Style.LINK, unescape(markup.substring(i + 1, labelEnd)), url));
                            i = urlEnd + 1;
                            continue;
                        }
                    }
                }
            }
            plain.append(c);
            i++;
        }
        flush(spans, plain);
        return spans;
    }

    private static boolean isSafeUrl(String url) {
        return url.startsWith("https://") || url.startsWith("http://") || url.startsWith("tel:")
                || url.startsWith("mailto:");
    }

    private static int findClosing(String s, int from, char marker) {
        for (int j = from; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                j++;
                continue;
            }
            if (c == marker) {
                return j;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && SPECIAL.indexOf(s.charAt(i + 1)) >= 0) {
                out.append(s.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void flush(List<Span> spans, StringBuilder plain) {
        if (plain.length() > 0) {
            spans.add(Span.plain(plain.toString()));
            plain.setLength(0);
        }
    }
}
