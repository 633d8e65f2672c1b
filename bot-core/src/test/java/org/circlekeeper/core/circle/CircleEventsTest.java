package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.PlannedEvent;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryJobQueue;
import org.circlekeeper.core.testing.InMemoryStores;
import org.circlekeeper.core.testing.RecordingEventMirror.Call;
import org.circlekeeper.core.testing.RecordingEventMirror;
import org.circlekeeper.core.testing.RecordingMessenger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Circles on a platform with an event list of its own (a Discord server): each circle's next meeting
 * is kept there through the platform's {@link EventMirror}. The clock starts on Friday 27 November
 * 2026 at 09:00 UTC; the server's zone is Europe/Berlin, so a Tuesday 19:00 circle first meets on
 * 1 December from 18:00 to 19:00 UTC.
 */
class CircleEventsTest {

    private static final CommunityRef SERVER = new CommunityRef(Platform.DISCORD, "100000000000000001");
    private static final ChannelRef ROOM = new ChannelRef(Platform.DISCORD, "300000000000000003", ChannelRef.Kind.GROUP);
    private static final Instant FIRST = Instant.parse("2026-12-01T18:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration HOUR = Duration.ofHours(1);

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final Stores stores = InMemoryStores.create(clock);
    private final RecordingEventMirror mirror = new RecordingEventMirror(Platform.DISCORD);
    private final Bot.Assembly bot = Bot.builder().stores(stores).clock(clock)
            .messengers(new Messengers(List.of(new RecordingMessenger())))
            .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
            .mirrors(new EventMirrors(List.of(mirror))).build();
    private final Engine engine = bot.engine();
    private final Scheduler scheduler = bot.scheduler();

    @BeforeEach
    void aServerInBerlinWithoutChannelReminders() {
        organiser("/community timezone Europe/Berlin");
        organiser("/circle reminders off");
    }

    private List<Reply> organiser(String line) {
        return say(new MemberRef(Platform.DISCORD, "500000000000000002", "olivia"), Role.ORGANISER, line);
    }

    private List<Reply> say(MemberRef who, Role role, String line) {
        String body = line.substring(1);
        int space = body.indexOf(' ');
        Context context = new Context(who, ROOM, SERVER, role, Locale.ENGLISH);
        return engine.handle(Inbound.CommandInvoked.typed(context, space < 0 ? body : body.substring(0, space),
                space < 0 ? "" : body.substring(space + 1)));
    }

    /** Runs the due jobs, as the running bot does every few seconds, and returns what the event list was asked. */
    private List<Call> sync() {
        scheduler.runDue();
        return mirror.drain();
    }

    private String linked() {
        return stores.circles().events().find(SERVER, "tuesday-circle").orElseThrow();
    }

    private String createTuesdayCircle() {
        organiser("/circle create \"Tuesday circle\" every tuesday 19:00");
        List<Call> calls = sync();
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.what()).isEqualTo("create"));
        return calls.get(0).eventId();
    }

    @Test
    void aNewCircleAppearsWithItsFirstMeetingItsNameAndItsChat() {
        String id = createTuesdayCircle();

        assertThat(mirror.events().get(id)).isEqualTo(new PlannedEvent("Tuesday circle", "", new PlannedEvent.Venue.Chat(ROOM),
                FIRST, FIRST.plus(HOUR)));
        assertThat(linked()).isEqualTo(id);
        assertThat(sync()).as("nothing more to do until the meeting ends").isEmpty();
    }

    @Test
    void editsUpdateTheSameEvent() {
        String id = createTuesdayCircle();

        organiser("/circle edit tuesday-circle name Tuesday @everyone circle");
        organiser("/circle edit tuesday-circle description Bring tea *and* kindness");
        organiser("/circle edit tuesday-circle place voice: Circle room");
        organiser("/circle edit tuesday-circle duration 90m");

        assertThat(sync()).extracting(Call::what, Call::eventId).containsOnly(tuple("update", id));
        assertThat(mirror.events()).containsOnlyKeys(id);
        assertThat(mirror.events().get(id)).isEqualTo(new PlannedEvent("Tuesday @everyone circle", "Bring tea *and* kindness",
                new PlannedEvent.Venue.Named("Circle room"), FIRST, FIRST.plus(Duration.ofMinutes(90))));

        organiser("/circle edit tuesday-circle place https://meet.example/circle");
        organiser("/circle edit tuesday-circle when every wednesday 18:30");
        sync();
        Instant wednesday = Instant.parse("2026-12-02T17:30:00Z");
        assertThat(mirror.events().get(id)).isEqualTo(new PlannedEvent("Tuesday @everyone circle", "Bring tea *and* kindness",
                new PlannedEvent.Venue.Link(URI.create("https://meet.example/circle")), wednesday, wednesday.plus(Duration.ofMinutes(90))));
    }

    @Test
    void skippingOrMovingTheNextMeetingMovesTheEvent() {
        String id = createTuesdayCircle();

        organiser("/circle skip tuesday-circle 2026-12-01");
        assertThat(sync()).extracting(Call::what).containsExactly("update");
        assertThat(mirror.events().get(id).start()).isEqualTo(FIRST.plus(WEEK));

        organiser("/circle reschedule tuesday-circle 2026-12-08 20:30");
        sync();
        Instant moved = Instant.parse("2026-12-08T19:30:00Z");
        assertThat(mirror.events().get(id).start()).isEqualTo(moved);
        assertThat(mirror.events().get(id).end()).isEqualTo(moved.plus(HOUR));
        assertThat(linked()).isEqualTo(id);
    }

    @Test
    void cancellingRemovesTheEventAndForgetsIt() {
        String id = createTuesdayCircle();

        organiser("/circle cancel tuesday-circle");

        assertThat(sync()).extracting(Call::what, Call::eventId).containsExactly(tuple("remove", id));
        assertThat(mirror.events()).isEmpty();
        assertThat(stores.circles().events().find(SERVER, "tuesday-circle")).isEmpty();
        clock.advance(WEEK.multipliedBy(2));
        assertThat(sync()).as("a cancelled circle's later syncs find nothing to do").isEmpty();
    }

    @Test
    void whenAMeetingEndsTheEventMovesOnToTheNextOneAndIsLeftAloneWhileItRuns() {
        String id = createTuesdayCircle();

        clock.set(FIRST.plusSeconds(60));
        organiser("/circle edit tuesday-circle name Tuesday evening circle");
        assertThat(sync()).as("a meeting under way keeps its event as it is").isEmpty();

        clock.set(FIRST.plus(HOUR));
        assertThat(sync()).extracting(Call::what, Call::eventId).containsExactly(tuple("update", id));
        assertThat(mirror.events().get(id)).isEqualTo(new PlannedEvent("Tuesday evening circle", "", new PlannedEvent.Venue.Chat(ROOM),
                FIRST.plus(WEEK), FIRST.plus(WEEK).plus(HOUR)));
    }

    @Test
    void aOneOffCirclesEventGoesAwayAfterItsMeeting() {
        organiser("/circle create \"Winter picnic\" 2026-12-05 12:00");
        assertThat(sync()).extracting(Call::what).containsExactly("create");

        clock.set(Instant.parse("2026-12-05T12:00:00Z"));
        List<Call> calls = sync();

        assertThat(calls).extracting(Call::what).containsExactly("remove");
        assertThat(mirror.events()).isEmpty();
        assertThat(stores.circles().events().find(SERVER, "winter-picnic")).isEmpty();
    }

    @Test
    void anEventSomeoneDeletedIsMadeAgainAndLinked() {
        String id = createTuesdayCircle();
        mirror.vanish(id);

        organiser("/circle edit tuesday-circle name Tuesday circle, again");
        List<Call> calls = sync();

        assertThat(calls).extracting(Call::what).containsExactly("update", "create");
        String again = calls.get(1).eventId();
        assertThat(again).isNotEqualTo(id);
        assertThat(linked()).isEqualTo(again);
        assertThat(mirror.events().get(again).name()).isEqualTo("Tuesday circle, again");
    }

    @Test
    void whenAnotherReplicaLinkedAnEventMeanwhileOursIsRemovedAgain() {
        mirror.beforeCreateReturns(() -> stores.circles().events().replace(SERVER, "tuesday-circle", null, "theirs"));

        organiser("/circle create \"Tuesday circle\" every tuesday 19:00");
        List<Call> calls = sync();

        assertThat(calls).extracting(Call::what).containsExactly("create", "remove");
        assertThat(calls.get(1).eventId()).isEqualTo(calls.get(0).eventId());
        assertThat(linked()).isEqualTo("theirs");
        assertThat(mirror.events()).isEmpty();
    }

    @Test
    void aRefusalIsNotRetriedAtOnceButAgainWhenTheMeetingEnds() {
        mirror.failWith(new EventMirror.Refused("the bot lacks the Create Events permission", null));
        organiser("/circle create \"Tuesday circle\" every tuesday 19:00");
        assertThat(sync()).isEmpty();
        assertThat(stores.circles().events().find(SERVER, "tuesday-circle")).isEmpty();
        assertThat(((InMemoryJobQueue) stores.jobs()).all()).filteredOn(j -> j.kind().equals(CircleEvents.SYNC)).extracting(j -> j.due())
                .as("no retry now, one sync when the first meeting ends").containsExactly(FIRST.plus(HOUR));

        mirror.failWith(null);
        clock.set(FIRST.plus(HOUR));
        List<Call> calls = sync();

        assertThat(calls).extracting(Call::what).containsExactly("create");
        assertThat(mirror.events().get(linked()).start()).isEqualTo(FIRST.plus(WEEK));
    }

    @Test
    void anyOtherFailureIsRetriedByTheScheduler() {
        mirror.failWith(new IllegalStateException("Discord is not answering"));
        organiser("/circle create \"Tuesday circle\" every tuesday 19:00");
        scheduler.runDue();
        mirror.failWith(null);

        clock.advance(Duration.ofMinutes(1));
        assertThat(sync()).extracting(Call::what).containsExactly("create");
    }

    @Test
    void onAServerTimesNeedNoZoneNote() {
        createTuesdayCircle();

        List<Reply> upcoming = say(new MemberRef(Platform.DISCORD, "500000000000000001", "alice"), Role.MEMBER, "/circles");

        String markup = upcoming.get(0).message().markup();
        assertThat(Markup.plain(markup)).startsWith("Coming up\n").doesNotContain("times in");
        assertThat(Markup.parse(markup)).filteredOn(s -> s.style() == Markup.Style.TIME).first()
                .satisfies(s -> assertThat(s.time()).isEqualTo(FIRST));
    }

    @Test
    void platformsWithoutAnEventListAreNeverAsked() {
        BotTester console = new BotTester();
        console.asOrganiser("olivia").inGroup().send("/circle create \"Tuesday circle\" every tuesday 19:00");

        assertThat(((InMemoryJobQueue) console.stores().jobs()).all()).extracting(j -> j.kind()).doesNotContain(CircleEvents.SYNC);
        assertThatThrownBy(() -> EventMirrors.none().forPlatform(Platform.TELEGRAM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("telegram has no event list");
        assertThatThrownBy(() -> EventMirrors.none().forPlatform(Platform.DISCORD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no discord event mirror is connected");
        assertThatThrownBy(() -> new EventMirrors(List.of(new RecordingEventMirror(Platform.CONSOLE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
