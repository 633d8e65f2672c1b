package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;

/**
 * Where a step of the check-in flow belongs: the community and day a button or form was made for
 * ({@code <day>:<tag>} in its state), the member's "today" there, and today's check-in the step is about.
 */
final class Flows {

    /** The community and day a button or form of the check-in flow was made for, and whether that day is still today. */
    record Flow(CommunityRef community, LocalDate day, LocalDate today) {
        boolean isToday() {
            return day.equals(today);
        }
    }

    private final CheckinStore checkins;
    private final CheckinMemberIndex members;
    private final PreferenceResolver preferences;

    Flows(CheckinStore checkins, CheckinMemberIndex members, PreferenceResolver preferences) {
        this.checkins = checkins;
        this.members = members;
        this.preferences = preferences;
    }

    /** The state a flow's button or form carries: {@code <day>:<tag>}. */
    static String state(CommunityRef community, LocalDate day) {
        return CheckinKeys.day(day) + ":" + CheckinKeys.tag(community);
    }

    /** Reads {@code <day>:<tag>}. */
    Optional<Flow> flow(Turn turn, String state) {
        String[] parts = state.split(":", -1);
        return parts.length == 2 ? flow(turn, parts[0], parts[1]) : Optional.empty();
    }

    Optional<Flow> flow(Turn turn, String day, String tag) {
        Optional<LocalDate> parsed = CheckinKeys.parseDay(day);
        Optional<CommunityRef> community = communityOf(turn, tag);
        if (parsed.isEmpty() || community.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(community.get(), parsed.get(), today(turn, community.get())));
    }

    /** Today's check-in the flow is about, or a kind reply when the day has passed or the check-in is gone. */
    Optional<Checkin> todays(Turn turn, Flow flow) {
        if (!flow.isToday()) {
            turn.replyPrivately(CheckinMessages.ERR_PASSED, "day", CheckinWords.dayText(flow.day(), turn.locale()));
            return Optional.empty();
        }
        Optional<Checkin> checkin = checkins.find(flow.community(), turn.member(), flow.day());
        if (checkin.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_NO_CHECKIN);
        }
        return checkin;
    }

    /**
     * The community a button was made for: the one it was pressed in, or, for a private prompt answered
     * in a direct chat, whichever of the member's communities carries the button's tag.
     */
    Optional<CommunityRef> communityOf(Turn turn, String tag) {
        if (tag.equals(CheckinKeys.tag(turn.community()))) {
            return Optional.of(turn.community());
        }
        if (!turn.context().channel().isDirect()) {
            return Optional.empty();
        }
        return members.communities(turn.member()).stream().filter(c -> tag.equals(CheckinKeys.tag(c))).findFirst();
    }

    /** The member's local date in a community (their zone there). */
    LocalDate today(Turn turn, CommunityRef community) {
        ZoneId zone = community.equals(turn.community()) ? turn.zone() : preferences.resolve(turn.member(), community).zone();
        return LocalDate.ofInstant(turn.now(), zone);
    }

    /** The member's local date in a community at an instant, outside any turn (their own page). */
    LocalDate today(MemberRef member, CommunityRef community, Instant now) {
        return LocalDate.ofInstant(now, preferences.resolve(member, community).zone());
    }
}
