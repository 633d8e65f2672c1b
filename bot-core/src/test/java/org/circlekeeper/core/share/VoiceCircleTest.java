package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.circlekeeper.core.engine.PlacePresence;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.circlekeeper.core.testing.VoiceRooms;
import org.junit.jupiter.api.Test;

/**
 * A share circle that meets in a voice room, through the engine: the session runs in the room's text chat and its
 * round follows who is in the room, as the platform reports it. olivia (an organiser) chairs; alice, bob and carol
 * come and go by voice. The group's text channel has no voice, and there nothing changes.
 */
class VoiceCircleTest {

    private static final String VOICE = "#voice-room";
    private static final ShareRoom ROOM = new ShareRoom(BotTester.COMMUNITY,
            new ChannelRef(Platform.CONSOLE, VOICE, ChannelRef.Kind.GROUP));

    private final VoiceRooms rooms = new VoiceRooms(VOICE, "#other-voice");
    private final BotTester bot = new BotTester(rooms);
    private final Talk olivia = bot.asOrganiser("olivia").inChannel(VOICE);
    private final MemberRef oliviaRef = bot.as("olivia").member();
    private final MemberRef alice = bot.as("alice").member();
    private final MemberRef bob = bot.as("bob").member();
    private final MemberRef carol = bot.as("carol").member();

    VoiceCircleTest() {
        rooms.attach(bot.engine());
    }

    private ShareSession live() {
        return bot.stores().share().live(ROOM).orElseThrow();
    }

    private List<Sent> posted() {
        return bot.outbox().drain();
    }

    private static String texts(List<Sent> sent) {
        return String.join("\n\n", sent.stream().map(Sent::text).toList());
    }

    private static List<String> names(List<Person> people) {
        return people.stream().map(Person::name).toList();
    }

    @Test
    void theRoundFollowsWhoIsInTheVoiceRoomAndAttendanceIsCountedFromPresence() {
        rooms.join(VOICE, oliviaRef);
        rooms.join(VOICE, alice);
        assertThat(bot.stores().share().live(ROOM)).as("no circle runs yet: presence alone starts nothing").isEmpty();

        olivia.send("/share start basic");
        List<Sent> opening = posted();
        assertThat(opening.get(0).target()).isEqualTo(new Target.Channel(ROOM.channel()));
        assertThat(texts(opening)).contains("with olivia chairing today")
                .contains("This circle follows its voice room: whoever is in the room is in the circle (in it now: 2).")
                .contains("Here: olivia, alice");

        rooms.join(VOICE, bob);
        rooms.join(VOICE, carol);
        assertThat(names(live().present())).containsExactly("olivia", "alice", "bob", "carol");
        assertThat(posted()).filteredOn(Sent::edit).last().extracting(Sent::text).isEqualTo("Here: olivia, alice, bob, carol");

        olivia.send("/share next");
        assertThat(texts(posted())).contains("The talking piece is with olivia");
        olivia.send("/share done");
        assertThat(live().speaker().name()).isEqualTo("alice");

        rooms.leave(VOICE, alice);
        assertThat(texts(posted())).as("alice left voice holding the piece: it moves on")
                .contains("The talking piece moves on.").contains("The talking piece is with bob");
        assertThat(names(live().present())).containsExactly("olivia", "bob", "carol");

        rooms.leave(VOICE, carol);
        assertThat(names(live().queue())).as("carol left before her turn: the round skips her").isEmpty();
        bot.as("bob").inChannel(VOICE).send("/share done");
        assertThat(texts(posted())).contains("Everyone has had a turn.");

        olivia.send("/share end");
        SessionSummary summary = bot.stores().share().history(BotTester.COMMUNITY, 1).get(0);
        assertThat(summary.joined()).as("four were in the room: counts only").isEqualTo(4);
        assertThat(summary.shares()).isEqualTo(2);
    }

    @Test
    void someoneWhoDropsOutOfVoiceAndComesBackIsCountedOnce() {
        rooms.join(VOICE, oliviaRef);
        rooms.join(VOICE, alice);
        olivia.send("/share start basic");
        posted();

        rooms.leave(VOICE, alice);
        rooms.join(VOICE, alice);
        rooms.leave(VOICE, alice);
        rooms.join(VOICE, alice);
        assertThat(names(live().present())).as("back in the round each time").containsExactly("olivia", "alice");
        Talk bobTyping = bot.as("bob").inChannel(VOICE);
        bobTyping.send("/share join");
        bobTyping.send("/share leave");
        bobTyping.send("/share join");
        rooms.leave(VOICE, oliviaRef);
        rooms.join(VOICE, oliviaRef);

        olivia.send("/share end");
        SessionSummary summary = bot.stores().share().history(BotTester.COMMUNITY, 1).get(0);
        assertThat(summary.joined()).as("three people, however often they came and went").isEqualTo(3);
        assertThat(olivia.send("/share history").text()).contains("3 joined,");
        assertThat(bot.stores().share().live(ROOM)).as("who came and went goes with the session").isEmpty();
    }

    @Test
    void whoLeftIsInTheirExportAndGoesWithTheirErasure() {
        rooms.join(VOICE, oliviaRef);
        rooms.join(VOICE, alice);
        olivia.send("/share start basic");
        rooms.leave(VOICE, alice);
        posted();
        assertThat(live().left()).containsExactly(alice.key());

        Talk aliceAlone = bot.as("alice").inDirect();
        String json = new String(aliceAlone.send("/mydata").all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"leftThisCircleWhileItRuns\" : true").contains("\"inCircleNow\" : false");

        aliceAlone.send("/forgetme").press("Yes, erase everything");
        assertThat(live().left()).as("nothing of alice stays in the circle").isEmpty();
        assertThat(live().counts().joined()).isEqualTo(2);
    }

    @Test
    void comingsAndGoingsElsewhereOrOfPeopleNotInTheCircleChangeNothing() {
        rooms.join(VOICE, oliviaRef);
        olivia.send("/share start basic");
        posted();
        ShareSession before = live();

        rooms.join("#other-voice", alice);
        rooms.leave("#other-voice", alice);
        rooms.join(VOICE, bob);
        bot.as("bob").inChannel(VOICE).send("/share leave");
        rooms.leave(VOICE, bob);

        assertThat(names(live().present())).containsExactly("olivia");
        assertThat(live().version()).as("bob's join and his typed leave; leaving voice after that stores nothing")
                .isEqualTo(before.version() + 2);
        assertThat(bot.stores().share().live(new ShareRoom(BotTester.COMMUNITY,
                new ChannelRef(Platform.CONSOLE, "#other-voice", ChannelRef.Kind.GROUP)))).isEmpty();
    }

    @Test
    void aChairOutsideTheVoiceRoomChairsFromTheTextChatAndIsNotInTheRound() {
        rooms.join(VOICE, alice);
        olivia.send("/share start basic");
        assertThat(texts(posted())).contains("(in it now: 1)").contains("Here: alice");
        assertThat(live().chairedBy(oliviaRef)).isTrue();
        assertThat(names(live().present())).containsExactly("alice");
    }

    @Test
    void whoCameOrWentWhileTheCircleWasStartingIsCaughtUpOnceItRuns() {
        MemberRef[] first = {bot.as("olivia").member(), alice};
        MemberRef[] then = {bot.as("olivia").member(), bob};
        AtomicInteger reads = new AtomicInteger();
        PlacePresence racing = new PlacePresence() {
            @Override
            public Platform platform() {
                return Platform.CONSOLE;
            }

            @Override
            public Optional<List<MemberRef>> present(ChannelRef place) {
                // between the first read and the stored session, alice left and bob came: reports nobody could hear yet
                return Optional.of(List.of(reads.getAndIncrement() == 0 ? first : then));
            }
        };
        BotTester starting = new BotTester(racing);
        starting.asOrganiser("olivia").inChannel(VOICE).send("/share start basic");

        assertThat(names(starting.stores().share().live(ROOM).orElseThrow().present())).containsExactly("olivia", "bob");
        assertThat(reads).hasValue(2);
    }

    @Test
    void inAChannelWithoutVoiceTheCircleRunsAsAlways() {
        rooms.join(VOICE, alice);
        bot.asOrganiser("olivia").inGroup().send("/share start basic");

        String opening = texts(posted());
        assertThat(opening).doesNotContain("voice room").contains("Here: olivia");
        rooms.join(VOICE, bob);
        ShareRoom text = new ShareRoom(BotTester.COMMUNITY,
                new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP));
        assertThat(names(bot.stores().share().live(text).orElseThrow().present())).containsExactly("olivia");
    }
}
