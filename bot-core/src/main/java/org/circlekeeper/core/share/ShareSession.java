package org.circlekeeper.core.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;

/**
 * A share session: one live meeting of the share circle in a group channel (what members call "a share circle";
 * not a scheduled circle of the circles feature), kept while it runs as one versioned value: a change is computed
 * from one version and stored only while that version is still the current one, so two replicas never both apply a
 * change to the same state. It holds who is present and their names (for the others to see),
 * never what anyone says with the talking piece; a share without a name waits here for its turn (its
 * text only, never its author) until it is posted. It is gone when the session ends.
 *
 * @param id            the session's short random id; buttons carry it, so a button of an ended session does nothing
 * @param version       grows by one with every change
 * @param step          the index of the current step of the format
 * @param chair         who chairs this meeting (null after they erased their data; organisers can still chair)
 * @param present       who joined, in join order (the fair order of rounds)
 * @param queue         who waits for the talking piece: the rest of the round, or the raised hands in open sharing,
 *                      among them shares without a name ({@link Person#anonymousShare()}) waiting for the current turn to end
 * @param speaker       who holds the talking piece now, or null
 * @param turn          grows every time the piece moves or a step begins; buttons of a turn carry it
 * @param rounds        how many rounds began, so each round starts one place further on
 * @param pauses        how many pauses ended; time-box jobs carry it, so those planned before a pause do nothing
 * @param pausedAt      when the current pause began, or null while the session runs
 * @param stepTimeUp    the step's time box ran out while someone held the piece: move on when they pass it
 * @param support       the kinds of support (bits of {@link Encouragement}) the others sent the current speaker; no counts
 * @param notices       which turn notices (bits: 1 nearly time, 2 time) went out for the current turn
 * @param board         the platform id of the current step's message, edited as people join and raise hands
 * @param waiting       the text of each share without a name in the queue, by its queue key; removed once posted
 * @param left          the keys of those who were present and left while it runs (a typed leave, or out of the voice
 *                      room), so that someone who comes back is not counted as joining twice; with the rest of the
 *                      session it is gone when the session ends, and a member's erasure takes their key out of it
 */
public record ShareSession(String id, long version, String format, int step, Person chair, List<Person> present,
                           List<Person> queue, Person speaker, int turn, int rounds, int pauses, Instant startedAt,
                           Instant stepStartedAt, Instant turnStartedAt, Instant pausedAt, boolean stepTimeUp, int support,
                           int notices, String board, Counts counts, Map<String, String> waiting, List<String> left) {

    /** How many joined, shared, passed and shared without a name: all that remains of a session when it ends. */
    public record Counts(int joined, int shares, int passes, int anonymous) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    public ShareSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
        Objects.requireNonNull(counts, "counts");
        present = List.copyOf(present);
        queue = List.copyOf(queue);
        waiting = waiting == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(waiting));
        left = left == null ? List.of() : List.copyOf(left);
        if (version < 1) {
            throw new IllegalArgumentException("a share session's version starts at 1");
        }
    }

    /** The member as present in the session, if they joined. */
    public Optional<Person> member(MemberRef member) {
        return present.stream().filter(p -> p.same(member)).findFirst();
    }

    public boolean includes(MemberRef member) {
        return member(member).isPresent();
    }

    /** The member's place in the queue, counted from 1; 0 when they are not waiting. */
    public int position(MemberRef member) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).same(member)) {
                return i + 1;
            }
        }
        return 0;
    }

    public boolean holds(MemberRef member) {
        return speaker != null && speaker.same(member);
    }

    public boolean onPause() {
        return pausedAt != null;
    }

    public boolean chairedBy(MemberRef member) {
        return chair != null && chair.same(member);
    }

    /** A mutable copy for computing the next version. */
    Draft draft() {
        return new Draft(this);
    }

    /** The fields of a session while a change is computed; {@link #build()} makes the next version. */
    static final class Draft {
        final String id;
        final long version;
        final String format;
        int step;
        Person chair;
        final List<Person> present;
        final List<Person> queue;
        Person speaker;
        int turn;
        int rounds;
        int pauses;
        final Instant startedAt;
        Instant stepStartedAt;
        Instant turnStartedAt;
        Instant pausedAt;
        boolean stepTimeUp;
        int support;
        int notices;
        String board;
        int joined;
        int shares;
        int passes;
        int anonymous;
        final Map<String, String> waiting;
        final List<String> left;

        /** A new session, before its first step began. */
        Draft(String id, String format, Person chair, Instant now) {
            this.id = id;
            this.version = 0;
            this.format = format;
            this.step = -1;
            this.chair = chair;
            this.present = new ArrayList<>();
            this.queue = new ArrayList<>();
            this.startedAt = now;
            this.stepStartedAt = now;
            this.waiting = new LinkedHashMap<>();
            this.left = new ArrayList<>();
        }

        private Draft(ShareSession c) {
            this.id = c.id;
            this.version = c.version;
            this.format = c.format;
            this.step = c.step;
            this.chair = c.chair;
            this.present = new ArrayList<>(c.present);
            this.queue = new ArrayList<>(c.queue);
            this.speaker = c.speaker;
            this.turn = c.turn;
            this.rounds = c.rounds;
            this.pauses = c.pauses;
            this.startedAt = c.startedAt;
            this.stepStartedAt = c.stepStartedAt;
            this.turnStartedAt = c.turnStartedAt;
            this.pausedAt = c.pausedAt;
            this.stepTimeUp = c.stepTimeUp;
            this.support = c.support;
            this.notices = c.notices;
            this.board = c.board;
            this.joined = c.counts.joined();
            this.shares = c.counts.shares();
            this.passes = c.counts.passes();
            this.anonymous = c.counts.anonymous();
            this.waiting = new LinkedHashMap<>(c.waiting);
            this.left = new ArrayList<>(c.left);
        }

        /**
         * The person is present from now on; counted as joining only the first time in this session, so attendance
         * counts people, not arrivals.
         */
        void arrive(Person who) {
            present.add(who);
            if (!left.remove(who.key())) {
                joined++;
            }
        }

        /** The member is no longer present; their key is kept until the session ends so a return is not counted again. */
        void depart(MemberRef who) {
            present.stream().filter(p -> p.same(who)).findFirst().ifPresent(p -> {
                present.remove(p);
                left.add(p.key());
            });
        }

        ShareSession build() {
            return new ShareSession(id, version + 1, format, step, chair, present, queue, speaker, turn, rounds, pauses, startedAt,
                    stepStartedAt, turnStartedAt, pausedAt, stepTimeUp, support, notices, board,
                    new Counts(joined, shares, passes, anonymous), waiting, left);
        }
    }
}
