package org.circlekeeper.core.share;

import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.MeetingPlace;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.template.Markup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a share session meets: a place of its own opened under the channel where it was started, when the platform
 * has such places (a Discord thread), so that a meeting's many messages leave the channel free; else the channel
 * itself (the console, Telegram, a thread or forum post already). When the bot may not open one, the meeting runs
 * in the channel and the organisers are told once. When the meeting ends, its place is closed again.
 */
final class MeetingPlaces {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingPlaces.class);

    private final ShareStore store;
    private final Messengers messengers;
    private final Outbox outbox;

    MeetingPlaces(ShareStore store, Messengers messengers, Outbox outbox) {
        this.store = store;
        this.messengers = messengers;
        this.outbox = outbox;
    }

    /** Where a new session meets: the room of its own place, and the link that opens it (null in the channel itself). */
    record Meeting(ShareRoom room, String link) {
    }

    /**
     * Opens a place for a session started in {@code asked}, named after its format; the channel itself when the
     * platform has no such places, may not open one there, or failed to.
     */
    Meeting open(Turn turn, ShareRoom asked, ShareFormat format) {
        Messenger messenger = messengers.forPlatform(asked.channel().platform());
        MeetingPlace place;
        try {
            place = messenger.openMeetingPlace(asked.channel(), Markup.plain(turn.text(ShareMessages.PLACE_NAME,
                    "format", turn.text(format.name()))).strip());
        } catch (Messenger.UnsupportedOnPlatform e) {
            return new Meeting(asked, null);
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("a place of its own for a share circle in {} could not be opened ({}); it meets in the channel",
                    asked.community().key(), e.permanent() ? "permanently" : "for now");
            return new Meeting(asked, null);
        }
        if (place instanceof MeetingPlace.Opened opened) {
            LOG.info("a share circle in {} meets in a place of its own", asked.community().key());
            return new Meeting(new ShareRoom(asked.community(), opened.place()), opened.link());
        }
        if (place instanceof MeetingPlace.NotAllowed) {
            tellOrganisersOnce(turn, asked);
        }
        return new Meeting(asked, null);
    }

    /**
     * The session in {@code room} ended: a place opened for it is closed, and the room of the channel it was opened
     * under returned (where the circle's next chair is asked); any other room is returned as it is.
     */
    ShareRoom close(ShareRoom room) {
        try {
            Optional<ChannelRef> under = messengers.forPlatform(room.channel().platform()).closeMeetingPlace(room.channel());
            return under.map(channel -> new ShareRoom(room.community(), channel)).orElse(room);
        } catch (Messenger.UnsupportedOnPlatform e) {
            return room;
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("the place of an ended share circle in {} could not be closed ({})", room.community().key(),
                    e.permanent() ? "permanently" : "for now");
            return room;
        }
    }

    /**
     * The bot may not open places here: the organisers are told once for the community. An organiser who started the
     * circle is told privately at once; otherwise where the platform reaches the organisers.
     */
    private void tellOrganisersOnce(Turn turn, ShareRoom asked) {
        ShareSettings settings = store.settings(asked.community());
        if (settings.placeRefusalTold()) {
            return;
        }
        boolean told = false;
        if (turn.context().role() == Role.ORGANISER) {
            turn.replyPrivately(ShareMessages.PLACE_NOT_ALLOWED);
            told = true;
        } else {
            List<Target> organisers = outbox.organisersOf(asked.community());
            for (Target target : organisers) {
                boolean privately = target instanceof Target.Member;
                Outbox.Voice voice = privately ? outbox.forMember(((Target.Member) target).member(), asked.community())
                        : outbox.forCommunity(asked.community());
                try {
                    voice.send(target, voice.compose(ShareMessages.PLACE_NOT_ALLOWED)
                            .visibility(privately ? Visibility.PRIVATE : Visibility.PUBLIC).build());
                    told = true;
                    break;
                } catch (Messenger.DeliveryFailed | RetryLater e) {
                    LOG.info("organisers could not be told at one place that no meeting place may be opened; trying the next");
                }
            }
        }
        if (told) {
            store.saveSettings(asked.community(), store.settings(asked.community()).withPlaceRefusalTold());
        }
    }
}
