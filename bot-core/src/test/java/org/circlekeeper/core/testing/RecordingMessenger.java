package org.circlekeeper.core.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.circlekeeper.core.message.MeetingPlace;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Markup;

/** A messenger that records what the bot sent on its own, for assertions in core tests. */
public final class RecordingMessenger implements Messenger {

    /** One message the bot sent or edited. */
    public record Sent(Target target, OutgoingMessage message, String messageId, boolean edit) {
        public String text() {
            return Markup.plain(message.markup());
        }
    }

    private final List<Sent> sent = new ArrayList<>();
    private final ArrayDeque<RuntimeException> failures = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong();

    /** The next sends fail with these, in order (a platform's refusal or its request to wait), instead of being recorded. */
    public synchronized void failNext(RuntimeException... next) {
        failures.addAll(List.of(next));
    }

    private final Set<Target> gone = new HashSet<>();
    private final List<Target> organisers = new ArrayList<>();

    /** Sends to these targets fail for good from now on, as to a deleted channel or one the bot lost access to. */
    public synchronized void gone(Target... targets) {
        gone.addAll(List.of(targets));
    }

    /** Where the platform says a community's organisers can be reached (a server owner's direct messages). */
    public synchronized void organisersAt(Target... targets) {
        organisers.addAll(List.of(targets));
    }

    /** How this recording answers a request for a meeting's own place; null: as a platform without such places. */
    public enum Places { OPEN, NOT_ALLOWED }

    private Places places;
    private final Map<ChannelRef, ChannelRef> openedUnder = new HashMap<>();
    private final List<ChannelRef> closed = new ArrayList<>();

    /** From now on, a meeting's own place is opened ({@code place-N}, under the channel) or refused as not allowed. */
    public synchronized void places(Places answer) {
        places = answer;
    }

    @Override
    public synchronized MeetingPlace openMeetingPlace(ChannelRef channel, String name) {
        if (places == null) {
            return Messenger.super.openMeetingPlace(channel, name);
        }
        if (places == Places.NOT_ALLOWED) {
            return new MeetingPlace.NotAllowed();
        }
        ChannelRef place = new ChannelRef(channel.platform(), "place-" + (openedUnder.size() + 1), ChannelRef.Kind.GROUP);
        openedUnder.put(place, channel);
        return new MeetingPlace.Opened(place, "https://chat.example.org/" + place.channelId());
    }

    @Override
    public synchronized Optional<ChannelRef> closeMeetingPlace(ChannelRef place) {
        if (places == null) {
            return Messenger.super.closeMeetingPlace(place);
        }
        ChannelRef under = openedUnder.get(place);
        if (under != null) {
            closed.add(place);
        }
        return Optional.ofNullable(under);
    }

    /** The places opened for meetings that were closed, in order. */
    public synchronized List<ChannelRef> closedPlaces() {
        return List.copyOf(closed);
    }

    @Override
    public synchronized List<Target> organisersOf(CommunityRef community) {
        return List.copyOf(organisers);
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public synchronized SentMessage send(Target target, OutgoingMessage message) {
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        if (gone.contains(target)) {
            throw new DeliveryFailed("the channel is deleted, or the bot lost access to it", true, null);
        }
        String id = "m" + ids.incrementAndGet();
        sent.add(new Sent(target, message, id, false));
        return new SentMessage(target, id);
    }

    @Override
    public synchronized void edit(SentMessage sentMessage, OutgoingMessage message) {
        sent.add(new Sent(sentMessage.target(), message, sentMessage.messageId(), true));
    }

    public synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    /** Returns and forgets what was sent so far. */
    public synchronized List<Sent> drain() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    /** A recording keeps nothing about members. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }
}
