package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's own choices about check-ins in a community: their prompts ({@code /checkin prompts}), a pause
 * ({@code /checkin away}, {@code /checkin back}) and a buddy who hears when they have a hard day
 * ({@code /checkin buddy}). Each choice moves their planned prompt along with it; each is answered privately.
 */
final class CheckinChoices {

    private static final Logger LOG = LoggerFactory.getLogger(CheckinChoices.class);

    private final CheckinProfileStore profiles;
    private final CheckinSettingsStore settings;
    private final Duration retention;
    private final Outbox outbox;
    private final QuestionSets questions;
    private final Prompts prompts;
    private final CheckinCare care;
    private final Flows flows;

    CheckinChoices(CheckinStores stores, Duration retention, Outbox outbox, QuestionSets questions, Prompts prompts,
                   CheckinCare care, Flows flows) {
        this.profiles = stores.profiles();
        this.settings = stores.settings();
        this.retention = retention;
        this.outbox = outbox;
        this.questions = questions;
        this.prompts = prompts;
        this.care = care;
        this.flows = flows;
    }

    void prompts(Turn turn, Args args) {
        Optional<String> value = args.optional("setting").map(String::strip);
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        CheckinProfile profile = profiles.profile(community, member);
        CheckinSettings current = settings.settings(community);
        if (value.isEmpty()) {
            turn.replyPrivately(CheckinMessages.PROMPTS_STATUS, "group", current.promptsOn(), "days", CheckinWords.daysText(turn, current),
                    "time", current.time().toString(), "questions", questions.name(current.questions(), turn.locale()),
                    "on", profile.prompts(), "own", profile.ownTime().map(LocalTime::toString).orElse(""),
                    "away", profile.awayUntil().map(d -> CheckinWords.dayText(d, turn.locale())).orElse(""), "zone", turn.zone().getId());
            return;
        }
        String folded = CheckinParsing.fold(value.get());
        Optional<LocalTime> time = CheckinParsing.time(value.get());
        CheckinProfile updated;
        MessageKey reply;
        if (CheckinParsing.ON.contains(folded)) {
            updated = profile.withPrompts(true);
            reply = CheckinMessages.PROMPTS_ON;
        } else if (CheckinParsing.OFF.contains(folded)) {
            updated = profile.withPrompts(false);
            reply = CheckinMessages.PROMPTS_OFF;
        } else if (CheckinParsing.GROUP.contains(folded)) {
            updated = profile.withPrompts(true).withTime(null);
            reply = CheckinMessages.PROMPTS_ON;
        } else if (time.isPresent()) {
            updated = profile.withPrompts(true).withTime(time.get());
            reply = CheckinMessages.PROMPTS_TIME;
        } else {
            turn.replyPrivately(CheckinMessages.PROMPTS_BAD, "given", CheckinWords.shorten(value.get()));
            return;
        }
        saveChoice(community, member, updated, turn.now());
        LOG.debug("a member changed their check-in prompts on {}", community.platform().id());
        if (reply == CheckinMessages.PROMPTS_OFF) {
            turn.replyPrivately(reply);
            return;
        }
        turn.replyPrivately(reply, "group", current.promptsOn(), "days", CheckinWords.daysText(turn, current),
                "time", updated.ownTime().orElse(current.time()).toString(), "zone", turn.zone().getId());
    }

    void away(Turn turn, Args args) {
        Optional<String> value = args.optional("until").map(String::strip);
        CommunityRef community = turn.community();
        LocalDate today = flows.today(turn, community);
        Optional<LocalDate> until = value.flatMap(CheckinParsing::date);
        String example = today.plusDays(14).toString();
        if (until.isEmpty() || until.get().isBefore(today) || until.get().isAfter(today.plusYears(1))) {
            turn.replyPrivately(CheckinMessages.AWAY_BAD, "given", CheckinWords.shorten(value.orElse("")), "example", example);
            return;
        }
        saveChoice(community, turn.member(), profiles.profile(community, turn.member()).withAway(until.get()), turn.now());
        turn.replyPrivately(CheckinMessages.AWAY_SET, "date", CheckinWords.dayText(until.get(), turn.locale()));
    }

    void back(Turn turn, Args args) {
        CommunityRef community = turn.community();
        CheckinProfile profile = profiles.profile(community, turn.member());
        if (profile.away() == null || profile.away().isBefore(flows.today(turn, community))) {
            turn.replyPrivately(CheckinMessages.BACK_NOT_AWAY);
            return;
        }
        saveChoice(community, turn.member(), profile.withAway(null), turn.now());
        turn.replyPrivately(CheckinMessages.BACK, "prompts", profile.prompts());
    }

    void buddy(Turn turn, Args args) {
        Optional<String> value = args.optional("who").map(String::strip);
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        CheckinProfile profile = profiles.profile(community, member);
        if (value.isEmpty()) {
            Optional<Buddy> current = profile.buddySetting();
            turn.replyPrivately(CheckinMessages.BUDDY_STATUS, "name", current.filter(b -> !b.isOrganisers())
                    .map(b -> b.member().displayName()).orElse(""), "organisers", current.filter(Buddy::isOrganisers).isPresent());
            return;
        }
        String folded = CheckinParsing.fold(value.get());
        if (CheckinParsing.OFF.contains(folded)) {
            saveChoice(community, member, profile.withBuddy(null), turn.now());
            turn.replyPrivately(CheckinMessages.BUDDY_OFF);
            return;
        }
        if (CheckinParsing.ORGANISERS.contains(folded)) {
            if (!care.organisersReachable(community)) {
                turn.replyPrivately(CheckinMessages.BUDDY_NO_CHANNEL);
                return;
            }
            saveChoice(community, member, profile.withBuddy(Buddy.ORGANISERS), turn.now());
            turn.replyPrivately(CheckinMessages.BUDDY_ORGANISERS);
            return;
        }
        Optional<MemberRef> chosen = CheckinParsing.mention(value.get(), member.platform());
        if (chosen.isEmpty()) {
            turn.replyPrivately(CheckinMessages.BUDDY_BAD, "given", CheckinWords.shorten(value.get()));
            return;
        }
        if (chosen.get().sameMember(member)) {
            turn.replyPrivately(CheckinMessages.BUDDY_SELF);
            return;
        }
        try {
            Outbox.Voice voice = outbox.forMember(chosen.get(), community);
            voice.send(new Target.Member(chosen.get()), voice.compose(CheckinMessages.BUDDY_NOTICE, "name", member.displayName())
                    .visibility(Visibility.PRIVATE).build());
        } catch (Messenger.DeliveryFailed e) {
            LOG.info("a chosen check-in buddy could not be reached on {}", community.platform().id());
            turn.replyPrivately(CheckinMessages.BUDDY_UNREACHABLE, "name", chosen.get().displayName());
            return;
        }
        saveChoice(community, member, profile.withBuddy(Buddy.member(chosen.get())), turn.now());
        turn.replyPrivately(CheckinMessages.BUDDY_SET, "name", chosen.get().displayName());
    }

    /** Saves a member's choice and moves their planned prompt along with it. */
    private void saveChoice(CommunityRef community, MemberRef member, CheckinProfile profile, Instant now) {
        profiles.saveProfile(community, member, profile, now.plus(retention));
        prompts.replan(community, member, profile);
    }
}
