package org.circlekeeper.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's state machine, without I/O of its own: it takes one typed line and returns the
 * lines to print. It keeps who is typing (a member or an organiser), where (a group channel such as
 * {@code #circle-room}, or their direct chat), the one community, the buttons shown so far and the
 * virtual clock, so one person can play a whole group against the real {@link Engine}.
 *
 * <p>Lines starting with {@code :} and a letter are directives to the console ({@code :as},
 * {@code :in}, {@code :click}, {@code :clock}, {@code :who}, {@code :help}, {@code :quit}); lines
 * starting with {@code /} are commands; a line whose first non-space characters are {@code #} and
 * a space (or that is just {@code #}), and an empty line, are ignored; anything else is a message.
 * A session is driven by one thread; the {@link ConsoleMessenger} it shares may be called from any. Who is typing
 * and where is its {@link ConsoleStage}, the {@code :clock} directive its {@link ConsoleClock}.
 */
public final class ConsoleSession {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);

    /** The community id when none is configured. */
    public static final String DEFAULT_COMMUNITY = "local";
    /** Who types before the first {@code :as}. */
    public static final String DEFAULT_PERSON = "alice";
    /** Where they are before the first {@code :in}. */
    public static final String DEFAULT_CHANNEL = "#circle-room";
    /** The place name that stands for the current person's direct chat with the bot. */
    public static final String DM = "dm";

    /** Prefix of every line the console itself prints (as opposed to the bot). */
    static final String CONSOLE = "(console) ";

    private static final List<String> DIRECTIVES = List.of(":as", ":in", ":click", ":clock", ":who", ":help", ":quit");

    private final Engine engine;
    private final ConsoleClock clock;
    private final ConsoleMessenger messenger;
    private final Transcript transcript;
    private final ConsoleStage stage;
    private boolean ended;

    /** A session in the default community ({@value #DEFAULT_COMMUNITY}). */
    public ConsoleSession(Engine engine, Clock clock, ConsoleMessenger messenger) {
        this(engine, clock, messenger, DEFAULT_COMMUNITY);
    }

    /**
     * A session in the given community. The clock must be the one the engine was assembled with,
     * and the messenger the one the bot's features send through, so that {@code :clock} moves
     * the bot's time and {@code :click} finds the buttons of messages the bot started itself. A
     * {@link VirtualClock} can be moved with {@code :clock}; any other clock is real time, which {@code :clock}
     * only shows (the console beside a chat platform, whose members need their reminders on time).
     */
    public ConsoleSession(Engine engine, Clock clock, ConsoleMessenger messenger, String communityId) {
        this(engine, clock, messenger, new ConsoleRoles(communityId));
    }

    /**
     * A session in the roles' community, whose {@code :as} directives set those roles (the app shares them with the
     * organisers' page, which asks them whether someone is still an organiser).
     */
    public ConsoleSession(Engine engine, Clock clock, ConsoleMessenger messenger, ConsoleRoles roles) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = new ConsoleClock(clock, engine.metrics());
        this.messenger = Objects.requireNonNull(messenger, "messenger");
        this.transcript = messenger.transcript();
        this.stage = new ConsoleStage(Objects.requireNonNull(roles, "roles"));
    }

    /** The directives the console understands, for help and completion. */
    public static List<String> directives() {
        return DIRECTIVES;
    }

    /**
     * True for a line a script may hold that is not input: an empty line, or a comment, i.e. a line
     * whose first non-space characters are {@code #} followed by a space or tab, or that is just
     * {@code #}. ({@code #hashtag} is a message, and {@code :in #circle-room} a directive.)
     */
    public static boolean isIgnored(String line) {
        String text = line.strip();
        return text.isEmpty() || text.equals("#") || (text.startsWith("#") && Character.isWhitespace(text.charAt(1)));
    }

    /** Handles one typed line and returns what to print, including what the bot sent by itself meanwhile. */
    public List<String> handle(String line) {
        Objects.requireNonNull(line, "line");
        List<String> out = new ArrayList<>();
        String input = line.strip();
        if (ended) {
            out.add(CONSOLE + "this session has ended.");
            return out;
        }
        if (!isIgnored(input)) {
            try {
                dispatch(input, out);
            } catch (Throwable e) {
                // the boundary of one line: logged (its type and stack, not what was typed) and counted; the
                // session goes on with the next line
                LOG.error("handling a console line failed: {}", e.getClass().getName(), e);
                engine.metrics().unitFailed(Platform.CONSOLE, "update");
                out.add(CONSOLE + "something went wrong while handling that line; the log has the details. You can go on.");
            }
        }
        out.addAll(messenger.drain());
        return out;
    }

    private void dispatch(String input, List<String> out) {
        if (input.length() > 1 && input.charAt(0) == ':' && Character.isLetter(input.charAt(1))) {
            directive(input, out);
        } else if (input.startsWith("/")) {
            command(input, out);
        } else {
            deliver(new Inbound.TextReceived(context(), input), context().channel(), null, out);
        }
    }

    /** The lines the bot sent by itself since they were last printed (a reminder from a scheduler thread). */
    public List<String> unprompted() {
        return messenger.drain();
    }

    /** Registers a callback run with the new time after every {@code :clock}, so due jobs can fire. */
    public void addClockListener(Consumer<Instant> listener) {
        clock.addListener(listener);
    }

    /** True once {@code :quit} was handled. */
    public boolean ended() {
        return ended;
    }

    /** Who is typing and where, as the engine sees it. */
    public Context context() {
        return stage.context();
    }

    /** The interactive prompt: {@code alice @ #circle-room> }. */
    public String prompt() {
        return stage.whoAndWhere() + "> ";
    }

    /** A typed line as a script's transcript shows it: {@code > alice @ #circle-room: /help}. */
    public String echo(String line) {
        return "> " + stage.whoAndWhere() + ": " + line.strip();
    }

    /** The engine this session talks to (for command menus and completion). */
    public Engine engine() {
        return engine;
    }

    /** The messenger whose messages share this session's transcript and button numbers. */
    public ConsoleMessenger messenger() {
        return messenger;
    }

    /** The bot's clock: virtual (moved by {@code :clock}) or real time. */
    public Clock clock() {
        return clock.clock();
    }

    /** The names of the people played so far, in order of appearance (for completion). */
    public List<String> people() {
        return stage.people();
    }

    /** The group channels visited so far, in order of appearance (for completion). */
    public List<String> channels() {
        return stage.channels();
    }

    private void directive(String input, List<String> out) {
        String[] words = input.split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        switch (name) {
            case ":as" -> stage.as(words, out);
            case ":in" -> stage.in(words, out);
            case ":click" -> click(words, out);
            case ":clock" -> clock.handle(input.substring(words[0].length()).strip(), out);
            case ":who" -> out.add(CONSOLE + stage.who() + ". It is " + clock.now() + ".");
            case ":help" -> help(out);
            case ":quit" -> {
                ended = true;
                out.add(CONSOLE + "bye.");
            }
            default -> out.add(CONSOLE + "I don't know the directive " + words[0] + ". I know " + String.join(", ", DIRECTIVES)
                    + "; :help explains them.");
        }
    }

    private void click(String[] words, List<String> out) {
        int number;
        try {
            number = words.length == 2 ? Integer.parseInt(words[1]) : -1;
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1) {
            out.add(CONSOLE + ":click takes the number shown in front of a button, like :click 1.");
            return;
        }
        Optional<Transcript.ShownButton> shown = transcript.button(number);
        if (shown.isEmpty()) {
            int count = transcript.buttonsShown();
            out.add(CONSOLE + "there is no button " + number + (count == 0 ? "; no buttons were shown yet."
                    : count == 1 ? "; only button 1 was shown so far."
                    : "; buttons 1 " + (count == 2 ? "and" : "to") + " " + count + " were shown so far.")
                    + " Nothing was sent.");
            return;
        }
        Transcript.ShownButton button = shown.get();
        MemberRef onlyFor = button.where().onlyFor();
        if (onlyFor != null && !onlyFor.sameMember(stage.member())) {
            out.add(CONSOLE + "button " + number + " is on a message only " + onlyFor.userId() + " can see; use :as "
                    + onlyFor.userId() + " to press it. Nothing was sent.");
            return;
        }
        ChannelRef where = button.where().channel();
        deliver(new Inbound.ButtonPressed(stage.in(where), button.button().actionId(), button.messageId()), where,
                button.messageId(), out);
    }

    private void help(List<String> out) {
        out.add(CONSOLE + "you play the people of a group; the bot answers as it would on a chat platform.");
        out.add("  :as NAME [member|organiser]   become someone (a new name starts as a member)");
        out.add("  :in #channel | :in dm         go to a group channel, or to your private chat with the bot");
        out.add("  :click N                      press button [N] of any message shown so far");
        out.add("  :clock +1d2h30m               move the clock forward (d, h, m)");
        out.add("  :clock 2026-03-29T08:00       jump to a time: UTC, or add +02:00 or a zone like Europe/Berlin");
        out.add("  :who                          who and where you are, and the time");
        out.add("  :help                         this list");
        out.add("  :quit                         end the session");
        out.add("  /command ...                  a bot command (try /help); any other line is a message");
        out.add("  # ...                         a comment in a script (# and a space)");
    }

    private void command(String input, List<String> out) {
        String body = input.substring(1);
        int space = indexOfWhitespace(body);
        String name = space < 0 ? body : body.substring(0, space);
        String rest = space < 0 ? "" : body.substring(space + 1).strip();
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        deliver(Inbound.CommandInvoked.typed(context(), name, rest), context().channel(), null, out);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Hands an event to the engine and prints its replies where the event happened. */
    private void deliver(Inbound inbound, ChannelRef channel, String originMessageId, List<String> out) {
        for (Reply reply : engine.handle(inbound)) {
            Transcript.Where where = channel.isDirect() ? Transcript.Where.directChannel(channel)
                    : reply.message().visibility() == Visibility.PRIVATE ? Transcript.Where.groupOnlyFor(channel, stage.member())
                    : Transcript.Where.group(channel);
            if (reply.replacesOrigin() && replaceable(originMessageId, where)) {
                out.addAll(transcript.showEdit(originMessageId, where, reply.message()));
            } else {
                out.addAll(transcript.showNew(where, reply.message()).lines());
            }
        }
    }

    /**
     * True when a reply may replace the message whose button was pressed: only when it is seen by
     * the same people, so that a private answer never replaces a public message (where everyone
     * would see it). Otherwise it is shown as a new message, as {@code Turn.replaceOrigin} allows.
     */
    private boolean replaceable(String originMessageId, Transcript.Where where) {
        if (originMessageId == null) {
            return false;
        }
        return transcript.whereOf(originMessageId).map(origin -> origin.channel().equals(where.channel())
                && (origin.onlyFor() == null ? where.onlyFor() == null : origin.onlyFor().sameMember(where.onlyFor())))
                .orElse(false);
    }
}
