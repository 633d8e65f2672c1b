package org.circlekeeper.core.share;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.share.ShareFormat.Kind;

/**
 * The rules of a running session as pure functions: each takes one version of the session and
 * returns the next version with what the session should hear, or nothing to store with a kind word.
 * They never read a store or a clock of their own, so a change computed on one replica can be
 * stored only against the version it was computed from, and is simply computed again if that
 * version is gone. These are the rules for what a person does; {@link RunnerRules} holds those the bot
 * applies by itself, and {@link TalkingPiece} how steps and turns move on.
 */
final class Rules {

    /** A platform mention such as {@code <@123>} or {@code <@!123>} (Discord). */
    private static final Pattern MENTION = Pattern.compile("<@!?(\\w+)>");

    private Rules() {
    }

    /** A new session: the chair is the first one present, and the format's first step begins. */
    static Change.Moved open(String id, ShareFormat format, Person chair, Instant now) {
        ShareSession.Draft d = new ShareSession.Draft(id, format.id(), chair, now);
        d.arrive(chair);
        List<Event> events = new ArrayList<>();
        events.add(new Event.Started(chair));
        boolean ends = TalkingPiece.begin(d, format, 0, now, events);
        return new Change.Moved(d.build(), events, null, ends);
    }

    /**
     * A new session in a meeting place people are in (a voice channel): those in it now are present, in the order the
     * platform lists them with the chair first when they are there too, and the session hears that it follows the place.
     * The chair chairs from the text chat when they are not in the place.
     */
    static Change.Moved openInPlace(String id, ShareFormat format, Person chair, List<Person> inPlace, Instant now) {
        ShareSession.Draft d = new ShareSession.Draft(id, format.id(), chair, now);
        inPlace.stream().filter(p -> p.key().equals(chair.key())).findFirst().ifPresent(d::arrive);
        inPlace.stream().filter(p -> d.present.stream().noneMatch(q -> q.key().equals(p.key()))).forEach(d::arrive);
        List<Event> events = new ArrayList<>();
        events.add(new Event.Started(chair));
        events.add(new Event.FollowsPlace(d.present.size()));
        boolean ends = TalkingPiece.begin(d, format, 0, now, events);
        return new Change.Moved(d.build(), events, null, ends);
    }

    static Change join(ShareSession c, ShareFormat f, Person who, Instant now) {
        if (c.present().stream().anyMatch(p -> p.key().equals(who.key()))) {
            return Change.stay(ShareMessages.ALREADY_HERE);
        }
        ShareSession.Draft d = c.draft();
        d.arrive(who);
        List<Event> events = new ArrayList<>();
        Kind kind = f.step(d.step).kind();
        if (kind == Kind.ROUND) {
            d.queue.add(who);
            if (d.speaker == null && d.pausedAt == null) {
                TalkingPiece.give(d, d.queue.remove(0), now, events);
            }
        }
        if (kind != Kind.OPEN) {
            events.add(new Event.BoardChanged());
        }
        return new Change.Moved(d.build(), events, new Change.Note(ShareMessages.JOINED, "name", who.name()), false);
    }

    /**
     * The member leaves the session; when they held the piece it moves on. {@code forget} (the member erased their
     * data) also takes them out of the chair, and needs no word back.
     */
    static Change leave(ShareSession c, ShareFormat f, MemberRef who, boolean forget, Instant now) {
        boolean wasChair = c.chairedBy(who);
        if (!c.includes(who) && !(forget && wasChair)) {
            if (forget && c.left().contains(who.key())) {
                ShareSession.Draft d = c.draft();
                d.left.remove(who.key());
                return new Change.Moved(d.build(), List.of(), null, false);
            }
            return forget ? Change.quietly() : Change.stay(ShareMessages.NOT_IN_SESSION);
        }
        ShareSession.Draft d = c.draft();
        if (forget) {
            d.present.removeIf(p -> p.same(who));
            d.left.remove(who.key());
        } else {
            d.depart(who);
        }
        d.queue.removeIf(p -> p.same(who));
        if (forget && wasChair) {
            d.chair = null;
        }
        List<Event> events = new ArrayList<>();
        boolean ends = false;
        if (d.speaker != null && d.speaker.same(who)) {
            d.speaker = null;
            d.turnStartedAt = null;
            d.support = 0;
            d.notices = 0;
            events.add(new Event.SpeakerLeft());
            ends = TalkingPiece.moveOn(d, f, now, events);
        }
        events.add(new Event.BoardChanged());
        return new Change.Moved(d.build(), events, forget ? null : new Change.Note(ShareMessages.LEFT), ends);
    }

    static Change raise(ShareSession c, ShareFormat f, MemberRef who, Instant now) {
        Optional<Person> person = c.member(who);
        if (person.isEmpty()) {
            return Change.stay(ShareMessages.NOT_IN_SESSION);
        }
        if (f.step(c.step()).kind() != Kind.OPEN) {
            return Change.stay(ShareMessages.NOT_OPEN);
        }
        if (c.holds(who)) {
            return Change.stay(ShareMessages.HAND_SPEAKING);
        }
        int position = c.position(who);
        if (position > 0) {
            return Change.stay(ShareMessages.HAND_ALREADY, "position", position);
        }
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        if (d.speaker == null && d.queue.isEmpty() && d.pausedAt == null) {
            TalkingPiece.give(d, person.get(), now, events);
            events.add(new Event.BoardChanged());
            return new Change.Moved(d.build(), events, null, false);
        }
        d.queue.add(person.get());
        events.add(new Event.BoardChanged());
        return new Change.Moved(d.build(), events, new Change.Note(ShareMessages.HAND_RAISED, "position", d.queue.size()), false);
    }

    static Change lower(ShareSession c, ShareFormat f, MemberRef who) {
        if (!c.includes(who)) {
            return Change.stay(ShareMessages.NOT_IN_SESSION);
        }
        if (f.step(c.step()).kind() != Kind.OPEN) {
            return Change.stay(ShareMessages.NOT_OPEN);
        }
        if (c.position(who) == 0) {
            return Change.stay(ShareMessages.HAND_NOT_RAISED);
        }
        ShareSession.Draft d = c.draft();
        d.queue.removeIf(p -> p.same(who));
        return new Change.Moved(d.build(), List.of(new Event.BoardChanged()), new Change.Note(ShareMessages.HAND_LOWERED), false);
    }

    /**
     * The holder passes the piece on, having shared ({@code passed} false) or not. {@code expectedTurn} is the turn a
     * button was made for (null for a typed command): a button of a turn that is over does nothing.
     */
    static Change finishTurn(ShareSession c, ShareFormat f, MemberRef who, Integer expectedTurn, boolean passed, Instant now) {
        if (!c.includes(who)) {
            return Change.stay(ShareMessages.NOT_IN_SESSION);
        }
        if (expectedTurn != null && expectedTurn != c.turn()) {
            return Change.stay(ShareMessages.TURN_GONE);
        }
        if (c.speaker() == null) {
            return Change.stay(ShareMessages.NOT_HOLDER_NOBODY);
        }
        if (!c.holds(who)) {
            return Change.stay(ShareMessages.NOT_HOLDER, "name", c.speaker().name());
        }
        if (c.onPause()) {
            return Change.stay(ShareMessages.ON_PAUSE);
        }
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        TalkingPiece.endTurn(d, passed, events);
        boolean ends = TalkingPiece.moveOn(d, f, now, events);
        TalkingPiece.boardChangesInOpenSharing(c, f, d, events);
        return new Change.Moved(d.build(), events, null, ends);
    }

    /** The chair moves the piece on: to the next in the round, or to the first raised hand. */
    static Change callNext(ShareSession c, ShareFormat f, Integer expectedTurn, Instant now) {
        if (expectedTurn != null && expectedTurn != c.turn()) {
            return Change.stay(ShareMessages.TURN_GONE);
        }
        Kind kind = f.step(c.step()).kind();
        if (!kind.hasTurns()) {
            return Change.stay(ShareMessages.NO_TURNS);
        }
        if (c.onPause()) {
            return Change.stay(ShareMessages.ON_PAUSE);
        }
        if (c.queue().isEmpty() && (kind == Kind.OPEN || c.speaker() == null)) {
            return Change.stay(ShareMessages.QUEUE_EMPTY);
        }
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        TalkingPiece.endTurn(d, false, events);
        boolean ends = TalkingPiece.moveOn(d, f, now, events);
        TalkingPiece.boardChangesInOpenSharing(c, f, d, events);
        return new Change.Moved(d.build(), events, null, ends);
    }

    /** The chair moves to the next step; {@code expectedStep} is the step a button was made for (null when typed). */
    static Change nextStep(ShareSession c, ShareFormat f, Integer expectedStep, Instant now) {
        if (expectedStep != null && expectedStep != c.step()) {
            return Change.stay(ShareMessages.STEP_GONE);
        }
        if (c.onPause()) {
            return Change.stay(ShareMessages.ON_PAUSE);
        }
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        boolean ends = TalkingPiece.begin(d, f, d.step + 1, now, events);
        return new Change.Moved(d.build(), events, null, ends);
    }

    /** The session goes to its closing now (the chair ends it, or it ran far too long). */
    static Change.Moved end(ShareSession c, ShareFormat f, Instant now) {
        ShareSession.Draft d = c.draft();
        List<Event> events = new ArrayList<>();
        TalkingPiece.begin(d, f, f.closing(), now, events);
        return new Change.Moved(d.build(), events, null, true);
    }

    /** The chair puts someone waiting at another place in the queue (counted from 1). */
    static Change move(ShareSession c, String typed, int position) {
        Optional<Person> person = find(c, typed);
        if (person.isEmpty()) {
            return unknown(c, typed);
        }
        int index = indexIn(c.queue(), person.get());
        if (index < 0) {
            return Change.stay(ShareMessages.NOT_QUEUED, "name", person.get().name());
        }
        ShareSession.Draft d = c.draft();
        Person moved = d.queue.remove(index);
        int to = Math.max(0, Math.min(position - 1, d.queue.size()));
        d.queue.add(to, moved);
        return new Change.Moved(d.build(), List.of(new Event.BoardChanged()),
                new Change.Note(ShareMessages.MOVED, "name", moved.name(), "position", to + 1), false);
    }

    /** The chair takes someone out of the queue (they stay in the session). */
    static Change remove(ShareSession c, String typed) {
        Optional<Person> person = find(c, typed);
        if (person.isEmpty()) {
            return unknown(c, typed);
        }
        if (c.speaker() != null && c.speaker().key().equals(person.get().key())) {
            return Change.stay(ShareMessages.REMOVE_SPEAKER, "name", person.get().name());
        }
        int index = indexIn(c.queue(), person.get());
        if (index < 0) {
            return Change.stay(ShareMessages.NOT_QUEUED, "name", person.get().name());
        }
        ShareSession.Draft d = c.draft();
        d.queue.remove(index);
        return new Change.Moved(d.build(), List.of(new Event.BoardChanged()),
                new Change.Note(ShareMessages.REMOVED, "name", person.get().name()), false);
    }

    static Change pause(ShareSession c, Instant now) {
        if (c.onPause()) {
            return Change.stay(ShareMessages.ALREADY_PAUSED);
        }
        ShareSession.Draft d = c.draft();
        d.pausedAt = now;
        return new Change.Moved(d.build(), List.of(new Event.Paused()), null, false);
    }

    /**
     * The session goes on; its time boxes run again from where they stopped, and if hands went up (or someone joined a
     * round) while nobody held the piece, the first of them gets it now.
     */
    static Change resume(ShareSession c, ShareFormat f, Instant now) {
        if (!c.onPause()) {
            return Change.stay(ShareMessages.NOT_PAUSED);
        }
        ShareSession.Draft d = c.draft();
        Duration pause = Duration.between(d.pausedAt, now);
        d.stepStartedAt = d.stepStartedAt.plus(pause);
        if (d.turnStartedAt != null) {
            d.turnStartedAt = d.turnStartedAt.plus(pause);
        }
        d.pausedAt = null;
        d.pauses++;
        List<Event> events = new ArrayList<>();
        events.add(new Event.Resumed());
        if (d.speaker == null && !d.queue.isEmpty() && f.step(d.step).kind().hasTurns()) {
            TalkingPiece.postWaiting(d, events);
            if (!d.queue.isEmpty()) {
                TalkingPiece.give(d, d.queue.remove(0), now, events);
            }
            events.add(new Event.BoardChanged());
        }
        return new Change.Moved(d.build(), events, null, false);
    }

    /** Someone sends the speaker a kind of support; only which kinds were sent is kept, never who or how often. */
    static Change support(ShareSession c, MemberRef who, int expectedTurn, Encouragement kind) {
        if (!c.includes(who)) {
            return Change.stay(ShareMessages.NOT_IN_SESSION);
        }
        if (c.speaker() == null || expectedTurn != c.turn()) {
            return Change.stay(ShareMessages.TURN_GONE);
        }
        if (c.holds(who)) {
            return Change.stay(ShareMessages.SUPPORT_SELF);
        }
        Change.Note sent = new Change.Note(ShareMessages.SUPPORT_SENT, "name", c.speaker().name());
        if ((c.support() & kind.bit()) != 0) {
            return new Change.Stay(sent);
        }
        ShareSession.Draft d = c.draft();
        d.support |= kind.bit();
        return new Change.Moved(d.build(), List.of(), sent, false);
    }

    /**
     * A share without a name: posted at once when nobody holds the talking piece and nobody waits, else queued as
     * "an anonymous share" and posted when the turns before it end (or the chair calls it), so that it never
     * interrupts a speaker. Its author never reaches the session's state; its text waits there only until posted.
     */
    static Change anonymous(ShareSession c, ShareFormat f, MemberRef author, String text) {
        if (!c.includes(author)) {
            return Change.stay(ShareMessages.ANON_NOT_JOINED);
        }
        if (f.step(c.step()).kind() != Kind.OPEN) {
            return Change.stay(ShareMessages.ANON_NOT_OPEN);
        }
        ShareSession.Draft d = c.draft();
        if (d.speaker == null && d.queue.isEmpty() && d.pausedAt == null) {
            d.anonymous++;
            return new Change.Moved(d.build(), List.of(new Event.AnonymousShare(text)), new Change.Note(ShareMessages.ANON_POSTED),
                    false);
        }
        Person waiting = Person.waitingShare(Long.toString(c.version()));
        d.queue.add(waiting);
        d.waiting.put(waiting.key(), text);
        return new Change.Moved(d.build(), List.of(new Event.BoardChanged()),
                new Change.Note(ShareMessages.ANON_QUEUED, "position", d.queue.size()), false);
    }

    /** The present members in join order, starting {@code rounds} places further on (a fair, rotating start). */
    static List<Person> rotated(List<Person> present, int rounds) {
        if (present.isEmpty()) {
            return List.of();
        }
        int start = rounds % present.size();
        List<Person> order = new ArrayList<>(present.subList(start, present.size()));
        order.addAll(present.subList(0, start));
        return order;
    }

    /** Someone in the session by a typed name, user id, {@code @name} or platform mention. */
    static Optional<Person> find(ShareSession c, String typed) {
        String text = typed.strip();
        Matcher mention = MENTION.matcher(text);
        if (mention.matches()) {
            text = mention.group(1);
        } else if (text.startsWith("@")) {
            text = text.substring(1);
        }
        String wanted = text;
        return everyone(c).stream().filter(p -> !p.anonymousShare())
                .filter(p -> p.userId().equalsIgnoreCase(wanted) || p.name().equalsIgnoreCase(wanted))
                .findFirst();
    }

    private static List<Person> everyone(ShareSession c) {
        Map<String, Person> all = new LinkedHashMap<>();
        c.present().forEach(p -> all.putIfAbsent(p.key(), p));
        c.queue().forEach(p -> all.putIfAbsent(p.key(), p));
        if (c.speaker() != null) {
            all.putIfAbsent(c.speaker().key(), c.speaker());
        }
        return List.copyOf(all.values());
    }

    private static Change unknown(ShareSession c, String typed) {
        String names = String.join(", ", c.present().stream().map(Person::name).toList());
        return Change.stay(ShareMessages.UNKNOWN_PERSON, "given", typed.strip(), "names", names);
    }

    private static int indexIn(List<Person> queue, Person person) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).key().equals(person.key())) {
                return i;
            }
        }
        return -1;
    }
}
