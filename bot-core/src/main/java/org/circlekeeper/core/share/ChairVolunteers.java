package org.circlekeeper.core.share;

import java.time.Clock;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.template.Speech;

/**
 * The members' side of the rotating chair: offering to chair (or taking the offer back) with {@code /share volunteer},
 * and answering the bot's "would you chair next time?" with its buttons. {@link Rotations} keeps the rotation itself.
 */
final class ChairVolunteers {

    private final ShareStore store;
    private final Rotations rotations;
    private final Outbox outbox;
    private final Clock clock;

    ChairVolunteers(ShareStore store, Rotations rotations, Outbox outbox, Clock clock) {
        this.store = store;
        this.rotations = rotations;
        this.outbox = outbox;
        this.clock = clock;
    }

    void volunteer(Turn turn, Args args) {
        ShareRoom room = ShareRoom.of(turn.context()).orElseThrow();
        MemberRef member = turn.member();
        boolean listed = store.volunteers(turn.community()).stream().anyMatch(v -> v.person().same(member));
        if (args.has("off")) {
            turn.replyPrivately(listed && store.removeVolunteer(turn.community(), member.key())
                    ? ShareMessages.VOLUNTEER_OFF : ShareMessages.VOLUNTEER_NOT);
            return;
        }
        if (listed) {
            turn.replyPrivately(ShareMessages.VOLUNTEER_ALREADY);
            return;
        }
        store.saveVolunteer(turn.community(), new Volunteer(Person.of(member), clock.instant(), null));
        store.remember(member, room);
        turn.replyPrivately(ShareMessages.VOLUNTEERED, "name", member.displayName());
    }

    /** The answer to "would you chair next time?": {@code argument} is the rotation round the question was asked in. */
    void answer(Turn turn, String argument, boolean accept) {
        Optional<ShareRoom> room = ShareRoom.of(turn.context());
        if (room.isEmpty() || !argument.matches("\\d{1,9}")) {
            turn.replyPrivately(ShareMessages.CHAIR_STALE);
            return;
        }
        int round = Integer.parseInt(argument);
        Speech words = outbox.forCommunity(room.get().community());
        Rotations.Answer answer = accept ? rotations.accept(room.get(), turn.member(), round, words)
                : rotations.decline(room.get(), turn.member(), round, words);
        if (answer.message() != null) {
            turn.replaceOrigin(answer.message());
        } else {
            SessionCommands.note(turn, answer.note());
        }
    }
}
