package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.circlekeeper.core.community.Departures;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bot removed from a community, on a real Redis: through the grace period every key stays; after it, no key of
 * the community is left and nothing else in Redis points to it (members' indexes, the calendar-feed token, the job
 * queue), except what is a member's own (their check-ins, the group they last used), while another community the
 * bot serves keeps everything.
 */
class RedisDeparturesTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef GONE = BotTester.COMMUNITY;
    private static final CommunityRef STAYS = new CommunityRef(Platform.CONSOLE, "stays");
    /** How the community is named inside keys, values and index entries. */
    private static final List<String> NAMES = List.of("{console:circle}", "console:circle", "console%3Acircle", "console circle ");

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final BotTester bot = new BotTester(clock, RedisStores.create(REDIS.connection(), clock));

    /** Everything a group can make the bot keep, in both groups. */
    private void bothGroupsUseEverything() {
        for (String community : List.of(GONE.communityId(), STAYS.communityId())) {
            Talk olivia = bot.asOrganiser("olivia").inGroupOf(community);
            Talk alice = bot.as("alice").inGroupOf(community);
            olivia.send("/community timezone Europe/Berlin");
            olivia.send("/wording set circle.created New circle: {{name}} ({{{place}}})");
            olivia.send("/resource add technique Evening walk | A summary that is long enough. | | walking");
            olivia.send("/resource hide " + "box-breathing");
            olivia.send("/safety on");
            olivia.send("/checkin setup days daily time 09:00");
            olivia.send("/share anonymous on");
            olivia.send("/circle feed");
            Replies created = olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
            alice.press(created.button("I'm coming"));
            alice.send("/checkin prompts on");
            alice.send("/share volunteer");
            olivia.send("/share start basic");
            alice.send("/share join");
        }
        bot.as("alice").inGroup().send("/circles");
        assertThat(bot.as("alice").inDirect().send("/remind all 15m").text()).contains("15m");
    }

    /** The keys that name the community, in their name or in what they hold; a member's own check-ins and home aside. */
    private List<String> traces(CommunityRef community) {
        List<String> found = new ArrayList<>();
        Set<String> keys = REDIS.keys();
        for (String key : keys) {
            if (key.startsWith("ck:m:") && (key.contains(":checkin:") || key.endsWith(":home"))) {
                continue;
            }
            String content = REDIS.connection().call(key, jedis -> switch (jedis.type(key)) {
                case "string" -> jedis.get(key);
                case "hash" -> jedis.hgetAll(key).toString();
                case "set" -> jedis.smembers(key).toString();
                case "zset" -> jedis.zrange(key, 0, -1).toString();
                case "list" -> jedis.lrange(key, 0, -1).toString();
                default -> "";
            });
            String named = community.equals(GONE) ? "circle" : community.communityId();
            for (String name : NAMES) {
                String forCommunity = name.replace("circle", named);
                if (key.contains(forCommunity) || content.contains(forCommunity)) {
                    found.add(key);
                }
            }
        }
        return found;
    }

    @Test
    void afterTheGracePeriodNothingOfTheCommunityIsLeftInRedisAndTheOtherKeepsEverything() {
        bothGroupsUseEverything();
        List<String> before = traces(GONE);
        assertThat(before).as("the community's keys, and the keys pointing to it").hasSizeGreaterThan(15)
                .contains("ck:c:{console:circle}:circles", "ck:m:{console:alice}:rsvps",
                        "ck:m:{console:alice}:reminders", "ck:m:{console:alice}:share:rooms", "ck:{jobs}:data")
                .anyMatch(k -> k.startsWith("ck:feed:"));
        int othersBefore = traces(STAYS).size();

        bot.engine().membershipChanged(new MembershipEvent.BotRemoved(GONE));
        bot.advance(Departures.DEFAULT_GRACE.minusHours(1));
        assertThat(traces(GONE)).as("everything waits through the grace period").containsAll(
                before.stream().filter(k -> !k.contains(":share:live:") && !k.contains(":checkin:active")).toList());

        bot.advance(Duration.ofHours(1));

        assertThat(traces(GONE)).isEmpty();
        assertThat(REDIS.keys()).as("members' own check-ins stay theirs")
                .anyMatch(k -> k.startsWith("ck:m:{console:alice}:checkin:console%3Acircle"));
        assertThat(traces(STAYS)).as("the other community keeps its keys, bar what expired by itself in 30 days")
                .hasSizeGreaterThan(othersBefore / 2);
        assertThat(bot.asOrganiser("olivia").inGroupOf(STAYS.communityId()).send("/circles").text()).contains("Tuesday circle");
        assertThat(bot.asOrganiser("olivia").inGroup().send("/circles").text()).doesNotContain("Tuesday circle");
    }

    @Test
    void backWithinTheGracePeriodNothingIsErased() {
        bothGroupsUseEverything();
        bot.engine().membershipChanged(new MembershipEvent.BotRemoved(GONE));
        bot.advance(Duration.ofDays(3));

        bot.engine().membershipChanged(new MembershipEvent.BotPresent(GONE));
        bot.advance(Departures.DEFAULT_GRACE);

        assertThat(REDIS.keys()).noneMatch(k -> k.endsWith(":departed"));
        assertThat(bot.asOrganiser("olivia").inGroup().send("/circles").text()).contains("Tuesday circle");
        assertThat(new RedisWordingStore(REDIS.connection()).overrides(GONE, Locale.ENGLISH)).containsKey("circle.created");
    }
}
