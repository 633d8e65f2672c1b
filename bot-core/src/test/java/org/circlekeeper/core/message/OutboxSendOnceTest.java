package org.circlekeeper.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.FixedPreferences;
import org.circlekeeper.core.testing.InMemoryDeliveryLog;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.circlekeeper.core.testing.RecordingMessenger;
import org.junit.jupiter.api.Test;

/** What a due job sends goes once per job and target, however often the job runs, and a failed send can be retried. */
class OutboxSendOnceTest {

    private static final Target GROUP = new Target.Channel(new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP));
    private static final OutgoingMessage HELLO = OutgoingMessage.text("hello").build();

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final InMemoryDeliveryLog deliveries = new InMemoryDeliveryLog();
    private final RecordingMessenger recorded = new RecordingMessenger();
    private boolean failNext;

    private final Messenger messenger = new Messenger() {
        @Override
        public Platform platform() {
            return Platform.CONSOLE;
        }

        @Override
        public SentMessage send(Target target, OutgoingMessage message) {
            if (failNext) {
                failNext = false;
                throw new DeliveryFailed("the platform is away", false, null);
            }
            return recorded.send(target, message);
        }

        @Override
        public void edit(SentMessage sent, OutgoingMessage message) {
            recorded.edit(sent, message);
        }

        @Override
        public List<PersonalData> personalData() {
            return List.of();
        }
    };

    private Outbox.Voice voice() {
        Outbox outbox = new Outbox(new TemplateRenderer(Bot.templates(null)), new InMemoryWordingStore(),
                new FixedPreferences(Locale.ENGLISH, ZoneOffset.UTC), new Messengers(List.of(messenger)), deliveries, clock);
        return outbox.forCommunity(new CommunityRef(Platform.CONSOLE, "circle"));
    }

    @Test
    void aCommunityThatRemovedTheBotIsNotWrittenToNorAreItsMembersAboutIt() {
        CommunityRef away = new CommunityRef(Platform.CONSOLE, "away");
        Outbox outbox = new Outbox(new TemplateRenderer(Bot.templates(null)), new InMemoryWordingStore(),
                new FixedPreferences(Locale.ENGLISH, ZoneOffset.UTC), new Messengers(List.of(messenger)),
                deliveries, clock, away::equals);
        Target alice = new Target.Member(new MemberRef(Platform.CONSOLE, "alice", "Alice"));

        assertThat(outbox.away(away)).isTrue();
        for (Outbox.Voice voice : List.of(outbox.forCommunity(away), outbox.forMember(((Target.Member) alice).member(), away))) {
            assertThatThrownBy(() -> voice.send(GROUP, HELLO)).isInstanceOfSatisfying(Messenger.DeliveryFailed.class,
                    e -> assertThat(e.permanent()).isTrue());
            assertThatThrownBy(() -> voice.sendOnce("job-1", alice, HELLO)).isInstanceOfSatisfying(Messenger.DeliveryFailed.class,
                    e -> assertThat(e.permanent()).isTrue());
        }
        assertThat(recorded.all()).isEmpty();
        assertThat(deliveries.begin("job-1 member:console:alice", "h", clock.instant(), Duration.ofMinutes(1)))
                .as("a refused delivery was never begun").isInstanceOf(DeliveryLog.Start.Go.class);

        outbox.forCommunity(new CommunityRef(Platform.CONSOLE, "here")).send(GROUP, HELLO);
        assertThat(recorded.all()).hasSize(1);
    }

    @Test
    void theSameJobSendsToATargetOnceAndToAnotherTargetToo() {
        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).isPresent();
        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).isEmpty();
        Target other = new Target.Channel(new ChannelRef(Platform.CONSOLE, "#other", ChannelRef.Kind.GROUP));
        assertThat(voice().sendOnce("job-1", other, HELLO)).isPresent();
        assertThat(voice().sendOnce("job-2", GROUP, HELLO)).isPresent();

        assertThat(recorded.all()).extracting(RecordingMessenger.Sent::target).containsExactly(GROUP, other, GROUP);
    }

    @Test
    void aFailedSendLeavesTheDeliveryFreeForTheNextTry() {
        failNext = true;
        assertThatThrownBy(() -> voice().sendOnce("job-1", GROUP, HELLO)).isInstanceOf(Messenger.DeliveryFailed.class);

        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).isPresent();
        assertThat(recorded.all()).hasSize(1);
    }

    @Test
    void aDeliveryAnotherRunIsSendingIsRetriedWhenItsHoldEndsAndNotRepeatedIfThatRunDiedMidSend() {
        // another run of job-1 began sending to the group (the key is the job id and the target, as Outbox makes it),
        // and its request left
        deliveries.begin("job-1 channel:console:#room", "another-run", clock.instant(), Outbox.SEND_HOLD);
        deliveries.onWire("job-1 channel:console:#room", "another-run");

        assertThatThrownBy(() -> voice().sendOnce("job-1", GROUP, HELLO)).isInstanceOfSatisfying(RetryLater.class,
                later -> assertThat(later.at()).isEqualTo(clock.instant().plus(Outbox.SEND_HOLD)));
        assertThat(recorded.all()).isEmpty();

        clock.advance(Outbox.SEND_HOLD.plus(Duration.ofSeconds(1)));
        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).as("the other run died while sending: not repeated").isEmpty();
        assertThat(recorded.all()).isEmpty();
        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).as("and from then on it counts as sent").isEmpty();
    }

    @Test
    void aRunThatDiedBeforeItsRequestLeftIsSentByTheNextRun() {
        deliveries.begin("job-1 channel:console:#room", "waited-and-died", clock.instant(), Outbox.SEND_HOLD);

        clock.advance(Outbox.SEND_HOLD.plus(Duration.ofSeconds(1)));

        assertThat(voice().sendOnce("job-1", GROUP, HELLO)).as("it never reached the platform").isPresent();
        assertThat(recorded.all()).hasSize(1);
    }

    @Test
    void aMessengerThatFiresTheWireHookMarksItsRequestSoACrashAfterItIsNotRepeated() {
        String delivery = "job-2 channel:console:#room";
        List<DeliveryLog.Start> seenByALaterRun = new ArrayList<>();
        Messenger firing = new Messenger() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public SentMessage send(Target target, OutgoingMessage message) {
                WireHook.fire();
                WireHook.fire();
                // were this process to die now, a later run (its hold over) would find the request gone out
                seenByALaterRun.add(deliveries.begin(delivery, "later-run", clock.instant().plus(Outbox.SEND_HOLD).plusSeconds(1),
                        Outbox.SEND_HOLD));
                return new SentMessage(target, "m1");
            }

            @Override
            public void edit(SentMessage sent, OutgoingMessage message) {
                throw new UnsupportedOnPlatform(Platform.CONSOLE, "edit");
            }

            @Override
            public List<PersonalData> personalData() {
                return List.of();
            }
        };
        Outbox outbox = new Outbox(new TemplateRenderer(Bot.templates(null)), new InMemoryWordingStore(),
                new FixedPreferences(Locale.ENGLISH, ZoneOffset.UTC), new Messengers(List.of(firing)), deliveries, clock);

        assertThat(outbox.forCommunity(new CommunityRef(Platform.CONSOLE, "circle")).sendOnce("job-2", GROUP, HELLO)).isPresent();

        assertThat(seenByALaterRun).containsExactly(new DeliveryLog.Start.Orphaned());
        WireHook.fire();
    }
}
