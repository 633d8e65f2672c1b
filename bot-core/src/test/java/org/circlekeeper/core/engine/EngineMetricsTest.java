package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BrokenFeature;
import org.circlekeeper.core.testing.FixedPreferences;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.junit.jupiter.api.Test;

/** The engine counts each command and button by its registered name and outcome, never by what was typed. */
class EngineMetricsTest {

    /** Records each call as one line, e.g. {@code command console timezone DONE}. */
    static final class RecordingMetrics implements Metrics {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void commandHandled(Platform platform, String command, Outcome outcome) {
            calls.add("command " + platform.id() + " " + command + " " + outcome);
        }

        @Override
        public void buttonPressed(Platform platform, String action, Outcome outcome) {
            calls.add("button " + platform.id() + " " + action + " " + outcome);
        }

        @Override
        public void jobFinished(String kind, JobOutcome outcome, Duration lateness) {
            calls.add("job " + kind + " " + outcome + " " + lateness.toSeconds());
        }
    }

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final RecordingMetrics metrics = new RecordingMetrics();
    /** The whole bot on the tester's in-memory stores, counting into {@link #metrics}. */
    private final Engine engine = Bot.builder().stores(new BotTester().stores()).clock(clock)
            .messengers(new Messengers(List.of()))
            .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).metrics(metrics).build().engine();

    private final MemberRef alice = new MemberRef(Platform.CONSOLE, "alice", "Alice");
    private final CommunityRef community = new CommunityRef(Platform.CONSOLE, "circle");
    private final Context inGroup = new Context(alice, new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP),
            community, Role.MEMBER, null);
    private final Context inDirect = new Context(alice, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT),
            community, Role.MEMBER, null);

    @Test
    void aMetricsRegistryThatThrowsNeverCostsTheMemberTheirReply() {
        Metrics broken = new Metrics() {
            @Override
            public void commandHandled(Platform platform, String command, Outcome outcome) {
                throw new ArithmeticException("a broken registry");
            }
        };
        Engine counting = Bot.builder().stores(new BotTester().stores()).clock(clock)
                .messengers(new Messengers(List.of()))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).metrics(broken).build().engine();

        List<Reply> replies = counting.handle(Inbound.CommandInvoked.typed(inDirect, "timezone", "Europe/Berlin"));

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("Europe/Berlin"));
    }

    @Test
    void commandsAreCountedByRegisteredNameAndOutcome() {
        engine.handle(Inbound.CommandInvoked.typed(inDirect, "timezone", "Europe/Berlin"));
        engine.handle(Inbound.CommandInvoked.typed(inGroup, "TimeZone", ""));
        engine.handle(Inbound.CommandInvoked.typed(inGroup, "community", "timezone Europe/Madrid"));
        engine.handle(Inbound.CommandInvoked.typed(inGroup, "alice-secret-words", "more"));
        engine.handle(Inbound.CommandInvoked.typed(inDirect, "timezone", "x".repeat(500)));

        assertThat(metrics.calls).containsExactly(
                "command console timezone DONE",
                "command console timezone DONE",
                "command console community DENIED",
                "command console unknown UNKNOWN",
                "command console timezone INVALID");
        assertThat(String.join(" ", metrics.calls)).doesNotContain("alice").doesNotContain("Berlin");
    }

    @Test
    void buttonsAreCountedByActionIdWithoutTheirState() {
        List<Reply> ask = engine.handle(Inbound.CommandInvoked.typed(inDirect, "forgetme", ""));
        String erase = ask.get(0).message().buttons().get(0).actionId();
        metrics.calls.clear();

        engine.handle(new Inbound.ButtonPressed(inDirect, erase, null));
        engine.handle(new Inbound.ButtonPressed(inDirect, "nosuch.action:some-old-state", null));

        String action = erase.substring(0, erase.indexOf(':'));
        assertThat(metrics.calls).containsExactly("button console " + action + " DONE", "button console unknown UNKNOWN");
        assertThat(String.join(" ", metrics.calls)).doesNotContain(erase.substring(erase.indexOf(':') + 1));
    }

    @Test
    void aFailingFeatureIsCountedAsFailed() {
        Feature broken = new BrokenFeature();
        Engine failing = new Engine(new FeatureRegistry().add(broken), new TemplateRenderer(Bot.templates(null)),
                new InMemoryWordingStore(), FixedPreferences.englishUtc(), ChairPolicy.NOBODY,
                new InMemoryPendingForms(Clock.systemUTC()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), metrics);

        List<Reply> replies = failing.handle(Inbound.CommandInvoked.typed(inGroup, "boom", ""));

        assertThat(replies).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("something went wrong"));
        assertThat(metrics.calls).containsExactly("command console boom FAILED");
    }
}
