package org.circlekeeper.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.template.Markup;

/**
 * Turns the core's neutral markup into Discord markdown and cuts it into messages of at most
 * {@value #LIMIT} characters. All plain text is escaped, so what a member typed (a circle named
 * {@code **@everyone**}) shows literally and can never become formatting, a masked link or a mention
 * tag; links keep only the schemes Discord makes clickable. A moment becomes a Discord timestamp
 * ({@code <t:EPOCH:F>} or {@code <t:EPOCH:R>}), which each viewer sees in their own time zone.
 */
public final class DiscordMarkdown {

    /** Discord's limit for a message's content. */
    public static final int LIMIT = 2000;

    /** Characters that are markdown (or mention syntax) anywhere in a Discord message. */
    private static final String ALWAYS = "\\*_~`|<>[]()@";
    /** Characters that are markdown only at the start of a line (headings, quotes, lists). */
    private static final String LINE_START = "#-+";
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>()\\[\\]]+");
    private static final Pattern TOKENS = Pattern.compile("\\n|[ \\t\\x0B\\f\\r]+|[^\\s]+");
    /** A styled run longer than this is cut into several, each with its own markers. */
    private static final int STYLED_PART = 900;

    private DiscordMarkdown() {
    }

    /** The markup as one Discord markdown string (it may be longer than a message). */
    public static String render(String markup) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces(markup)) {
            out.append(piece);
        }
        return out.toString();
    }

    /**
     * The markup as Discord messages of at most {@value #LIMIT} characters each, cut between lines
     * where possible, else between words; a styled run is never cut in the middle of its markers.
     */
    public static List<String> split(String markup) {
        return pack(pieces(markup), LIMIT);
    }

    /** Escapes text so that Discord shows it literally. */
    public static String escape(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean atLineStart) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        boolean lineStart = atLineStart;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS.indexOf(c) >= 0 || (lineStart && (LINE_START.indexOf(c) >= 0 || isOrderedListDot(text, i)))) {
                out.append('\\');
            }
            out.append(c);
            if (c == '\n') {
                lineStart = true;
            } else if (!Character.isWhitespace(c) && !Character.isDigit(c)) {
                lineStart = false;
            }
        }
        return out.toString();
    }

    /** A dot right after the digits that start a line ({@code 1. }) makes an ordered list. */
    private static boolean isOrderedListDot(String text, int i) {
        if (text.charAt(i) != '.' || i == 0 || !Character.isDigit(text.charAt(i - 1))) {
            return false;
        }
        return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }

    /**
     * The rendered message as pieces that may be cut between: line breaks, runs of spaces, words
     * and whole styled runs.
     */
    private static List<String> pieces(String markup) {
        List<String> pieces = new ArrayList<>();
        boolean lineStart = true;
        for (Markup.Span span : Markup.parse(markup)) {
            switch (span.style()) {
                case PLAIN -> {
                    Matcher tokens = TOKENS.matcher(span.text());
                    while (tokens.find()) {
                        String token = tokens.group();
                        if (token.equals("\n")) {
                            pieces.add("\n");
                            lineStart = true;
                        } else if (token.isBlank()) {
                            pieces.add(token);
                        } else {
                            plainWord(token, lineStart, pieces);
                            lineStart = false;
                        }
                    }
                }
                case BOLD -> {
                    styled("**", span.text(), pieces);
                    lineStart = false;
                }
                case ITALIC -> {
                    styled("*", span.text(), pieces);
                    lineStart = false;
                }
                case CODE -> {
                    code(span.text(), pieces);
                    lineStart = false;
                }
                case LINK -> {
                    pieces.add(link(span.text(), span.url()));
                    lineStart = false;
                }
                case TIME -> {
                    pieces.add(timestamp(span));
                    lineStart = false;
                }
                default -> throw new IllegalStateException("unhandled markup style " + span.style());
            }
        }
        return pieces;
    }

    /** A word of plain text; a web address inside stays as it is so that Discord links it. */
    private static void plainWord(String word, boolean lineStart, List<String> pieces) {
        StringBuilder out = new StringBuilder();
        Matcher url = URL.matcher(word);
        int at = 0;
        boolean start = lineStart;
        while (url.find()) {
            out.append(escape(word.substring(at, url.start()), start && url.start() == 0));
            out.append(url.group());
            at = url.end();
            start = false;
        }
        out.append(escape(word.substring(at), start && at == 0));
        String rendered = out.toString();
        if (rendered.length() <= LIMIT) {
            pieces.add(rendered);
            return;
        }
        for (int from = 0; from < word.length(); from += STYLED_PART) {
            pieces.add(escape(word.substring(from, Math.min(word.length(), from + STYLED_PART)), false));
        }
    }

    private static void styled(String marker, String text, List<String> pieces) {
        for (String part : parts(text)) {
            pieces.add(marker + escape(part, false) + marker);
        }
    }

    /** Code shows its text raw; a backtick inside needs a longer fence. */
    private static void code(String text, List<String> pieces) {
        for (String part : parts(text)) {
            String fence = part.contains("`") ? "``" : "`";
            String padded = part.startsWith("`") || part.endsWith("`") ? " " + part + " " : part;
            pieces.add(fence + padded.replace("``", "`\u200b`") + fence);
        }
    }

    /**
     * A masked link for web addresses; other schemes (tel:, mailto:) are not clickable in a masked
     * link on Discord, so the address is shown after the label instead.
     */
    private static String link(String label, String url) {
        if (url.startsWith("https://") || url.startsWith("http://")) {
            String target = url.replace(")", "%29").replace(" ", "%20");
            if (label.equals(url)) {
                return target;
            }
            return "[" + escape(label, false) + "](" + target + ")";
        }
        String address = url.substring(url.indexOf(':') + 1);
        if (label.equals(address) || label.equals(url)) {
            return escape(address, false);
        }
        return escape(label, false) + " (" + escape(address, false) + ")";
    }

    /** Discord's own timestamp markup: the client shows it in the viewer's zone and language. */
    static String timestamp(Markup.Span moment) {
        return "<t:" + moment.epochSecond() + ":" + moment.timeStyle().code() + ">";
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int end = Math.min(text.length(), from + STYLED_PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(from, end));
            from = end;
        }
        if (parts.isEmpty()) {
            parts.add(text);
        }
        return parts;
    }

    /** Packs pieces into messages, preferring to cut after the last line break of a full message. */
    static List<String> pack(List<String> pieces, int limit) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lastBreak = -1;
        for (String piece : pieces) {
            if (current.length() + piece.length() > limit && lastBreak > limit / 2) {
                String rest = stripLeading(current.substring(lastBreak));
                emit(messages, current.substring(0, lastBreak));
                current.setLength(0);
                current.append(rest);
                lastBreak = -1;
            }
            if (current.length() + piece.length() > limit) {
                emit(messages, current.toString());
                current.setLength(0);
                lastBreak = -1;
            }
            if (current.length() == 0 && piece.isBlank()) {
                continue;
            }
            current.append(piece);
            if (piece.equals("\n")) {
                lastBreak = current.length();
            }
        }
        emit(messages, current.toString());
        return messages;
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static void emit(List<String> messages, String text) {
        String trimmed = text.stripTrailing();
        if (!trimmed.isEmpty()) {
            messages.add(trimmed);
        }
    }
}
