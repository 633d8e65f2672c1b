package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.resource.CrisisSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The care a check-in gets, matched to the answer. A low day gets warmth and a gentle offer: a few
 * coping techniques from the resource catalog and, if the member chose a buddy beforehand, a button
 * that lets the buddy know (only when pressed). The hardest answer gets the crisis lines of the
 * member's country first (from the resource feature, through its {@link CrisisSupport} port), then the techniques, and the
 * chosen buddy is told at once; so does a note that the safety check would catch. A buddy hears
 * nothing but that the member could use some support, at most once per {@link #ALERT_COOLDOWN}.
 */
final class CheckinCare {

    /** How much care an answer asks for. */
    enum Care {
        /** Okay and better: no word of care. */
        NONE,
        /** A low day: warmth, techniques, the offer to tell the buddy. */
        GENTLE,
        /** The hardest answer: the crisis lines first, and the buddy is told. */
        CRISIS
    }

    /** How long after an alert the same member's buddy gets no second one from the same community. */
    static final Duration ALERT_COOLDOWN = Duration.ofHours(24);
    /** How far back the previous check-in may be for two low ones to count as "in a row". */
    static final int IN_A_ROW_DAYS = 7;
    /** Shipped techniques offered on a hard day, in this order (those the catalog lacks are left out). */
    static final List<String> COPING = List.of("grounding-5-4-3-2-1", "self-compassion-pause", "reaching-out");
    private static final Logger LOG = LoggerFactory.getLogger(CheckinCare.class);

    private final CheckinProfileStore profiles;
    private final AlertCooldownStore cooldowns;
    private final CrisisSupport crisisSupport;
    private final Outbox outbox;

    CheckinCare(CheckinProfileStore profiles, AlertCooldownStore cooldowns, CrisisSupport crisisSupport, Outbox outbox) {
        this.profiles = profiles;
        this.cooldowns = cooldowns;
        this.crisisSupport = crisisSupport;
        this.outbox = outbox;
    }

    /** The care a mood asks for: the crisis lines only for the hardest answer, a gentle word for a low one. */
    static Care careFor(Mood mood) {
        return switch (mood) {
            case REALLY_HARD -> Care.CRISIS;
            case LOW -> Care.GENTLE;
            default -> Care.NONE;
        };
    }

    /** True for a low mood after a low previous check-in of the last days: the gentle word says so. */
    static boolean lowInARow(Mood mood, Optional<Checkin> previous, LocalDate today) {
        return mood.isLow() && previous.filter(p -> p.mood().isLow())
                .filter(p -> Streaks.daysBetween(p.day(), today) <= IN_A_ROW_DAYS).isPresent();
    }

    /** True when the organisers chose a channel for support alerts ({@code /safety alerts on}). */
    boolean organisersReachable(CommunityRef community) {
        return crisisSupport.supportAlertChannel(community).isPresent();
    }

    /** The member's buddy in the community, if they chose one. */
    Optional<Buddy> buddy(CommunityRef community, MemberRef member) {
        return profiles.profile(community, member).buddySetting();
    }

    /** The reply to the hardest answer: the crisis lines first, then techniques; the chosen buddy is told at once. */
    OutgoingMessage crisis(Turn turn, CommunityRef community) {
        StringBuilder text = new StringBuilder(turn.text(CheckinMessages.HARD).stripTrailing());
        text.append("\n\n").append(crisisLines(turn));
        text.append("\n\n").append(turn.text(CheckinMessages.HARD_COPING, "coping", coping(turn)).stripTrailing());
        alert(turn, community).ifPresent(line -> text.append("\n\n").append(line));
        return OutgoingMessage.text(text.toString()).visibility(Visibility.PRIVATE).build();
    }

    /**
     * The reply to a low day: warmth, techniques and, when the member chose a buddy, the offer to tell them
     * ({@code tell} is the button that does it); nobody is told unless the member presses it.
     */
    OutgoingMessage gentle(Turn turn, CommunityRef community, boolean inARow, Button tell) {
        Optional<Buddy> buddy = buddy(community, turn.member());
        String text = turn.text(CheckinMessages.LOW, "inARow", inARow, "coping", coping(turn),
                "buddy", buddy.filter(b -> !b.isOrganisers()).map(b -> b.member().displayName()).orElse(""),
                "organisers", buddy.filter(Buddy::isOrganisers).isPresent());
        OutgoingMessage.Builder message = OutgoingMessage.text(text.stripTrailing()).visibility(Visibility.PRIVATE);
        if (buddy.isPresent()) {
            message.button(tell);
        }
        return message.build();
    }

    /** What a member hears when they press "let them know" after a low day: what was done, or why nothing was. */
    String tellBuddy(Turn turn, CommunityRef community) {
        if (buddy(community, turn.member()).isEmpty()) {
            return turn.text(CheckinMessages.LOW_NO_BUDDY);
        }
        return alert(turn, community).orElseGet(() -> turn.text(CheckinMessages.LOW_ALREADY_TOLD));
    }

    /** True when a note says what the safety check would catch in a group: it gets the crisis lines first too. */
    boolean soundsLikeCrisis(String text) {
        return crisisSupport.soundsLikeCrisis(text);
    }

    /** The crisis lines of the member's country (or the international ones), as a card. */
    String crisisLines(Turn turn) {
        return crisisSupport.crisisCard(turn, turn.member());
    }

    private List<Map<String, Object>> coping(Turn turn) {
        List<Map<String, Object>> coping = new ArrayList<>();
        for (CrisisSupport.Technique technique : crisisSupport.techniques(COPING, turn.locale())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", technique.title());
            item.put("summary", technique.summary());
            item.put("id", technique.id());
            item.put("language", technique.language());
            coping.add(item);
        }
        return coping;
    }

    /** Alerts the chosen buddy unless none is chosen or the cooldown runs; the line telling the member what happened, if anything did. */
    private Optional<String> alert(Turn turn, CommunityRef community) {
        MemberRef member = turn.member();
        Optional<Buddy> buddy = profiles.profile(community, member).buddySetting();
        if (buddy.isEmpty() || !cooldowns.startAlertCooldown(community, member, ALERT_COOLDOWN)) {
            return Optional.empty();
        }
        String name = member.displayName();
        try {
            if (buddy.get().isOrganisers()) {
                Optional<ChannelRef> alertChannel = crisisSupport.supportAlertChannel(community);
                if (alertChannel.isEmpty()) {
                    LOG.info("a check-in support alert for organisers found no alert channel on {}", community.platform().id());
                    return Optional.of(turn.text(CheckinMessages.LOW_ALERT_FAILED));
                }
                Outbox.Voice voice = outbox.forCommunity(community);
                voice.send(new Target.Channel(alertChannel.get()), voice.compose(CheckinMessages.ALERT_ORGANISERS, "name", name).build());
                LOG.info("a member's check-in support alert went to the organisers on {}", community.platform().id());
                return Optional.of(turn.text(CheckinMessages.LOW_ALERTED_ORGANISERS));
            }
            MemberRef to = buddy.get().member();
            Outbox.Voice voice = outbox.forMember(to, community);
            voice.send(new Target.Member(to), voice.compose(CheckinMessages.ALERT_BUDDY, "name", name)
                    .visibility(Visibility.PRIVATE).build());
            LOG.info("a member's check-in support alert went to their buddy on {}", community.platform().id());
            return Optional.of(turn.text(CheckinMessages.LOW_ALERTED_BUDDY, "name", to.displayName()));
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("a check-in support alert could not be delivered on {}", community.platform().id());
            return Optional.of(turn.text(CheckinMessages.LOW_ALERT_FAILED));
        }
    }
}
