package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Speech;

/**
 * The RSVP buttons under a meeting (coming / not this time / maybe) and what pressing one does: the answer is kept
 * until a week after the meeting and confirmed privately. Reminders, {@code /next} and a new circle all show them.
 */
final class RsvpAction {

    /** How long an answer is kept after its meeting ends (organisers may look back at who came). */
    static final Duration KEPT_AFTER = Duration.ofDays(7);

    private final CircleStores stores;
    private final ActionSpec spec = new ActionSpec("circle.rsvp", Audience.MEMBER, this::onRsvp);

    RsvpAction(CircleStores stores) {
        this.stores = stores;
    }

    ActionSpec spec() {
        return spec;
    }

    /** Coming / not this time / maybe: {@code circle.rsvp:<circle>:<meeting>:<answer>:<community tag>}, at most 48 bytes. */
    List<Button> buttons(CommunityRef community, Occurrence occurrence, Speech speaker) {
        String meeting = occurrence.circleId() + ":" + occurrence.key() + ":";
        String tag = ":" + Ids.tag(community);
        return List.of(
                spec.button(speaker.text(CircleMessages.BUTTON_COMING), meeting + Rsvp.Answer.COMING.code() + tag, Button.Style.PRIMARY),
                spec.button(speaker.text(CircleMessages.BUTTON_NOT), meeting + Rsvp.Answer.NOT_THIS_TIME.code() + tag, Button.Style.SECONDARY),
                spec.button(speaker.text(CircleMessages.BUTTON_MAYBE), meeting + Rsvp.Answer.MAYBE.code() + tag, Button.Style.SECONDARY));
    }

    /** The member's own answer to a meeting in words, or empty when they gave none. */
    String answerText(Turn turn, Occurrence occurrence) {
        return stores.rsvps().get(turn.community(), occurrence.ref(), turn.member()).map(r -> switch (r.answer()) {
            case COMING -> turn.text(CircleMessages.ANSWER_COMING);
            case NOT_THIS_TIME -> turn.text(CircleMessages.ANSWER_NOT);
            case MAYBE -> turn.text(CircleMessages.ANSWER_MAYBE);
        }).orElse("");
    }

    private void onRsvp(Turn turn, String argument) {
        String[] parts = argument.split(":");
        Optional<Rsvp.Answer> answer = parts.length == 4 ? Rsvp.Answer.fromCode(parts[2]) : Optional.empty();
        Optional<LocalDateTime> original = parts.length == 4 ? Occurrence.parseKey(parts[1]) : Optional.empty();
        Optional<CommunityRef> where = parts.length == 4 ? communityOf(turn, parts[3]) : Optional.empty();
        if (answer.isEmpty() || original.isEmpty() || where.isEmpty() || !Circle.ID.matcher(parts[0]).matches()) {
            turn.replyPrivately(CircleMessages.RSVP_UNKNOWN);
            return;
        }
        CommunityRef community = where.get();
        Optional<Circle> circle = stores.circles().find(community, parts[0]);
        if (circle.isEmpty()) {
            turn.replyPrivately(CircleMessages.RSVP_UNKNOWN);
            return;
        }
        Optional<Occurrence> meeting = Occurrences.find(circle.get(), original.get());
        if (meeting.isEmpty()) {
            turn.replyPrivately(CircleMessages.RSVP_OFF, "name", circle.get().name());
            return;
        }
        Instant end = meeting.get().end().toInstant();
        if (!end.isAfter(turn.now())) {
            turn.replyPrivately(CircleMessages.RSVP_OVER, "name", circle.get().name());
            return;
        }
        stores.rsvps().put(community, meeting.get().ref(), turn.member(),
                new Rsvp(answer.get(), turn.member().displayName(), turn.now()), end.plus(KEPT_AFTER));
        MessageKey reply = switch (answer.get()) {
            case COMING -> CircleMessages.RSVP_COMING;
            case NOT_THIS_TIME -> CircleMessages.RSVP_NOT;
            case MAYBE -> CircleMessages.RSVP_MAYBE;
        };
        turn.replyPrivately(reply, "name", circle.get().name(), "start", CircleTexts.start(meeting.get().start(), turn.zone(), turn.locale()));
    }

    /**
     * The community a button was made for: the one it was pressed in, or, for a private reminder
     * pressed in a direct chat, whichever of the member's own communities (where they chose
     * reminders or answered before) carries the button's tag. Empty when none does.
     */
    private Optional<CommunityRef> communityOf(Turn turn, String tag) {
        if (tag.equals(Ids.tag(turn.community()))) {
            return Optional.of(turn.community());
        }
        if (!turn.context().channel().isDirect()) {
            return Optional.empty();
        }
        Set<CommunityRef> own = new LinkedHashSet<>(stores.reminders().ofMember(turn.member()).keySet());
        stores.rsvps().ofMember(turn.member()).forEach(answer -> own.add(answer.community()));
        return own.stream().filter(c -> tag.equals(Ids.tag(c))).findFirst();
    }
}
