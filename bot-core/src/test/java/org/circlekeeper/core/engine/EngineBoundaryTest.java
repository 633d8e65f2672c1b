package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.FixedPreferences;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryStores;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.junit.jupiter.api.Test;

/**
 * The engine is the boundary of one event: an {@link Error} from a feature (the class that failed to start,
 * a stack overflow) gets the apology and the next event works; an unreachable store, even while the member's
 * settings are read before any feature runs, gets the kind "try again in a minute" in the fallback language.
 */
class EngineBoundaryTest {

    /** Records the failures counted, e.g. {@code unit console engine}. */
    static final class Counted implements Metrics {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void commandHandled(Platform platform, String command, Outcome outcome) {
            calls.add("command " + command + " " + outcome);
        }

        @Override
        public void unitFailed(Platform platform, String boundary) {
            calls.add("unit " + platform.id() + " " + boundary);
        }

        @Override
        public void storeUnavailable(Platform platform) {
            calls.add("store " + platform.id());
        }
    }

    /** Member settings that can be made unreachable, as Redis is in an outage. */
    static final class Unreachable implements MemberSettingsStore {
        final MemberSettingsStore real = new InMemoryMemberSettingsStore();
        volatile boolean down;

        private <T> T check(Supplier<T> work) {
            if (down) {
                throw new StoreUnavailable("test outage", new IOException("connection refused"));
            }
            return work.get();
        }

        @Override
        public MemberSettings get(MemberRef member) {
            return check(() -> real.get(member));
        }

        @Override
        public void save(MemberRef member, MemberSettings settings) {
            check(() -> {
                real.save(member, settings);
                return null;
            });
        }

        @Override
        public void delete(MemberRef member) {
            check(() -> {
                real.delete(member);
                return null;
            });
        }
    }

    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", "Alice");
    private static final Context IN_GROUP = new Context(ALICE, new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP),
            new CommunityRef(Platform.CONSOLE, "circle"), Role.MEMBER, null);

    private final Counted metrics = new Counted();

    private static Feature throwing(String command, Supplier<Throwable> failure) {
        return new Feature() {
            @Override
            public String id() {
                return "throwing";
            }

            @Override
            public List<CommandSpec> commands() {
                return List.of(CommandSpec.command(command, MessageKey.of("cmd.help")).handler((turn, args) -> {
                    Throwable t = failure.get();
                    if (t instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) t;
                }).build(), CommandSpec.command("fine", MessageKey.of("cmd.help"))
                        .handler((turn, args) -> turn.reply(EngineMessages.DIRECT_HINT)).build());
            }

            @Override
            public List<MessageKey> messages() {
                return List.of();
            }

            @Override
            public List<PersonalData> personalData() {
                return List.of();
            }
        };
    }

    private Engine engineWith(Feature feature) {
        return new Engine(new FeatureRegistry().add(feature), new TemplateRenderer(Bot.templates(null)), new InMemoryWordingStore(),
                FixedPreferences.englishUtc(), ChairPolicy.NOBODY, new InMemoryPendingForms(Clock.systemUTC()),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), metrics);
    }

    @Test
    void anErrorFromOneEventGetsTheApologyAndTheNextEventWorks() {
        List<Supplier<Throwable>> errors = List.of(
                () -> new ExceptionInInitializerError(new NullPointerException("half-made enum")),
                () -> new NoClassDefFoundError("Could not initialize class org.dmfs.rfc5545.recur.RecurrenceRule"),
                StackOverflowError::new,
                () -> new AssertionError("a broken invariant"));
        for (Supplier<Throwable> error : errors) {
            metrics.calls.clear();
            Engine engine = engineWith(throwing("boom", error));

            List<Reply> failed = engine.handle(Inbound.CommandInvoked.typed(IN_GROUP, "boom", ""));
            List<Reply> next = engine.handle(Inbound.CommandInvoked.typed(IN_GROUP, "fine", ""));

            assertThat(failed).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("something went wrong"));
            assertThat(next).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("I'm here"));
            assertThat(metrics.calls).containsExactly("unit console engine", "command boom FAILED", "command fine DONE");
        }
    }

    @Test
    void anUnreachableStoreGetsTheKindAnswerInTheMembersLanguageHintAndIsCounted() {
        Unreachable members = new Unreachable();
        Stores stores = InMemoryStores.builder(Clock.systemUTC()).put(MemberSettingsStore.KEY, members).build();
        Engine engine = Bot.builder().stores(stores).clock(new VirtualClock(Instant.parse("2026-11-27T09:00:00Z")))
                .messengers(new Messengers(List.of()))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).metrics(metrics).build().engine();
        Context spanish = new Context(ALICE, IN_GROUP.channel(), IN_GROUP.community(), Role.MEMBER, Locale.forLanguageTag("es"));

        members.down = true;
        List<Reply> during = engine.handle(Inbound.CommandInvoked.typed(spanish, "timezone", "Europe/Madrid"));
        List<Reply> pressed = engine.handle(new Inbound.ButtonPressed(IN_GROUP, "settings.zone:Europe/Madrid", null));
        List<Reply> text = engine.handle(new Inbound.TextReceived(IN_GROUP, "hello"));
        members.down = false;
        List<Reply> after = engine.handle(Inbound.CommandInvoked.typed(IN_GROUP, "timezone", "Europe/Madrid"));

        assertThat(during).singleElement().satisfies(r -> assertThat(r.message().markup())
                .isEqualTo(engine.text(EngineMessages.STORE_UNAVAILABLE, Locale.forLanguageTag("es"))).contains("memoria"));
        assertThat(pressed).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("can't reach my memory"));
        assertThat(text).as("a message the safety check cannot read now still points to help").singleElement()
                .satisfies(r -> assertThat(r.message().markup()).contains("can't reach my memory")
                        .contains("local emergency number").contains("findahelpline.com"));
        assertThat(after).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("Europe/Madrid"));
        assertThat(members.real.get(ALICE).zoneSetting()).map(Object::toString).contains("Europe/Madrid");
        assertThat(metrics.calls).containsExactly("store console", "command timezone UNAVAILABLE", "store console", "store console",
                "command timezone DONE");
        assertThat(engine.preferencesFor(spanish).locale()).isEqualTo(Locale.forLanguageTag("es"));
    }
}
