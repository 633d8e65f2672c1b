package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

/** Presence reports reach every feature that listens, each listener's failure its own; places are what platforms say. */
class PresenceReportsTest {

    private static final CommunityRef SERVER = new CommunityRef(Platform.CONSOLE, "circle");
    private static final ChannelRef VOICE = new ChannelRef(Platform.CONSOLE, "#voice", ChannelRef.Kind.GROUP);
    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", "alice");

    /** A feature that hears presence: it records what it heard, or fails as told. */
    static final class Listening implements Feature, PresenceListener {
        final String id;
        final RuntimeException failure;
        final List<PresenceEvent> heard = new CopyOnWriteArrayList<>();

        Listening(String id, RuntimeException failure) {
            this.id = id;
            this.failure = failure;
        }

        @Override
        public void onPresence(PresenceEvent event) {
            heard.add(event);
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<CommandSpec> commands() {
            return List.of();
        }

        @Override
        public List<MessageKey> messages() {
            return List.of();
        }

        @Override
        public List<PersonalData> personalData() {
            return List.of();
        }
    }

    private static Engine engineWith(Feature... features) {
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
        Bot.Builder builder = Bot.builder().stores(InMemoryStores.create(clock)).clock(clock).messengers(new Messengers(List.of()))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                .metrics(new EngineBoundaryTest.Counted());
        for (Feature feature : features) {
            builder.feature(new Plugin(feature.id(), "core", List.of(), wiring -> feature));
        }
        return builder.build().engine();
    }

    @Test
    void aListenersBugIsCountedAndTheOthersStillHear() {
        Listening broken = new Listening("broken-presence", new IllegalStateException("feature bug"));
        Listening fine = new Listening("fine-presence", null);
        Engine engine = engineWith(broken, fine);
        PresenceEvent joined = new PresenceEvent.Joined(SERVER, VOICE, ALICE);

        new PresenceReports(engine).presenceChanged(joined);

        assertThat(fine.heard).containsExactly(joined);
        assertThat(((EngineBoundaryTest.Counted) engine.metrics()).calls).containsExactly("unit console presence");
    }

    @Test
    void anUnreachableStoreIsThrownOnAfterEveryListenerHeard() {
        Listening down = new Listening("down-presence", new StoreUnavailable("redis down", null));
        Listening fine = new Listening("fine-presence", null);
        Engine engine = engineWith(down, fine);

        assertThatThrownBy(() -> new PresenceReports(engine).presenceChanged(new PresenceEvent.Left(SERVER, VOICE, ALICE)))
                .isInstanceOf(StoreUnavailable.class);
        assertThat(fine.heard).hasSize(1);
    }

    @Test
    void aPlaceIsAGroupChannelOfTheCommunitysPlatform() {
        assertThatThrownBy(() -> new PresenceEvent.Joined(SERVER, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT),
                ALICE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceEvent.Joined(SERVER, new ChannelRef(Platform.DISCORD, "1", ChannelRef.Kind.GROUP),
                ALICE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlatformWithoutPresenceHasNoPlaceOneIsInAndTwoPresencesForOnePlatformAreRefused() {
        PlacePresence console = new PlacePresence() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public Optional<List<MemberRef>> present(ChannelRef place) {
                return Optional.of(List.of(ALICE));
            }
        };
        PlacePresences presences = new PlacePresences(List.of(console));
        assertThat(presences.present(VOICE)).contains(List.of(ALICE));
        assertThat(presences.present(new ChannelRef(Platform.TELEGRAM, "-100", ChannelRef.Kind.GROUP))).isEmpty();
        assertThat(presences.present(new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT))).isEmpty();
        assertThat(PlacePresences.none().present(VOICE)).isEmpty();
        assertThatThrownBy(() -> new PlacePresences(List.of(console, console))).isInstanceOf(IllegalArgumentException.class);
    }
}
