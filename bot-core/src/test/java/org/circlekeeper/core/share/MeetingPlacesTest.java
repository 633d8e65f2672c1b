package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.RecordingMessenger.Places;
import org.circlekeeper.core.testing.RecordingMessenger.Sent;
import org.junit.jupiter.api.Test;

/**
 * A share circle in a place of its own (a Discord thread), through the engine: where the platform opens one, the
 * meeting runs there and the place is closed when it ends, the chair rotation staying with the channel; where the bot
 * may not open one, the meeting runs in the channel and the organisers are told once; where the platform has no such
 * places (the console), nothing changes.
 */
class MeetingPlacesTest {

    private static final ChannelRef CHANNEL = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
    private static final ShareRoom ROOM = new ShareRoom(BotTester.COMMUNITY, CHANNEL);
    private static final ChannelRef PLACE = new ChannelRef(Platform.CONSOLE, "place-1", ChannelRef.Kind.GROUP);

    private final BotTester bot = new BotTester();
    private final BotTester.Person oliviaPerson = bot.asOrganiser("olivia");
    private final Talk olivia = oliviaPerson.inGroup();
    private final Talk alice = bot.as("alice").inGroup();

    private static String texts(List<Sent> sent) {
        return String.join("\n\n", sent.stream().map(Sent::text).toList());
    }

    private static Button last(List<Sent> sent, String label) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (Button button : sent.get(i).message().buttons()) {
                if (button.label().contains(label)) {
                    return button;
                }
            }
        }
        throw new AssertionError("no button '" + label + "' in " + sent);
    }

    @Test
    void theMeetingRunsInAPlaceOfItsOwnWhichClosesWhenItEndsAndTheNextChairIsAskedInTheChannel() {
        bot.outbox().places(Places.OPEN);
        alice.send("/share volunteer");

        Replies started = olivia.send("/share start basic");
        assertThat(started.allPrivate()).as("the channel is told where the circle meets").isFalse();
        assertThat(started.text()).contains("Our circle meets in a thread of its own today")
                .contains("https://chat.example.org/place-1");
        ShareRoom place = new ShareRoom(BotTester.COMMUNITY, PLACE);
        assertThat(bot.stores().share().live(place)).as("the session runs in its place").isPresent();
        assertThat(bot.stores().share().live(ROOM)).as("and not in the channel").isEmpty();
        List<Sent> opening = bot.outbox().drain();
        assertThat(opening).allSatisfy(s -> assertThat(s.target()).isEqualTo(new Target.Channel(PLACE)));
        assertThat(texts(opening)).contains("Our circle is starting");

        Talk aliceThere = bot.as("alice").inChannel(PLACE.channelId());
        aliceThere.send("/share join");
        assertThat(bot.stores().share().live(place).orElseThrow().includes(aliceThere.context().member())).isTrue();
        assertThat(alice.send("/share status").text()).as("in the channel itself no circle runs").contains("no share circle running here");

        oliviaPerson.inChannel(PLACE.channelId()).send("/share end");
        List<Sent> ended = bot.outbox().drain();
        assertThat(bot.outbox().closedPlaces()).containsExactly(PLACE);
        assertThat(ended).filteredOn(s -> s.text().contains("would you like to chair our next circle"))
                .singleElement().satisfies(s -> assertThat(s.target()).isEqualTo(new Target.Channel(CHANNEL)));

        // the rotation stays with the channel: alice accepts there, starts there, and chairs in the next place
        alice.press(last(ended, "Yes, I'll chair"));
        assertThat(alice.send("/share start basic").text()).contains("https://chat.example.org/place-2");
        ShareRoom second = new ShareRoom(BotTester.COMMUNITY, new ChannelRef(Platform.CONSOLE, "place-2", ChannelRef.Kind.GROUP));
        assertThat(bot.stores().share().live(second).orElseThrow().chair().name()).isEqualTo("alice");
        assertThat(bot.stores().share().rotation(ROOM).accepted()).as("used up").isNull();
    }

    @Test
    void withoutTheRightToOpenOneTheMeetingRunsInTheChannelAndOrganisersAreToldOnce() {
        bot.outbox().places(Places.NOT_ALLOWED);
        Replies first = olivia.send("/share start basic");
        assertThat(first.allPrivate()).isTrue();
        assertThat(first.text()).contains("I couldn't open a thread for today's circle, so it runs in the channel");
        assertThat(bot.stores().share().live(ROOM)).as("the circle runs in the channel").isPresent();
        assertThat(bot.outbox().drain()).allSatisfy(s -> assertThat(s.target()).isEqualTo(new Target.Channel(CHANNEL)));
        olivia.send("/share end");
        bot.outbox().drain();

        assertThat(olivia.send("/share start basic").all()).as("told once only").isEmpty();
        assertThat(bot.stores().share().live(ROOM)).isPresent();
        assertThat(bot.stores().share().settings(BotTester.COMMUNITY).placeRefusalTold()).isTrue();
    }

    @Test
    void aChairWhoIsNoOrganiserStartsItAndTheOrganisersAreToldWhereThePlatformReachesThem() {
        Target oliviaDirect = new Target.Member(oliviaPerson.member());
        bot.outbox().organisersAt(oliviaDirect);
        alice.send("/share volunteer");
        olivia.send("/share start basic");
        olivia.send("/share end");
        List<Sent> ended = bot.outbox().drain();
        alice.press(last(ended, "Yes, I'll chair"));

        bot.outbox().places(Places.NOT_ALLOWED);
        assertThat(alice.send("/share start basic").all()).as("the chair is not bothered with the bot's rights").isEmpty();
        assertThat(bot.stores().share().live(ROOM)).isPresent();
        assertThat(bot.outbox().drain()).filteredOn(s -> s.target().equals(oliviaDirect)).singleElement()
                .satisfies(s -> assertThat(s.text()).contains("I couldn't open a thread"));
    }

    @Test
    void onAPlatformWithoutSuchPlacesTheCircleRunsInTheChannelAsEver() {
        assertThat(olivia.send("/share start basic").all()).isEmpty();
        assertThat(bot.stores().share().live(ROOM)).isPresent();
        olivia.send("/share end");
        assertThat(bot.outbox().closedPlaces()).isEmpty();
        assertThat(bot.stores().share().settings(BotTester.COMMUNITY).placeRefusalTold()).isFalse();
    }
}
