package org.circlekeeper.core.share;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rotating chair. Members volunteer; when a session ends the bot asks the volunteer who has waited
 * longest since they last chaired, and on "not this time" the next one. Whoever accepts may start the
 * next session in that room and chairs it; starting a session there uses the acceptance up. Every
 * answer is a compare-and-set on the room's {@link ChairRotation}, so a double press counts once.
 */
final class Rotations {

    private static final Logger LOG = LoggerFactory.getLogger(Rotations.class);
    private static final int MAX_ATTEMPTS = 16;

    /** Who has waited longest since chairing comes first; never-chaired volunteers by when they offered. */
    static final Comparator<Volunteer> FAIR = Comparator
            .comparing((Volunteer v) -> v.lastChaired() == null ? Instant.MIN : v.lastChaired())
            .thenComparing(Volunteer::since).thenComparing(v -> v.person().key());

    private final ShareStore store;
    private final Clock clock;

    Rotations(ShareStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The answer to a press of "I'll chair" or "not this time": the question's new text, or a private word. */
    record Answer(OutgoingMessage message, Change.Note note) {
    }

    /** Who accepted to chair the next session in the room, if anyone did. */
    Optional<Person> designated(ShareRoom room) {
        return Optional.ofNullable(store.rotation(room).accepted());
    }

    /** A session started in the room: whoever accepted to chair it has done so (or someone else did). */
    void useUp(ShareRoom room) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChairRotation current = store.rotation(room);
            if (current.accepted() == null || store.saveRotation(room, current.usedUp())) {
                return;
            }
        }
        LOG.warn("the chair rotation in {} stayed busy; its designation stays until the next circle", room.community().key());
    }

    /** After a session ended: its chair's turn is noted, and the volunteer whose turn it is gets asked. */
    OutgoingMessage afterSession(ShareRoom room, Person chair, Speech words) {
        Instant now = clock.instant();
        if (chair != null) {
            store.volunteers(room.community()).stream().filter(v -> v.person().key().equals(chair.key())).findFirst()
                    .ifPresent(v -> store.saveVolunteer(room.community(), v.chaired(now)));
        }
        return question(words, ask(room, List.of()), null);
    }

    Answer accept(ShareRoom room, MemberRef member, int round, Speech words) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChairRotation current = store.rotation(room);
            Optional<Change.Note> refused = check(current, member, round);
            if (refused.isPresent()) {
                return new Answer(null, refused.get());
            }
            if (store.saveRotation(room, current.accept())) {
                return new Answer(OutgoingMessage.text(words.text(ShareMessages.CHAIR_ACCEPTED, "name", current.proposed().name())).build(),
                        null);
            }
        }
        return new Answer(null, new Change.Note(ShareMessages.BUSY));
    }

    Answer decline(ShareRoom room, MemberRef member, int round, Speech words) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChairRotation current = store.rotation(room);
            Optional<Change.Note> refused = check(current, member, round);
            if (refused.isPresent()) {
                return new Answer(null, refused.get());
            }
            List<String> declined = new ArrayList<>(current.declined());
            declined.add(current.proposed().key());
            Person next = candidate(room, declined).orElse(null);
            ChairRotation asked = current.ask(next, declined);
            if (store.saveRotation(room, asked)) {
                remember(room, next);
                return new Answer(question(words, asked, words.text(ShareMessages.CHAIR_DECLINED, "name", current.proposed().name())),
                        null);
            }
        }
        return new Answer(null, new Change.Note(ShareMessages.BUSY));
    }

    private static Optional<Change.Note> check(ChairRotation current, MemberRef member, int round) {
        if (current.round() != round || current.proposed() == null) {
            return Optional.of(new Change.Note(ShareMessages.CHAIR_STALE));
        }
        if (!current.proposed().same(member)) {
            return Optional.of(new Change.Note(ShareMessages.CHAIR_NOT_YOU, "name", current.proposed().name()));
        }
        return Optional.empty();
    }

    private ChairRotation ask(ShareRoom room, List<String> declined) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ChairRotation current = store.rotation(room);
            Person next = candidate(room, declined).orElse(null);
            ChairRotation asked = current.ask(next, declined);
            if (store.saveRotation(room, asked)) {
                remember(room, next);
                return asked;
            }
        }
        LOG.warn("the chair rotation in {} stayed busy; nobody was asked to chair", room.community().key());
        return ChairRotation.NONE;
    }

    private void remember(ShareRoom room, Person person) {
        if (person != null) {
            store.remember(person.toMember(), room);
        }
    }

    private Optional<Person> candidate(ShareRoom room, List<String> declined) {
        return store.volunteers(room.community()).stream().filter(v -> !declined.contains(v.person().key()))
                .sorted(FAIR).map(Volunteer::person).findFirst();
    }

    private static OutgoingMessage question(Speech words, ChairRotation asked, String before) {
        String prefix = before == null ? "" : before + "\n\n";
        if (asked.proposed() == null) {
            return OutgoingMessage.text(prefix + words.text(ShareMessages.CHAIR_NOBODY)).build();
        }
        String round = Integer.toString(asked.round());
        return OutgoingMessage.text(prefix + words.text(ShareMessages.CHAIR_PROPOSE, "name", asked.proposed().name()))
                .button(new Button(words.text(ShareMessages.BUTTON_ACCEPT), Actions.ACCEPT + ":" + round, Button.Style.PRIMARY))
                .button(new Button(words.text(ShareMessages.BUTTON_DECLINE), Actions.DECLINE + ":" + round, Button.Style.SECONDARY))
                .build();
    }
}
