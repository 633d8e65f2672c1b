package org.circlekeeper.core.circle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circle's channel, or the room it meets in, deleted or out of the bot's reach: the circle keeps everything
 * (members' private reminders go on), and its organisers are told once, where they can read it: first where the
 * platform reaches them (a server owner's direct messages), then in another channel of the community's circles.
 */
final class LostPlaces {

    private static final Logger LOG = LoggerFactory.getLogger(LostPlaces.class);

    private final CircleStores stores;
    private final Outbox outbox;

    LostPlaces(CircleStores stores, Outbox outbox) {
        this.stores = stores;
        this.outbox = outbox;
    }

    /**
     * The channel is gone: tells the organisers of the circles posting there, or meeting in a room of that name,
     * unless they were told already.
     *
     * @param name the channel's name, or null when unknown
     */
    void gone(CommunityRef community, ChannelRef channel, String name) {
        List<Circle> live = stores.circles().all(community).stream().filter(c -> !c.cancelled()).toList();
        List<Circle> affected = live.stream().filter(c -> c.channel().equals(channel) || meetsIn(c.place(), channel, name))
                .sorted(Comparator.comparing(Circle::id)).toList();
        if (affected.isEmpty() || !stores.circles().markPlaceLost(community, channel.channelId())) {
            return;
        }
        String names = affected.stream().map(Circle::name).collect(Collectors.joining(", "));
        List<Target> places = new ArrayList<>(outbox.organisersOf(community));
        Set<ChannelRef> others = new LinkedHashSet<>();
        live.stream().map(Circle::channel).filter(c -> !c.equals(channel)).sorted(Comparator.comparing(ChannelRef::channelId))
                .forEach(others::add);
        others.forEach(c -> places.add(new Target.Channel(c)));
        for (Target target : places) {
            boolean privately = target instanceof Target.Member;
            Outbox.Voice voice = privately ? outbox.forMember(((Target.Member) target).member(), community) : outbox.forCommunity(community);
            try {
                voice.send(target, voice.compose(CircleMessages.PLACE_GONE, "circles", names)
                        .visibility(privately ? Visibility.PRIVATE : Visibility.PUBLIC).build());
                LOG.info("the organisers of {} circle(s) were told that their channel is gone", affected.size());
                return;
            } catch (Messenger.DeliveryFailed e) {
                LOG.info("organisers could not be told of a lost channel at one place ({}); trying the next", e.getMessage());
            }
        }
        stores.circles().clearPlaceLost(community, channel.channelId());
        LOG.warn("the organisers of {} circle(s) whose channel is gone could not be told anywhere; told at the next loss",
                affected.size());
    }

    /** A message went out in the channel: it works (again). */
    void reachable(CommunityRef community, ChannelRef channel) {
        stores.circles().clearPlaceLost(community, channel.channelId());
    }

    /** The circle meets in a channel or room named like the lost one (by name, or by a channel mention). */
    private static boolean meetsIn(Place place, ChannelRef channel, String name) {
        if (!(place instanceof Place.Channel) && !(place instanceof Place.Room)) {
            return false;
        }
        String text = place.text().strip();
        if (text.equals("<#" + channel.channelId() + ">")) {
            return true;
        }
        if (name == null || name.isBlank()) {
            return false;
        }
        String bare = text.startsWith("#") ? text.substring(1).strip() : text;
        return bare.toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT));
    }
}
