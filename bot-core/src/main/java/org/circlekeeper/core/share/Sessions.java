package org.circlekeeper.core.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs changes to share sessions: reads the room's session, lets a {@link Rules} function compute the
 * next version, stores it only against the version it came from (computing it again from the new
 * version when another change came first), and then — only the change that was stored — tells the
 * channel, edits the step's board and plans the time boxes. Time boxes are jobs whose ids and payloads
 * name the session, the step or turn, and the pause count, so a job planned for a moment that has
 * passed (the piece moved on, a pause came) does nothing when it runs.
 */
final class Sessions {

    /** A step's time box ran out. */
    static final String STEP_JOB = "share.step-time";
    /** A turn is nearly at its time box. */
    static final String NEAR_JOB = "share.turn-near";
    /** A turn reached its time box. */
    static final String OVER_JOB = "share.turn-over";
    /** A session still running this long after its start is closed gently. */
    static final String WRAP_JOB = "share.wrap";
    static final Duration MAX_LENGTH = Duration.ofHours(4);
    /** A turn notice later than this (after downtime) is not worth sending. */
    static final Duration NOTICE_GRACE = Duration.ofMinutes(5);
    /** How often a change is computed again when other changes keep coming first. */
    static final int MAX_ATTEMPTS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final ShareStore store;
    private final ShareFormats formats;
    private final JobQueue jobs;
    private final Outbox outbox;
    private final Messengers messengers;
    private final Clock clock;
    private final Posts posts;
    private final Rotations rotations;
    private final MeetingPlaces places;

    Sessions(ShareStore store, ShareFormats formats, JobQueue jobs, Outbox outbox, Messengers messengers, Clock clock,
             Posts posts, Rotations rotations, MeetingPlaces places) {
        this.store = store;
        this.formats = formats;
        this.jobs = jobs;
        this.outbox = outbox;
        this.messengers = messengers;
        this.clock = clock;
        this.posts = posts;
        this.rotations = rotations;
        this.places = places;
    }

    /** A rule of {@link Rules} applied to one version of a session. */
    @FunctionalInterface
    interface Rule {
        Change apply(ShareSession session, ShareFormat format);
    }

    /** What became of a change. */
    sealed interface Outcome {

        /** No session runs in the room, or another one than the button was made for. */
        record NotRunning() implements Outcome {
        }

        /** Nothing was stored; the note (may be null) says why. */
        record Stayed(Change.Note note) implements Outcome {
        }

        /** The change was stored (or ended the session) and the session was told. */
        record Applied(ShareSession before, Change.Moved moved) implements Outcome {
        }
    }

    ShareFormat format(ShareSession session) {
        return formats.find(session.format()).orElseGet(formats::standard);
    }

    /**
     * Applies a rule to the room's session until it is stored against the version it was computed from.
     *
     * @param sessionId the session a button was made for, or null for whichever session runs there
     */
    Outcome apply(ShareRoom room, String sessionId, Rule rule) {
        Outcome outcome = store(room, sessionId, rule);
        if (outcome instanceof Outcome.Applied applied) {
            after(room, applied.before(), applied.moved());
        }
        return outcome;
    }

    /** Stores a new session and tells the room; false (and nothing sent) when one already runs there. */
    boolean start(ShareRoom room, Change.Moved opened) {
        if (!store.start(room, opened.next())) {
            return false;
        }
        LOG.info("share circle {} started in {} with format {}", opened.next().id(), room.community().key(), opened.next().format());
        after(room, null, opened);
        return true;
    }

    private Outcome store(ShareRoom room, String sessionId, Rule rule) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<ShareSession> current = store.live(room);
            if (current.isEmpty() || sessionId != null && !current.get().id().equals(sessionId)) {
                return new Outcome.NotRunning();
            }
            ShareSession session = current.get();
            Change change = rule.apply(session, format(session));
            if (change instanceof Change.Stay stay) {
                return new Outcome.Stayed(stay.note());
            }
            Change.Moved moved = (Change.Moved) change;
            boolean stored = moved.ends()
                    ? store.finish(room, session.version(), SessionSummary.of(moved.next(), clock.instant()))
                    : store.update(room, moved.next());
            if (stored) {
                return new Outcome.Applied(session, moved);
            }
            backOff(attempt);
        }
        LOG.warn("a share circle change in {} gave up after {} attempts: others kept changing it first", room.community().key(),
                MAX_ATTEMPTS);
        return new Outcome.Stayed(new Change.Note(ShareMessages.BUSY));
    }

    /** Waits a little, more after each lost race, so that many simultaneous presses all get their turn. */
    private static void backOff(int attempt) {
        long micros = ThreadLocalRandom.current().nextLong(50, 200L * Math.min(attempt, 20) + 100);
        LockSupport.parkNanos(micros * 1_000);
    }

    /** Tells the session what the stored change brought, edits the board, plans time boxes, and closes an ended session. */
    private void after(ShareRoom room, ShareSession before, Change.Moved moved) {
        ShareSession next = moved.next();
        ShareFormat format = format(next);
        Outbox.Voice voice = outbox.forCommunity(room.community());
        Speech words = voice;
        ShareSettings settings = store.settings(room.community());
        List<Posts.Post> said = new ArrayList<>();
        boolean boardChanged = false;
        boolean stepBegan = false;
        for (Event event : moved.events()) {
            if (event instanceof Event.StepBegan) {
                stepBegan = true;
                said.addAll(posts.step(words, format, next, room, settings));
            } else if (event instanceof Event.PieceTo piece) {
                said.add(posts.piece(words, format, next, piece.speaker()));
            } else if (event instanceof Event.BoardChanged) {
                boardChanged = true;
            } else {
                said.add(Posts.Post.text(say(words, event, format)));
            }
        }
        for (Posts.Post post : Posts.merge(said)) {
            Optional<SentMessage> sent = send(voice, room, post.message());
            if (post.boardOfStep() >= 0 && sent.isPresent()) {
                store(room, next.id(), (c, f) -> RunnerRules.board(c, post.boardOfStep(), sent.get().messageId()));
            }
        }
        if (moved.ends()) {
            ShareSession.Counts counts = next.counts();
            LOG.info("share circle {} in {} ended: {} joined, {} shares, {} passes, {} without a name", next.id(),
                    room.community().key(), counts.joined(), counts.shares(), counts.passes(), counts.anonymous());
            ShareRoom home = places.close(room);
            send(voice, home, rotations.afterSession(home, next.chair(), words));
            return;
        }
        if (boardChanged && !stepBegan) {
            editBoard(room, voice, settings);
        }
        plan(room, before, next, format);
    }

    private static String say(Speech words, Event event, ShareFormat format) {
        if (event instanceof Event.Started started) {
            return words.text(ShareMessages.STARTED, "format", words.text(format.name()), "chair", started.chair().name());
        }
        if (event instanceof Event.FollowsPlace follows) {
            return words.text(ShareMessages.FOLLOWS_PLACE, "count", follows.present());
        }
        if (event instanceof Event.TurnEnded ended) {
            return Posts.thanks(words, ended.speaker(), ended.passed(), ended.support());
        }
        if (event instanceof Event.RoundComplete) {
            return words.text(ShareMessages.ROUND_COMPLETE);
        }
        if (event instanceof Event.FloorOpen) {
            return words.text(ShareMessages.FLOOR_OPEN);
        }
        if (event instanceof Event.SpeakerLeft) {
            return words.text(ShareMessages.SPEAKER_LEFT);
        }
        if (event instanceof Event.AnonymousShare share) {
            return words.text(ShareMessages.ANON_POST, "text", share.text());
        }
        if (event instanceof Event.Paused) {
            return words.text(ShareMessages.PAUSED);
        }
        if (event instanceof Event.Resumed) {
            return words.text(ShareMessages.RESUMED);
        }
        if (event instanceof Event.TurnNear near) {
            return words.text(ShareMessages.TURN_NEAR, "name", near.speaker().name());
        }
        if (event instanceof Event.TurnOver over) {
            return words.text(ShareMessages.TURN_OVER, "name", over.speaker().name());
        }
        Event.StepTimeUp up = (Event.StepTimeUp) event;
        return up.speaker() == null ? words.text(ShareMessages.STEP_TIME_UP)
                : words.text(ShareMessages.STEP_TIME_UP_SPEAKER, "name", up.speaker().name());
    }

    private Optional<SentMessage> send(Outbox.Voice voice, ShareRoom room, OutgoingMessage message) {
        try {
            return Optional.of(voice.send(new Target.Channel(room.channel()), message));
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("a share circle message to a channel of {} was not delivered ({})", room.community().key(),
                    e.permanent() ? "permanently" : "for now");
            return Optional.empty();
        } catch (RetryLater e) {
            // a live meeting cannot wait for a platform's long rate-limit pause: the next step's post shows the state
            LOG.warn("a share circle message to a channel of {} was not delivered: the platform asks to wait until {}",
                    room.community().key(), e.at());
            return Optional.empty();
        }
    }

    /** Edits the current step's message to show who is here and who waits now (read afresh, so the latest wins). */
    private void editBoard(ShareRoom room, Outbox.Voice voice, ShareSettings settings) {
        Optional<ShareSession> current = store.live(room);
        if (current.isEmpty() || current.get().board() == null) {
            return;
        }
        ShareSession session = current.get();
        Posts.Post board = posts.board(voice, format(session), session, settings);
        SentMessage sent = new SentMessage(new Target.Channel(room.channel()), session.board());
        try {
            messengers.forPlatform(room.channel().platform()).edit(sent, board.message());
        } catch (Messenger.UnsupportedOnPlatform e) {
            send(voice, room, board.message()).ifPresent(fresh ->
                    store(room, session.id(), (c, f) -> RunnerRules.board(c, board.boardOfStep(), fresh.messageId())));
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("the board of share circle {} could not be edited", session.id());
        }
    }

    // ---- time boxes ----

    /** Plans the step's and the turn's time boxes when a step began, the piece moved or a pause ended. */
    private void plan(ShareRoom room, ShareSession before, ShareSession next, ShareFormat format) {
        if (next.onPause()) {
            return;
        }
        boolean resumed = before == null || before.pauses() != next.pauses();
        ShareFormat.Step step = format.step(next.step());
        if (before == null) {
            schedule(WRAP_JOB, next.id(), next.startedAt().plus(MAX_LENGTH), room, next);
        }
        if ((resumed || before.step() != next.step()) && step.limit() != null) {
            schedule(STEP_JOB, next.id() + ":" + next.step() + ":" + next.pauses(), next.stepStartedAt().plus(step.limit()), room, next);
        }
        if ((resumed || before.turn() != next.turn()) && next.speaker() != null && step.turnLimit() != null) {
            String turn = next.id() + ":" + next.turn() + ":" + next.pauses();
            if ((next.notices() & 1) == 0) {
                schedule(NEAR_JOB, turn, next.turnStartedAt().plus(step.turnLimit().multipliedBy(4).dividedBy(5)), room, next);
            }
            if ((next.notices() & 2) == 0) {
                schedule(OVER_JOB, turn, next.turnStartedAt().plus(step.turnLimit()), room, next);
            }
        }
    }

    private void schedule(String kind, String idPart, Instant due, ShareRoom room, ShareSession session) {
        String payload = session.id() + " " + session.step() + " " + session.turn() + " " + session.pauses() + " " + room.token();
        jobs.schedule(new Job(kind + ":" + idPart, kind, due, payload));
    }

    /** What a time-box job names: the room, the session, and the step, turn and pause count it was planned for. */
    private record Timer(ShareRoom room, String sessionId, int step, int turn, int pauses) {
        static Optional<Timer> read(String payload) {
            String[] parts = payload.split(" ", 5);
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                return ShareRoom.parse(parts[4]).map(room -> new Timer(room, parts[0], Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A time-box job of a share circle of {@code from}, naming the same circle in the same channel under {@code to}: its
     * id names the session, not the community, so only its payload changes.
     */
    Optional<Job> moved(Job job, CommunityRef from, CommunityRef to) {
        if (!Set.of(STEP_JOB, NEAR_JOB, OVER_JOB, WRAP_JOB).contains(job.kind())) {
            return Optional.empty();
        }
        return Timer.read(job.payload()).filter(t -> t.room().community().equals(from)).map(t -> new Job(job.id(), job.kind(),
                job.due(), t.sessionId() + " " + t.step() + " " + t.turn() + " " + t.pauses() + " "
                        + new ShareRoom(to, t.room().channel()).token()));
    }

    /** Cancels every time-box job of the community's share circles (the bot left it for good). */
    int cancelAll(CommunityRef community) {
        Set<String> kinds = Set.of(STEP_JOB, NEAR_JOB, OVER_JOB, WRAP_JOB);
        return jobs.cancelAll(job -> kinds.contains(job.kind())
                && Timer.read(job.payload()).map(t -> t.room().community().equals(community)).orElse(false));
    }

    List<JobHandler> handlers() {
        return List.of(
                JobHandler.of(STEP_JOB, timed((timer, lateness) -> apply(timer.room(), timer.sessionId(),
                        (c, f) -> RunnerRules.stepTime(c, f, timer.step(), timer.pauses(), clock.instant())))),
                JobHandler.of(NEAR_JOB, timed((timer, lateness) -> {
                    if (lateness.compareTo(NOTICE_GRACE) <= 0) {
                        apply(timer.room(), timer.sessionId(), (c, f) -> RunnerRules.turnNotice(c, timer.turn(), timer.pauses(), 1));
                    }
                })),
                JobHandler.of(OVER_JOB, timed((timer, lateness) -> {
                    if (lateness.compareTo(NOTICE_GRACE) <= 0) {
                        apply(timer.room(), timer.sessionId(), (c, f) -> RunnerRules.turnNotice(c, timer.turn(), timer.pauses(), 2));
                    }
                })),
                JobHandler.of(WRAP_JOB, timed((timer, lateness) -> {
                    if (apply(timer.room(), timer.sessionId(), (c, f) -> Rules.end(c, f, clock.instant())) instanceof Outcome.Applied) {
                        LOG.info("share circle {} ran {} and was closed", timer.sessionId(), MAX_LENGTH);
                    }
                })));
    }

    @FunctionalInterface
    private interface TimerRun {
        void run(Timer timer, Duration lateness);
    }

    /** Runs a time-box job with its timer; a payload it cannot read is dropped with a warning (retrying would not help). */
    private static JobHandler.Run timed(TimerRun run) {
        return (job, now, lateness) -> {
            Optional<Timer> timer = Timer.read(job.payload());
            if (timer.isEmpty()) {
                LOG.warn("share circle job {} has a payload it cannot read; dropped", job.id());
                return;
            }
            run.run(timer.get(), lateness);
        };
    }
}
