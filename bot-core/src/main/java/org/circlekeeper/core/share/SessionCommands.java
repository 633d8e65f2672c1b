package org.circlekeeper.core.share;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.circlekeeper.core.circle.ScheduledCircle;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.PlacePresences;
import org.circlekeeper.core.engine.PresenceEvent;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.MemberRef;

/**
 * What members and the chair do in a running share session, typed or pressed: start it, join and leave, raise and
 * lower a hand, pass the talking piece on, send encouragement, and the chair's steps, calls, queue changes and
 * pauses. Each applies one {@link Rules} function through {@link Sessions} and answers the person privately. A session
 * started in a meeting place people are in (a voice channel) follows who is in it: coming into the place joins the
 * session, leaving it leaves.
 */
final class SessionCommands {

    private final ShareStore store;
    private final ScheduledCircles circles;
    private final ShareFormats formats;
    private final Sessions sessions;
    private final Rotations rotations;
    private final PlacePresences presences;
    private final MeetingPlaces places;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SessionCommands(ShareStore store, ScheduledCircles circles, ShareFormats formats, Sessions sessions, Rotations rotations,
                    PlacePresences presences, MeetingPlaces places, Clock clock) {
        this.store = store;
        this.circles = circles;
        this.formats = formats;
        this.sessions = sessions;
        this.rotations = rotations;
        this.presences = presences;
        this.places = places;
        this.clock = clock;
    }

    /**
     * Starts a session where it was asked for, or in a place of its own opened under that channel (see
     * {@link MeetingPlaces}); the chair rotation stays with the channel where it was asked for.
     */
    void start(Turn turn, Args args) {
        ShareRoom asked = ShareRoom.of(turn.context()).orElseThrow();
        Optional<ShareSession> running = store.live(asked);
        if (running.isPresent()) {
            replyRunning(turn, running.get());
            return;
        }
        ShareFormat format = args.optional("format").flatMap(formats::find).orElseGet(() -> chosenFormat(asked));
        Person chair = Person.of(turn.member());
        Optional<List<MemberRef>> inPlace = presences.present(asked.channel());
        // A session in a place people are in (a voice channel) meets in that place's own chat, which follows the room;
        // anywhere else it may get a place of its own.
        MeetingPlaces.Meeting meeting = inPlace.isPresent() ? new MeetingPlaces.Meeting(asked, null)
                : places.open(turn, asked, format);
        ShareRoom room = meeting.room();
        Change.Moved opened = inPlace
                .map(members -> Rules.openInPlace(newSessionId(), format, chair, members.stream().map(Person::of).toList(),
                        clock.instant()))
                .orElseGet(() -> Rules.open(newSessionId(), format, chair, clock.instant()));
        if (!sessions.start(room, opened)) {
            store.live(room).ifPresentOrElse(other -> replyRunning(turn, other), () -> turn.replyPrivately(ShareMessages.BUSY));
            return;
        }
        store.remember(turn.member(), room);
        opened.next().present().forEach(p -> store.remember(p.toMember(), room));
        inPlace.ifPresent(before -> presences.present(room.channel()).ifPresent(now -> catchUp(room, before, now)));
        rotations.useUp(asked);
        if (!room.equals(asked)) {
            turn.reply(ShareMessages.PLACE_OPENED, "link", meeting.link() == null ? "" : meeting.link());
        }
    }

    /**
     * Whoever came into or left the place while the session was being stored was reported before it ran, and so was not
     * heard: the place is read again once it runs, and the difference is applied as the reports would have been.
     */
    private void catchUp(ShareRoom room, List<MemberRef> before, List<MemberRef> now) {
        for (MemberRef member : now) {
            if (before.stream().noneMatch(m -> m.key().equals(member.key()))) {
                presence(new PresenceEvent.Joined(room.community(), room.channel(), member));
            }
        }
        for (MemberRef member : before) {
            if (now.stream().noneMatch(m -> m.key().equals(member.key()))) {
                presence(new PresenceEvent.Left(room.community(), room.channel(), member));
            }
        }
    }

    /**
     * Someone came into or left a meeting place: when a session runs in its text chat, they join it or leave it (a
     * speaker who leaves passes the talking piece on). Nobody is answered: the board and the channel show the change.
     */
    void presence(PresenceEvent event) {
        ShareRoom room = new ShareRoom(event.community(), event.place());
        MemberRef member = event.member();
        if (event instanceof PresenceEvent.Joined) {
            Sessions.Outcome outcome = sessions.apply(room, null, (s, f) -> Rules.join(s, f, Person.of(member), clock.instant()));
            if (outcome instanceof Sessions.Outcome.Applied) {
                store.remember(member, room);
            }
        } else {
            sessions.apply(room, null, (s, f) -> Rules.leave(s, f, member, false, clock.instant()));
        }
    }

    private void replyRunning(Turn turn, ShareSession running) {
        turn.replyPrivately(ShareMessages.ALREADY_RUNNING, "format", turn.text(sessions.format(running).name()),
                "chair", running.chair() == null ? "" : running.chair().name());
    }

    /** The format organisers chose for a scheduled circle of this channel, or the standard one. */
    private ShareFormat chosenFormat(ShareRoom room) {
        ShareSettings settings = store.settings(room.community());
        return circles.active(room.community()).stream()
                .filter(c -> c.channel().equals(room.channel()))
                .sorted(Comparator.comparing(ScheduledCircle::id))
                .map(c -> settings.formats().get(c.id())).filter(id -> id != null)
                .map(formats::find).flatMap(Optional::stream)
                .findFirst().orElseGet(formats::standard);
    }

    /** A short random id for a session: 40 bits in base 36, at most 8 characters. */
    private String newSessionId() {
        return Long.toString(random.nextLong() >>> 24, 36);
    }

    void join(Turn turn, String sessionId) {
        if (act(turn, sessionId, (s, f) -> Rules.join(s, f, Person.of(turn.member()), clock.instant())) instanceof Sessions.Outcome.Applied) {
            ShareRoom.of(turn.context()).ifPresent(room -> store.remember(turn.member(), room));
        }
    }

    void leave(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.leave(s, f, turn.member(), false, clock.instant()));
    }

    void raise(Turn turn, String sessionId) {
        act(turn, sessionId, (s, f) -> Rules.raise(s, f, turn.member(), clock.instant()));
    }

    void lower(Turn turn, String sessionId) {
        act(turn, sessionId, (s, f) -> Rules.lower(s, f, turn.member()));
    }

    void finishTurn(Turn turn, String sessionId, Integer expectedTurn, boolean passed) {
        act(turn, sessionId, (s, f) -> Rules.finishTurn(s, f, turn.member(), expectedTurn, passed, clock.instant()));
    }

    void call(Turn turn, String sessionId, Integer expectedTurn) {
        act(turn, sessionId, (s, f) -> Rules.callNext(s, f, expectedTurn, clock.instant()));
    }

    void nextStep(Turn turn, String sessionId, Integer expectedStep) {
        act(turn, sessionId, (s, f) -> Rules.nextStep(s, f, expectedStep, clock.instant()));
    }

    void move(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.move(s, args.text("name"), (int) args.integer("position")));
    }

    void remove(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.remove(s, args.text("name")));
    }

    void pause(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.pause(s, clock.instant()));
    }

    void resume(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.resume(s, f, clock.instant()));
    }

    void end(Turn turn, Args args) {
        act(turn, null, (s, f) -> Rules.end(s, f, clock.instant()));
    }

    void place(Turn turn, String sessionId) {
        Optional<ShareSession> live = ShareRoom.of(turn.context()).flatMap(store::live)
                .filter(s -> sessionId == null || s.id().equals(sessionId));
        if (live.isEmpty()) {
            turn.replyPrivately(sessionId == null ? ShareMessages.NOT_RUNNING : ShareMessages.ENDED_ALREADY);
            return;
        }
        ShareSession session = live.get();
        if (!session.includes(turn.member())) {
            turn.replyPrivately(ShareMessages.NOT_IN_SESSION);
        } else if (sessions.format(session).step(session.step()).kind() != ShareFormat.Kind.OPEN) {
            turn.replyPrivately(ShareMessages.NOT_OPEN);
        } else if (session.holds(turn.member())) {
            turn.replyPrivately(ShareMessages.HAND_SPEAKING);
        } else if (session.position(turn.member()) > 0) {
            turn.replyPrivately(ShareMessages.PLACE, "position", session.position(turn.member()), "count", session.queue().size());
        } else {
            turn.replyPrivately(ShareMessages.PLACE_NONE);
        }
    }

    void status(Turn turn, Args args) {
        Optional<ShareSession> live = ShareRoom.of(turn.context()).flatMap(store::live);
        if (live.isEmpty()) {
            turn.replyPrivately(ShareMessages.NOT_RUNNING);
            return;
        }
        ShareSession session = live.get();
        ShareFormat format = sessions.format(session);
        turn.replyPrivately(ShareMessages.STATUS, "format", turn.text(format.name()), "step", session.step() + 1,
                "steps", format.steps().size() - 1, "chair", session.chair() == null ? "" : session.chair().name(),
                "present", Posts.names(turn, session.present()), "speaker", session.speaker() == null ? "" : session.speaker().name(),
                "queue", Posts.names(turn, session.queue()), "paused", session.onPause(),
                "minutes", Duration.between(session.startedAt(), clock.instant()).toMinutes());
    }

    /** A button's encouragement for the speaker: {@code <session>:<turn>:<kind>}. */
    void encourage(Turn turn, String argument) {
        String[] parts = argument.split(":");
        Optional<Encouragement> kind = parts.length == 3 && parts[1].matches("\\d{1,9}") ? Encouragement.fromCode(parts[2])
                : Optional.empty();
        if (kind.isEmpty()) {
            turn.replyPrivately(ShareMessages.ENDED_ALREADY);
            return;
        }
        int expected = Integer.parseInt(parts[1]);
        act(turn, parts[0], (s, f) -> Rules.support(s, turn.member(), expected, kind.get()));
    }

    /** Applies a rule to the session of the turn's channel and answers the person privately. */
    private Sessions.Outcome act(Turn turn, String sessionId, Sessions.Rule rule) {
        Optional<ShareRoom> room = ShareRoom.of(turn.context());
        if (room.isEmpty()) {
            turn.replyPrivately(ShareMessages.NOT_RUNNING);
            return new Sessions.Outcome.NotRunning();
        }
        Sessions.Outcome outcome = sessions.apply(room.get(), sessionId, rule);
        if (outcome instanceof Sessions.Outcome.NotRunning) {
            turn.replyPrivately(sessionId == null ? ShareMessages.NOT_RUNNING : ShareMessages.ENDED_ALREADY);
        } else if (outcome instanceof Sessions.Outcome.Stayed stayed) {
            note(turn, stayed.note());
        } else {
            note(turn, ((Sessions.Outcome.Applied) outcome).moved().ack());
        }
        return outcome;
    }

    /** Tells the person who acted a rule's private word, if it has one. */
    static void note(Turn turn, Change.Note note) {
        if (note != null) {
            turn.replyPrivately(note.key(), note.values());
        }
    }

    /** Reads a button's {@code <session>[:<n>]} argument; a malformed one is treated as a button of an ended session. */
    static void onSession(Turn turn, String argument, int numbers, Consumer<String[]> run) {
        String[] parts = argument.split(":");
        boolean valid = parts.length == 1 + numbers && !parts[0].isEmpty();
        for (int i = 1; valid && i < parts.length; i++) {
            valid = parts[i].matches("\\d{1,9}");
        }
        if (!valid) {
            turn.replyPrivately(ShareMessages.ENDED_ALREADY);
            return;
        }
        run.accept(parts);
    }
}
