package org.circlekeeper.core.share;

import java.util.List;
import java.util.Objects;

/**
 * Who chairs the next session in one room: the volunteer the bot asked and is waiting for, or the one
 * who accepted. Versioned like a session, so two presses of "I'll chair" cannot both count.
 * Accepting gives chair rights for the next session in the room only; starting a session there uses it up.
 *
 * @param round    grows with every question asked; the answer buttons carry it
 * @param proposed who was asked and has not answered yet, or null
 * @param declined the keys of those who said "not this time" since the last session ended
 * @param accepted who will chair the next session here, or null
 */
public record ChairRotation(long version, int round, Person proposed, List<String> declined, Person accepted) {

    public static final ChairRotation NONE = new ChairRotation(0, 0, null, List.of(), null);

    public ChairRotation {
        declined = List.copyOf(declined);
        if (version < 0) {
            throw new IllegalArgumentException("a rotation's version is 0 (none yet) or more");
        }
    }

    /** The next version with a new question (or none): the earlier answers are forgotten. */
    ChairRotation ask(Person next, List<String> declinedSoFar) {
        return new ChairRotation(version + 1, round + 1, next, declinedSoFar, accepted);
    }

    ChairRotation accept() {
        return new ChairRotation(version + 1, round, null, declined, Objects.requireNonNull(proposed, "proposed"));
    }

    /** The designation was used: a session started in the room. */
    ChairRotation usedUp() {
        return new ChairRotation(version + 1, round, proposed, declined, null);
    }

    /** The same rotation without any trace of the member (they erased their data). */
    ChairRotation without(String memberKey) {
        return new ChairRotation(version + 1, round, proposed != null && proposed.key().equals(memberKey) ? null : proposed,
                declined.stream().filter(k -> !k.equals(memberKey)).toList(),
                accepted != null && accepted.key().equals(memberKey) ? null : accepted);
    }

    boolean mentions(String memberKey) {
        return proposed != null && proposed.key().equals(memberKey) || accepted != null && accepted.key().equals(memberKey)
                || declined.contains(memberKey);
    }
}
