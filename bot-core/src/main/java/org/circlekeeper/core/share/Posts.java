package org.circlekeeper.core.share;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.circle.ScheduledCircle;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Speech;

/**
 * What the channel sees of a session: a step's message with its board (who is here, who waits) and buttons, the
 * talking piece's message, and the closing with when the group meets next (from the circles feature).
 */
final class Posts {

    private final ScheduledCircles circles;
    private final Clock clock;

    Posts(ScheduledCircles circles, Clock clock) {
        this.circles = circles;
        this.clock = clock;
    }

    /**
     * A message for the session before it is sent.
     *
     * @param boardOfStep the step whose board this message is (its id is kept for edits), or -1
     */
    record Post(String text, List<List<Button>> rows, int boardOfStep) {

        static Post text(String text) {
            return new Post(text, List.of(), -1);
        }

        /** Only text: it can go out together with the message after it. */
        boolean plain() {
            return rows.isEmpty() && boardOfStep < 0;
        }

        OutgoingMessage message() {
            OutgoingMessage.Builder builder = OutgoingMessage.text(text);
            for (List<Button> row : rows) {
                row.forEach(builder::button);
                builder.row();
            }
            return builder.build();
        }
    }

    /**
     * Puts plain texts in front of the next message, so one change makes as few messages as it can; a board stays
     * a message of its own (it is edited as people join and raise hands), so texts before it go out on their own.
     */
    static List<Post> merge(List<Post> posts) {
        List<Post> merged = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Post post : posts) {
            if (post.plain()) {
                append(pending, post.text());
                continue;
            }
            if (pending.length() > 0 && post.boardOfStep() >= 0) {
                merged.add(Post.text(pending.toString()));
                pending.setLength(0);
            } else if (pending.length() > 0) {
                append(pending, post.text());
                post = new Post(pending.toString(), post.rows(), post.boardOfStep());
                pending.setLength(0);
            }
            merged.add(post);
        }
        if (pending.length() > 0) {
            merged.add(Post.text(pending.toString()));
        }
        return merged;
    }

    private static void append(StringBuilder text, String more) {
        if (text.length() > 0) {
            text.append("\n\n");
        }
        text.append(more);
    }

    /** A step's messages: its text from the format and, but for the closing, its board. */
    List<Post> step(Speech words, ShareFormat format, ShareSession session, ShareRoom room, ShareSettings settings) {
        ShareFormat.Step step = format.step(session.step());
        switch (step.kind()) {
            case OPENING:
                return List.of(Post.text(words.text(step.text(), "chair", session.chair() == null ? "" : session.chair().name(),
                        "agreements", words.text(ShareMessages.AGREEMENTS))), board(words, format, session, settings));
            case CLOSING:
                Optional<NextMeeting> next = nextMeeting(room, words);
                return List.of(Post.text(words.text(step.text(), "next", next.map(NextMeeting::when).orElse(""),
                        "circle", next.map(NextMeeting::name).orElse(""))));
            default:
                return List.of(Post.text(words.text(step.text())), board(words, format, session, settings));
        }
    }

    /** The board of the current step: who is here or who waits, with the step's buttons. */
    Post board(Speech words, ShareFormat format, ShareSession session, ShareSettings settings) {
        return new Post(boardText(words, format, session, settings), stepButtons(words, format, session, settings), session.step());
    }

    /** Who is here (opening and rounds), or who holds the piece and who waits (open sharing). */
    String boardText(Speech words, ShareFormat format, ShareSession session, ShareSettings settings) {
        List<String> lines = new ArrayList<>();
        if (format.step(session.step()).kind() == ShareFormat.Kind.OPEN) {
            if (session.speaker() != null) {
                lines.add(words.text(ShareMessages.BOARD_SPEAKER, "name", session.speaker().name()));
            }
            if (session.queue().isEmpty()) {
                lines.add(words.text(ShareMessages.BOARD_QUEUE_EMPTY));
            } else {
                List<String> waiting = new ArrayList<>();
                for (int i = 0; i < session.queue().size(); i++) {
                    waiting.add((i + 1) + ". " + label(words, session.queue().get(i)));
                }
                lines.add(words.text(ShareMessages.BOARD_QUEUE, "queue", String.join("  ", waiting)));
            }
            if (settings.anonymous()) {
                lines.add(words.text(ShareMessages.BOARD_ANONYMOUS));
            }
        } else if (session.present().isEmpty()) {
            lines.add(words.text(ShareMessages.BOARD_NOBODY));
        } else {
            lines.add(words.text(ShareMessages.BOARD_PRESENT, "names", names(words, session.present())));
        }
        if (session.onPause()) {
            lines.add(words.text(ShareMessages.BOARD_PAUSED));
        }
        return String.join("\n", lines);
    }

    private static List<List<Button>> stepButtons(Speech words, ShareFormat format, ShareSession session, ShareSettings settings) {
        String sessionId = session.id();
        List<List<Button>> rows = new ArrayList<>();
        if (format.step(session.step()).kind() == ShareFormat.Kind.OPEN) {
            rows.add(List.of(button(words, ShareMessages.BUTTON_RAISE, Actions.RAISE, sessionId, Button.Style.PRIMARY),
                    button(words, ShareMessages.BUTTON_LOWER, Actions.LOWER, sessionId, Button.Style.SECONDARY),
                    button(words, ShareMessages.BUTTON_PLACE, Actions.PLACE, sessionId, Button.Style.SECONDARY)));
            if (settings.anonymous()) {
                rows.add(List.of(button(words, ShareMessages.BUTTON_ANON, Actions.ANON, sessionId, Button.Style.SECONDARY)));
            }
        }
        rows.add(List.of(button(words, ShareMessages.BUTTON_JOIN, Actions.JOIN, sessionId, Button.Style.PRIMARY),
                button(words, ShareMessages.BUTTON_NEXT_STEP, Actions.STEP, sessionId + ":" + session.step(), Button.Style.SECONDARY)));
        return rows;
    }

    /** The talking piece's message: the holder's Done and Pass, the others' support, the chair's call. */
    Post piece(Speech words, ShareFormat format, ShareSession session, Person speaker) {
        ShareFormat.Step step = format.step(session.step());
        String minutes = step.turnLimit() == null ? "" : Long.toString(step.turnLimit().toMinutes());
        String turn = session.id() + ":" + session.turn();
        List<List<Button>> rows = List.of(
                List.of(button(words, ShareMessages.BUTTON_DONE, Actions.DONE, turn, Button.Style.PRIMARY),
                        button(words, ShareMessages.BUTTON_PASS, Actions.PASS, turn, Button.Style.SECONDARY)),
                List.of(button(words, ShareMessages.BUTTON_WITH_YOU, Actions.SUPPORT, turn + ":" + Encouragement.WITH_YOU.code(), Button.Style.SECONDARY),
                        button(words, ShareMessages.BUTTON_THANK_YOU, Actions.SUPPORT, turn + ":" + Encouragement.THANK_YOU.code(), Button.Style.SECONDARY),
                        button(words, ShareMessages.BUTTON_STRENGTH, Actions.SUPPORT, turn + ":" + Encouragement.STRENGTH.code(), Button.Style.SECONDARY)),
                List.of(button(words, ShareMessages.BUTTON_CALL, Actions.CALL, turn, Button.Style.SECONDARY)));
        return new Post(words.text(ShareMessages.PIECE, "name", speaker.name(), "minutes", minutes), rows, -1);
    }

    /** The words of thanks when a turn ends, with the kinds of support the others sent (never how many). */
    static String thanks(Speech words, Person speaker, boolean passed, int support) {
        String thanks = words.text(passed ? ShareMessages.THANKS_PASSED : ShareMessages.THANKS, "name", speaker.name());
        List<Encouragement> kinds = Encouragement.of(support);
        if (kinds.isEmpty()) {
            return thanks;
        }
        List<String> said = new ArrayList<>();
        for (Encouragement kind : kinds) {
            said.add(words.text(switch (kind) {
                case WITH_YOU -> ShareMessages.SUPPORT_WITH_YOU;
                case THANK_YOU -> ShareMessages.SUPPORT_THANK_YOU;
                case STRENGTH -> ShareMessages.SUPPORT_STRENGTH;
            }));
        }
        return thanks + " " + words.text(ShareMessages.THANKS_SUPPORT, "kinds", String.join(" · ", said));
    }

    static String names(Speech words, List<Person> people) {
        return String.join(", ", people.stream().map(p -> label(words, p)).toList());
    }

    /** A person's name, or "an anonymous share" for a share without a name waiting in the queue. */
    static String label(Speech words, Person person) {
        return person.anonymousShare() ? words.text(ShareMessages.QUEUE_ANONYMOUS) : person.name();
    }

    private static Button button(Speech words, MessageKey label, String action, String argument, Button.Style style) {
        return new Button(words.text(label), action + ":" + argument, style);
    }

    /** The next meeting of a circle: its name and when, in the circle's own zone. */
    record NextMeeting(String name, String when) {
    }

    /**
     * When the group meets next: the next meeting of a circle of this channel, or else of any circle of the
     * community; empty when there is none.
     */
    Optional<NextMeeting> nextMeeting(ShareRoom room, Speech words) {
        Instant now = clock.instant();
        List<ScheduledCircle> all = circles.active(room.community());
        List<ScheduledCircle> here = all.stream().filter(c -> c.channel().equals(room.channel())).toList();
        Optional<NextMeeting> found = earliest(room, here.isEmpty() ? all : here, now, words);
        return found.isPresent() || here.isEmpty() ? found : earliest(room, all, now, words);
    }

    private Optional<NextMeeting> earliest(ShareRoom room, List<ScheduledCircle> candidates, Instant now, Speech words) {
        ScheduledCircle best = null;
        ZonedDateTime bestStart = null;
        for (ScheduledCircle circle : candidates) {
            Optional<ZonedDateTime> start = circles.nextStart(room.community(), circle.id(), now);
            if (start.isPresent() && (bestStart == null || start.get().toInstant().isBefore(bestStart.toInstant()))) {
                best = circle;
                bestStart = start.get();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new NextMeeting(best.name(), when(words, bestStart)));
    }

    /** A meeting's start in its own zone, e.g. "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)". */
    static String when(Speech words, ZonedDateTime start) {
        Locale locale = words.locale();
        return words.text(ShareMessages.WHEN, "date", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start),
                "time", DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(start),
                "zone", start.getZone().getId());
    }
}
