package org.circlekeeper.core.template;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The neutral markup every template is written in and every adapter converts: {@code *bold*},
 * {@code _italic_}, {@code `code`}, {@code [label](https://link)}, a moment ({@link #time}) and
 * backslash escapes. Values a member typed are escaped with {@link #escape(String)} when a template is
 * rendered, so member text can never turn into formatting, links, moments or mentions on any platform,
 * nor, by its bidi controls or right-to-left letters, turn the bot's own words around it backwards.
 *
 * <p>A moment is written {@code [fallback](time:EPOCH:F)} (or {@code :R}): it starts with {@code [},
 * which {@link #escape(String)} always escapes, so member text can never open one. Only the core makes
 * them, with {@link #time}, which returns a {@link Time} rather than a string: the template renderer
 * passes a {@code Time} value through unescaped and escapes every other value, so a member who types
 * the same characters gets them shown literally.
 */
public final class Markup {

    private static final String SPECIAL = "\\*_`[]";
    private static final String FIRST_STRONG_ISOLATE = "\u2068";
    private static final String POP_DIRECTIONAL_ISOLATE = "\u2069";
    /** The target of a moment: {@code time:} and epoch seconds (at most 12 digits) and a style letter. */
    private static final Pattern TIME_TARGET = Pattern.compile("time:(-?\\d{1,12}):([FR])");
    /** A moment inside a styled run, whose label (escaped) holds no unescaped bracket. */
    private static final Pattern NESTED_TIME = Pattern.compile("\\[((?:\\\\.|[^\\\\\\]\\n])*)\\]\\(time:-?\\d{1,12}:[FR]\\)");

    private Markup() {
    }

    /** The styles a span of text can have. */
    public enum Style { PLAIN, BOLD, ITALIC, CODE, LINK, TIME }

    /**
     * How a moment is shown where the platform shows moments itself (Discord's {@code <t:…>}); elsewhere
     * its fallback text is shown.
     */
    public enum TimeStyle {
        /** Date and time in full, in each viewer's zone ("Tuesday, December 1, 2026 7:00 PM"). */
        FULL("F"),
        /** How far away it is ("in 2 hours"). */
        RELATIVE("R");

        private final String code;

        TimeStyle(String code) {
            this.code = code;
        }

        /** The letter that names the style in markup (and in Discord's timestamp syntax). */
        public String code() {
            return code;
        }

        static TimeStyle of(String code) {
            return code.equals("R") ? RELATIVE : FULL;
        }
    }

    /**
     * One run of text with one style; {@code url} is set for links only, {@code time} and
     * {@code timeStyle} for moments only (whose {@code text} is the fallback, already in the reader's zone).
     */
    public record Span(Style style, String text, String url, Instant time, TimeStyle timeStyle) {

        public Span {
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(text, "text");
            if ((style == Style.TIME) != (time != null && timeStyle != null)) {
                throw new IllegalArgumentException("a moment, and only a moment, has a time and a time style");
            }
        }

        /** A span that is not a moment. */
        public Span(Style style, String text, String url) {
            this(style, text, url, null, null);
        }

        static Span plain(String text) {
            return new Span(Style.PLAIN, text, null);
        }

        /** The moment in seconds since the epoch; only for {@link Style#TIME}. */
        public long epochSecond() {
            if (time == null) {
                throw new IllegalStateException("a " + style + " span is not a moment");
            }
            return time.getEpochSecond();
        }

        /** The same span with other text (a piece of it, when an adapter splits a long message). */
        public Span withText(String newText) {
            return new Span(style, newText, url, time, timeStyle);
        }
    }

    /**
     * A moment as markup, made by the core: Discord shows it in each viewer's own zone, other platforms
     * show {@code fallback}. Put it into a template as a value as it is (not as a string): the renderer
     * leaves a {@code Time} unescaped, and its {@link #toString()} is the markup.
     *
     * @param fallback the moment as text for one reader, with its zone, e.g. "Tuesday, December 1, 7:00 PM (Europe/Berlin)"
     */
    public static Time time(Instant instant, TimeStyle style, String fallback) {
        return new Time(instant, style, fallback);
    }

    /**
     * A moment made by {@link Markup#time}: a {@link CharSequence} of its own markup, so that the template
     * renderer can tell it from text a member typed and leave it unescaped.
     */
    public record Time(Instant instant, TimeStyle style, String fallback) implements CharSequence {

        public Time {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(style, "style");
            Objects.requireNonNull(fallback, "fallback");
            if (fallback.isBlank()) {
                throw new IllegalArgumentException("a moment needs a fallback text for platforms that cannot show it");
            }
            if (fallback.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a moment's fallback text is one line");
            }
        }

        /** The markup: {@code [fallback](time:EPOCH:F)}, the fallback escaped. */
        @Override
        public String toString() {
            return "[" + escape(fallback) + "](time:" + instant.getEpochSecond() + ":" + style.code() + ")";
        }

        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }
    }

    /**
     * Escapes text so that it renders literally, and keeps its direction to itself: bidi controls are
     * dropped and text holding right-to-left letters is isolated (see {@link #isolate(String)}), so a
     * member's name or note can never turn the bot's own words around it backwards.
     */
    public static String escape(String text) {
        String isolated = isolate(text);
        if (!PlainText.hasMarkupCharacter(isolated)) {
            return isolated;
        }
        StringBuilder out = new StringBuilder(isolated.length() + 8);
        for (int i = 0; i < isolated.length(); i++) {
            char c = isolated.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Member text made safe for the direction of the text around it: every bidi embedding, override
     * and isolate control (U+202A–U+202E, U+2066–U+2069) is dropped, and text that holds right-to-left
     * letters or Arabic digits is wrapped in a first-strong isolate (U+2068 … U+2069). Text with none is
     * returned as it is.
     */
    public static String isolate(String text) {
        if (PlainText.beforeRightToLeft(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 2);
        boolean rightToLeft = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isBidiControl(c)) {
                continue;
            }
            byte direction = Character.getDirectionality(c);
            rightToLeft |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || direction == Character.DIRECTIONALITY_ARABIC_NUMBER;
            out.appendCodePoint(c);
        }
        return rightToLeft ? FIRST_STRONG_ISOLATE + out + POP_DIRECTIONAL_ISOLATE : out.toString();
    }

    /**
     * A whole message with its bidi controls in order: embeddings and overrides (which the core never
     * writes) are dropped, and so is an isolate without its end or an end without its isolate, so
     * nothing a message holds can reorder the text after it. Every outgoing message passes here.
     */
    public static String balanceBidi(String markup) {
        if (PlainText.noBidiControl(markup)) {
            return markup;
        }
        StringBuilder out = new StringBuilder(markup);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        List<Integer> drop = new ArrayList<>();
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (c == '\n') {
                drop.addAll(open);
                open.clear();
            } else if (c >= '\u202A' && c <= '\u202E') {
                drop.add(i);
            } else if (c >= '\u2066' && c <= '\u2068') {
                open.push(i);
            } else if (c == '\u2069') {
                if (open.isEmpty()) {
                    drop.add(i);
                } else {
                    open.pop();
                }
            }
        }
        drop.addAll(open);
        drop.sort(Comparator.reverseOrder());
        drop.forEach(out::deleteCharAt);
        return out.toString();
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * The text with all markup removed and escapes resolved; links keep their address in brackets and
     * moments show their fallback text.
     */
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
                    spans.add(new Span(style, unescape(timesAsFallback(markup.substring(i + 1, close))), null));
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
                        Matcher time = TIME_TARGET.matcher(markup.substring(labelEnd + 2, urlEnd));
                        if (time.matches()) {
                            flush(spans, plain);
                            spans.add(new Span(Style.TIME, unescape(markup.substring(i + 1, labelEnd)), null,
                                    Instant.ofEpochSecond(Long.parseLong(time.group(1))), TimeStyle.of(time.group(2))));
                            i = urlEnd + 1;
                            continue;
                        }
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

    /**
     * A styled run holds no other markup, so a moment inside one ({@code *{{start}}*}) shows as its
     * fallback text, in that style, rather than as its raw syntax.
     */
    private static String timesAsFallback(String styled) {
        if (styled.indexOf("](time:") < 0) {
            return styled;
        }
        return NESTED_TIME.matcher(styled).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
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
