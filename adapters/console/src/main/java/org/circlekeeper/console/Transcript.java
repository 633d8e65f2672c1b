package org.circlekeeper.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Markup;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What the console has shown so far: message ids, where each message appeared, and the numbered
 * buttons. The session's replies and the messenger's own messages share it, so button numbers
 * increase across both and {@code :click N} finds any of them. Thread-safe.
 */
final class Transcript {

    /** The prefix of a direct chat's channel id: {@code dm:alice}. */
    static final String DM_PREFIX = "dm:";

    /**
     * Where a message appears: its channel, the one member who can see it there (a direct chat's
     * owner, or the person a private reply in a group is for; null when everyone there can), and
     * the label printed in brackets.
     */
    record Where(ChannelRef channel, MemberRef onlyFor, String label) {

        Where {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(label, "label");
        }

        /** A group channel, seen by everyone in it. */
        static Where group(ChannelRef channel) {
            return new Where(channel, null, channel.channelId());
        }

        /** A group channel where only this member sees the message. */
        static Where groupOnlyFor(ChannelRef channel, MemberRef member) {
            return new Where(channel, member, channel.channelId() + " → only " + member.userId());
        }

        /** A member's direct chat with the bot. */
        static Where direct(MemberRef member) {
            return new Where(dm(member), member, "dm " + member.userId());
        }

        /** A direct channel known only by its id: {@code dm:alice} belongs to alice. */
        static Where directChannel(ChannelRef channel) {
            String id = channel.channelId();
            if (id.startsWith(DM_PREFIX) && id.length() > DM_PREFIX.length()) {
                String user = id.substring(DM_PREFIX.length());
                return new Where(channel, new MemberRef(channel.platform(), user, user), "dm " + user);
            }
            return new Where(channel, null, "dm " + id);
        }
    }

    /** A button shown under a message, by its session-wide number. */
    record ShownButton(int number, Button button, String messageId, Where where) {
    }

    private final Map<String, Where> messages = new HashMap<>();
    private final List<ShownButton> buttons = new ArrayList<>();
    private long lastMessageId;
    private volatile ConsoleMessenger.Rendering rendering = ConsoleMessenger.Rendering.PLAIN;

    /** The direct channel between the bot and a member on the console. */
    static ChannelRef dm(MemberRef member) {
        return new ChannelRef(Platform.CONSOLE, DM_PREFIX + member.userId(), ChannelRef.Kind.DIRECT);
    }

    void rendering(ConsoleMessenger.Rendering newRendering) {
        this.rendering = Objects.requireNonNull(newRendering, "rendering");
    }

    /** Formats a new message, numbering its buttons; returns its id and its lines. */
    synchronized Shown showNew(Where where, OutgoingMessage message) {
        String id = Long.toString(++lastMessageId);
        return new Shown(id, show(where, id, message, false));
    }

    /** Formats the replacement of an earlier message, which keeps its id and place. */
    synchronized List<String> showEdit(String messageId, Where where, OutgoingMessage message) {
        return show(where, messageId, message, true);
    }

    /** Where an earlier message appeared, if this console showed it. */
    synchronized Optional<Where> whereOf(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    synchronized Optional<ShownButton> button(int number) {
        return number >= 1 && number <= buttons.size() ? Optional.of(buttons.get(number - 1)) : Optional.empty();
    }

    synchronized int buttonsShown() {
        return buttons.size();
    }

    /** A message's id and the lines that print it. */
    record Shown(String messageId, List<String> lines) {
    }

    private List<String> show(Where where, String messageId, OutgoingMessage message, boolean edit) {
        messages.put(messageId, where);
        List<String> out = new ArrayList<>();
        List<String> text = textLines(message.markup());
        String head = "[" + where.label() + "] bot" + (edit ? " (edit)" : "") + ": ";
        out.add((head + text.get(0)).stripTrailing());
        text.subList(1, text.size()).forEach(line -> out.add(indent("  ", line)));
        Attachment attachment = message.attachment();
        if (attachment != null) {
            byte[] content = attachment.content();
            out.add("  (file " + attachment.fileName() + ", " + attachment.mediaType() + ", " + content.length + " bytes)");
            if (attachment.isText()) {
                new String(content, StandardCharsets.UTF_8).lines().forEach(line -> out.add(indent("    ", line)));
            }
        }
        for (List<Button> row : message.buttonRows()) {
            out.add("  " + row.stream().map(button -> {
                ShownButton shown = new ShownButton(buttons.size() + 1, button, messageId, where);
                buttons.add(shown);
                return "[" + shown.number() + "] " + button.label();
            }).collect(Collectors.joining("   ")));
        }
        return out;
    }

    /**
     * The message text line by line (trailing empty lines dropped); markup never spans a line, so
     * each line renders on its own.
     */
    private List<String> textLines(String markup) {
        List<String> lines = new ArrayList<>();
        for (String line : markup.split("\\R")) {
            lines.add(rendering == ConsoleMessenger.Rendering.ANSI ? ansi(line) : Markup.plain(line));
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    private static String ansi(String markupLine) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (Markup.Span span : Markup.parse(markupLine)) {
            switch (span.style()) {
                case BOLD -> out.styled(AttributedStyle.BOLD, span.text());
                case ITALIC -> out.styled(AttributedStyle.DEFAULT.italic(), span.text());
                case CODE -> out.styled(AttributedStyle.DEFAULT.faint(), span.text());
                case LINK -> {
                    out.styled(AttributedStyle.DEFAULT.underline(), span.text());
                    if (!span.text().equals(span.url())) {
                        out.append(" (").append(span.url()).append(')');
                    }
                }
                default -> out.append(span.text());
            }
        }
        AttributedString rendered = out.toAttributedString();
        return rendered.toAnsi();
    }

    /** Indents a line; an empty line stays empty so that no line ends in spaces. */
    private static String indent(String indent, String line) {
        return line.isBlank() ? "" : indent + line.stripTrailing();
    }
}
