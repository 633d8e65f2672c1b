package org.circlekeeper.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.PlacePresence;
import org.circlekeeper.core.engine.PlacePresences;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.Markup;

/**
 * A fluent tester that reads like the conversation: {@code bot.as("alice").inGroup().send("/help")}.
 * It drives the real {@link Engine} with every feature, in-memory stores (or the stores given) and
 * a virtual clock.
 */
public final class BotTester {

    public static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    public static final CommunityRef COMMUNITY = new CommunityRef(Platform.CONSOLE, "circle");
    public static final String GROUP_CHANNEL = "#circle-room";

    private final VirtualClock clock;
    private final Stores stores;
    private final Engine engine;
    private final Scheduler scheduler;
    private final Bot.Assembly assembly;
    private final RecordingMessenger messenger = new RecordingMessenger();

    public BotTester() {
        this(new VirtualClock(START));
    }

    private BotTester(VirtualClock clock) {
        this(clock, InMemoryStores.create(clock));
    }

    /** The bot on the given stores, sealing check-in notes with a fresh random key. */
    public BotTester(VirtualClock clock, Stores stores) {
        this(clock, stores, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())));
    }

    public BotTester(VirtualClock clock, Stores stores, CheckinOptions checkins) {
        this(clock, stores, checkins, List.of());
    }

    /** Every shipped feature and the {@code extra} ones after them, registered as a deployment registers its own. */
    public BotTester(VirtualClock clock, Stores stores, List<Plugin> extra) {
        this(clock, stores, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())), extra);
    }

    /** Every shipped feature on a platform whose meeting places tell who is in them ({@code presence}). */
    public BotTester(PlacePresence presence) {
        this(new VirtualClock(START), Map.<Class<?>, Object>of(PlacePresences.class, new PlacePresences(List.of(presence))));
    }

    private BotTester(VirtualClock clock, Stores stores, CheckinOptions checkins, List<Plugin> extra) {
        this(clock, stores, checkins, extra, Map.of());
    }

    /** Every shipped feature on in-memory stores, given {@code parts} as a deployment gives its own (an address, options). */
    public BotTester(Map<Class<?>, Object> parts) {
        this(new VirtualClock(START), parts);
    }

    private BotTester(VirtualClock clock, Map<Class<?>, Object> parts) {
        this(clock, InMemoryStores.create(clock), CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())),
                List.of(), parts);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private BotTester(VirtualClock clock, Stores stores, CheckinOptions checkins, List<Plugin> extra, Map<Class<?>, Object> parts) {
        this.clock = clock;
        this.stores = stores != null ? stores : InMemoryStores.create(clock);
        Bot.Builder builder = Bot.builder().stores(this.stores).clock(clock)
                .messengers(new Messengers(List.of(messenger)))
                .with(CheckinOptions.class, checkins != null ? checkins
                        : CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())));
        parts.forEach((type, part) -> builder.with((Class) type, part));
        extra.forEach(builder::feature);
        this.assembly = builder.build();
        this.engine = assembly.engine();
        this.scheduler = assembly.scheduler();
    }

    /** A part a feature offers beyond the engine (the organisers' page's {@code Dashboard}). */
    public <T> T part(Class<T> type) {
        return assembly.part(type).orElseThrow(() -> new IllegalStateException("the bot offers no " + type.getSimpleName()));
    }

    /** Moves the virtual clock forward and runs every job due by then, as the console's {@code :clock} does. */
    public BotTester advance(Duration by) {
        clock.advance(by);
        scheduler.runDue();
        return this;
    }

    /**
     * Moves the clock to {@code target} as a running bot lives through it (due jobs run every {@code tick}) and
     * returns what the bot sent on its own meanwhile.
     */
    public List<RecordingMessenger.Sent> advanceTo(Instant target, Duration tick) {
        while (clock.instant().isBefore(target)) {
            Duration left = Duration.between(clock.instant(), target);
            advance(left.compareTo(tick) < 0 ? left : tick);
        }
        return messenger.drain();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Everything the bot sent on its own (reminders, prompts), in order. */
    public RecordingMessenger outbox() {
        return messenger;
    }

    public Engine engine() {
        return engine;
    }

    public Stores stores() {
        return stores;
    }

    public VirtualClock clock() {
        return clock;
    }

    /** A member of the community. */
    public Person as(String name) {
        return new Person(name, Role.MEMBER, null);
    }

    public Person asOrganiser(String name) {
        return new Person(name, Role.ORGANISER, null);
    }

    /** An organiser whose platform reports a language. */
    public Person asOrganiser(String name, Locale platformLanguage) {
        return new Person(name, Role.ORGANISER, platformLanguage);
    }

    /** Someone whose platform reports a language (Telegram's language_code, Discord's locale). */
    public Person as(String name, Locale platformLanguage) {
        return new Person(name, Role.MEMBER, platformLanguage);
    }

    /** A person on the platform, about to say something somewhere. */
    public final class Person {
        private final MemberRef member;
        private final Role role;
        private final Locale language;

        private Person(String name, Role role, Locale language) {
            this.member = new MemberRef(Platform.CONSOLE, name.toLowerCase(Locale.ROOT), name);
            this.role = role;
            this.language = language;
        }

        public MemberRef member() {
            return member;
        }

        public Talk inGroup() {
            return new Talk(new Context(member, new ChannelRef(Platform.CONSOLE, GROUP_CHANNEL, ChannelRef.Kind.GROUP),
                    COMMUNITY, role, language));
        }

        /** In another group channel of the community (a thread the bot opened, say). */
        public Talk inChannel(String channelId) {
            return new Talk(new Context(member, new ChannelRef(Platform.CONSOLE, channelId, ChannelRef.Kind.GROUP), COMMUNITY,
                    role, language));
        }

        /** In the group chat of another community that the same bot serves. */
        public Talk inGroupOf(String communityId) {
            return new Talk(new Context(member, new ChannelRef(Platform.CONSOLE, "#" + communityId, ChannelRef.Kind.GROUP),
                    new CommunityRef(Platform.CONSOLE, communityId), role, language));
        }

        public Talk inDirect() {
            return new Talk(new Context(member, new ChannelRef(Platform.CONSOLE, "dm:" + member.userId(), ChannelRef.Kind.DIRECT),
                    COMMUNITY, role, language));
        }
    }

    /** One person in one place. */
    public final class Talk {
        private final Context context;

        private Talk(Context context) {
            this.context = context;
        }

        public Context context() {
            return context;
        }

        /** Types a line: a {@code /command} or plain text. */
        public Replies send(String line) {
            if (line.startsWith("/")) {
                String body = line.substring(1);
                int space = body.indexOf(' ');
                String command = space < 0 ? body : body.substring(0, space);
                String rest = space < 0 ? "" : body.substring(space + 1);
                return new Replies(this, engine.handle(Inbound.CommandInvoked.typed(context, command, rest)));
            }
            return new Replies(this, engine.handle(new Inbound.TextReceived(context, line)));
        }

        /** A command with named options, as Discord delivers it. */
        public Replies sendNamed(String command, Arguments.Named arguments) {
            return new Replies(this, engine.handle(new Inbound.CommandInvoked(context, command, arguments)));
        }

        public Replies press(Button button) {
            return new Replies(this, engine.handle(new Inbound.ButtonPressed(context, button.actionId(), null)));
        }

        public Replies press(String actionId) {
            return new Replies(this, engine.handle(new Inbound.ButtonPressed(context, actionId, null)));
        }

        /** Fills in a form, as Discord delivers a submitted modal. */
        public Replies submit(FormRequest form, Map<String, String> fields) {
            return new Replies(this, engine.handle(new Inbound.FormSubmitted(context, form.formId(), fields)));
        }
    }

    /** What the bot answered to one event. */
    public static final class Replies {
        private final Talk talk;
        private final List<Reply> replies;

        Replies(Talk talk, List<Reply> replies) {
            this.talk = talk;
            this.replies = replies;
        }

        public List<Reply> all() {
            return replies;
        }

        /** The plain text of every reply, joined by blank lines. */
        public String text() {
            return String.join("\n\n", replies.stream().map(r -> Markup.plain(r.message().markup())).toList());
        }

        public boolean allPrivate() {
            return !replies.isEmpty() && replies.stream().allMatch(r -> r.message().visibility() == Visibility.PRIVATE);
        }

        public List<Button> buttons() {
            return replies.stream().flatMap(r -> r.message().buttons().stream()).toList();
        }

        /** The form one of these replies asks the member to fill in. */
        public FormRequest form() {
            return replies.stream().map(r -> r.message().form()).filter(Objects::nonNull).findFirst()
                    .orElseThrow(() -> new AssertionError("no reply asks for a form"));
        }

        /** The first button whose label contains the text. */
        public Button button(String labelPart) {
            return buttons().stream().filter(b -> b.label().contains(labelPart)).findFirst()
                    .orElseThrow(() -> new AssertionError("no button containing '" + labelPart + "' in " + buttons()));
        }

        /** Presses a button of these replies as the same person in the same place. */
        public Replies press(String labelPart) {
            return talk.press(button(labelPart));
        }
    }
}
