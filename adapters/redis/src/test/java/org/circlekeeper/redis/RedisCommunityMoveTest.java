package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.ClaimedJob;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.share.ChairRotation;
import org.circlekeeper.core.share.ShareRoom;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * A community whose id changed (a Telegram group upgraded to a supergroup), moved on a real Redis: afterwards nothing
 * in Redis names the old id but its marker and members' own records, every key it had is under the new id once, its
 * jobs wait under their new ids at their old due scores (planning chains at the new id's slots), and a second request changes nothing; a job being run holds
 * the move back until it is done; where the new id has data already, both are kept and the moved record wins.
 */
class RedisCommunityMoveTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef OLD = BotTester.COMMUNITY;
    private static final CommunityRef NEW = new CommunityRef(Platform.CONSOLE, "supergroup");

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final BotTester bot = new BotTester(clock, RedisStores.create(REDIS.connection(), clock));

    /** Everything a group can make the bot keep. */
    private void theGroupUsesEverything() {
        Talk olivia = bot.asOrganiser("olivia").inGroup();
        Talk alice = bot.as("alice").inGroup();
        olivia.send("/community timezone Europe/Berlin");
        olivia.send("/wording set circle.created New circle: {{name}} ({{{place}}})");
        olivia.send("/resource add technique Evening walk | A summary that is long enough. | | walking");
        olivia.send("/resource hide box-breathing");
        olivia.send("/safety on");
        olivia.send("/safety alerts on");
        olivia.send("/checkin setup days daily time 09:00");
        olivia.send("/share anonymous on");
        olivia.send("/circle feed");
        Replies created = olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        alice.press(created.button("I'm coming"));
        alice.send("/checkin prompts on");
        bot.as("bob").inGroup().send("/checkin prompts off");
        alice.send("/checkin buddy @bob");
        alice.send("/checkin").press("Okay");
        alice.send("/share volunteer");
        olivia.send("/share start basic");
        alice.send("/share join");
        assertThat(bot.as("alice").inDirect().send("/remind all 15m").text()).contains("15m");
    }

    /** The keys that name {@code community} in their name or in what they hold, members' home aside. */
    private static List<String> traces(CommunityRef community) {
        String id = community.communityId();
        List<String> names = List.of("{console:" + id + "}", "console:" + id, "console%3A" + id, "console " + id + " ");
        List<String> found = new ArrayList<>();
        for (String key : REDIS.keys()) {
            if (key.startsWith("ck:m:") && key.endsWith(":home")) {
                continue;
            }
            String content = content(key);
            if (names.stream().anyMatch(name -> key.contains(name) || content.contains(name))) {
                found.add(key);
            }
        }
        return found;
    }

    private static String content(String key) {
        return REDIS.connection().call(jedis -> switch (jedis.type(key)) {
            case "string" -> jedis.get(key);
            case "hash" -> jedis.hgetAll(key).toString();
            case "set" -> jedis.smembers(key).toString();
            case "zset" -> jedis.zrange(key, 0, -1).toString();
            case "list" -> jedis.lrange(key, 0, -1).toString();
            default -> "";
        });
    }

    private static List<String> communityKeys(CommunityRef community) {
        String prefix = RedisKeys.communityKey(community, "x");
        String start = prefix.substring(0, prefix.length() - 1);
        return REDIS.keys().stream().filter(k -> k.startsWith(start)).map(k -> k.substring(start.length())).sorted().toList();
    }

    private Map<String, Double> dueScores() {
        return REDIS.connection().call(jedis -> {
            Map<String, Double> scores = new TreeMap<>();
            jedis.zrangeWithScores(RedisKeys.jobsDue(), 0, -1).forEach(t -> scores.put(t.getElement(), t.getScore()));
            return scores;
        });
    }

    private static long version(CommunityRef community) {
        String stored = REDIS.connection().call(jedis -> jedis.get(RedisKeys.resourceVersion(community)));
        return stored == null ? 0 : Long.parseLong(stored);
    }

    @Test
    void everythingTheCommunityOwnsMovesOnceAndOnlyItsMarkerStays() {
        theGroupUsesEverything();
        // the group's chat has a chair rotation of its own (a circle ended there before)
        ChannelRef groupChat = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
        ChairRotation rotation = new ChairRotation(1, 1, null, List.of(), null);
        assertThat(bot.stores().share().saveRotation(new ShareRoom(OLD, groupChat), rotation)).isTrue();
        List<String> keysBefore = communityKeys(OLD);
        assertThat(keysBefore).hasSizeGreaterThan(12).contains("circles", "settings", "reminders", "feed");
        assertThat(traces(OLD)).contains("ck:m:{console:alice}:rsvps", "ck:m:{console:alice}:reminders",
                "ck:m:{console:alice}:share:rooms", "ck:m:{console:alice}:checkin:communities",
                "ck:m:{console:bob}:checkin:buddy-of", "ck:{jobs}:data").anyMatch(k -> k.startsWith("ck:feed:"));
        Map<String, Double> jobsBefore = dueScores();
        ChannelRef oldChat = new ChannelRef(Platform.CONSOLE, BotTester.GROUP_CHANNEL, ChannelRef.Kind.GROUP);
        ChannelRef newChat = new ChannelRef(Platform.CONSOLE, "#" + NEW.communityId(), ChannelRef.Kind.GROUP);
        assertThat(REDIS.hash(RedisKeys.circles(OLD)).values()).allMatch(circle -> circle.contains(BotTester.GROUP_CHANNEL));
        MemberRef mia = bot.as("mia").member();
        bot.stores().checkins().lines().holdShare(OLD, mia, new PendingShare(oldChat, "A good walk today."), Duration.ofMinutes(30));

        bot.engine().membershipChanged(new MembershipEvent.CommunityMoved(OLD, NEW, Map.of(oldChat, newChat)));

        assertThat(traces(OLD)).as("only the marker names the old id").containsExactly("ck:c:{console:circle}:moved");
        // the chair rotation is keyed by its channel, which changed id with the group: it follows the channel
        String oldRotation = RedisKeys.shareRotation(OLD, oldChat).substring(RedisKeys.communityKey(OLD, "x").length() - 1);
        String newRotation = RedisKeys.shareRotation(NEW, newChat).substring(RedisKeys.communityKey(NEW, "x").length() - 1);
        assertThat(keysBefore).contains(oldRotation);
        assertThat(bot.stores().share().rotation(new ShareRoom(NEW, newChat))).isEqualTo(rotation);
        assertThat(communityKeys(NEW)).as("every key of the old community, under the new one, once")
                .isEqualTo(keysBefore.stream().map(k -> k.equals(oldRotation) ? newRotation : k).sorted().toList());
        Map<String, Double> jobsAfter = dueScores();
        assertThat(jobsAfter).hasSameSizeAs(jobsBefore);
        assertThat(planning(jobsAfter, false).values()).as("each reminder and prompt keeps its due time")
                .containsExactlyInAnyOrderElementsOf(planning(jobsBefore, false).values());
        // planning slots are spread by the community's key: a planning job takes the new id's next slot
        assertThat(planning(jobsAfter, true)).as("the circle's and the check-ins' planning").hasSize(2)
                .allSatisfy((id, due) -> assertThat(due).isGreaterThan(clock.instant().toEpochMilli())
                        .isLessThanOrEqualTo(clock.instant().plus(Duration.ofDays(1)).toEpochMilli()));
        Map<String, String> data = REDIS.hash(RedisKeys.jobsData());
        assertThat(planning(jobsAfter, true)).as("due where the job says").allSatisfy((id, due) ->
                assertThat(due).isEqualTo((double) RedisJobQueue.ceilMillis(RedisJobQueue.job(id, data.get(id)).due())));
        assertThat(jobsAfter.keySet()).noneMatch(id -> id.contains("console:circle:"));

        assertThat(REDIS.hash(RedisKeys.circles(NEW)).values()).as("the circle's place is the new chat").isNotEmpty()
                .allMatch(circle -> circle.contains("\"id\":\"#supergroup\"") && !circle.contains(BotTester.GROUP_CHANNEL));
        assertThat(REDIS.hash(RedisKeys.checkinSettings(NEW))).containsEntry("channel", "console GROUP #supergroup");
        assertThat(REDIS.hash(RedisKeys.safety(NEW))).containsEntry(RedisResourceStore.CHANNEL_ID, "#supergroup");
        assertThat(bot.stores().checkins().lines().heldShare(NEW, mia)).as("a waiting line goes to the new chat")
                .contains(new PendingShare(newChat, "A good walk today."));
        assertThat(REDIS.connection().call((Jedis jedis) -> jedis.pttl(RedisKeys.checkinShare(mia, NEW)))).isPositive();

        // the other service message, on another replica, or a failed send: nothing changes
        Set<String> settled = REDIS.keys();
        Map<String, String> circles = REDIS.hash(RedisKeys.circles(NEW));
        assertThat(new RedisDepartureStore(REDIS.connection(), clock).moveCommunity(OLD, NEW, (job, from, to) -> Optional.empty()))
                .isFalse();
        assertThat(REDIS.keys()).isEqualTo(settled);
        assertThat(REDIS.hash(RedisKeys.circles(NEW))).isEqualTo(circles);

        // the group goes on under its new id
        Talk olivia = bot.asOrganiser("olivia").inGroupOf(NEW.communityId());
        assertThat(olivia.send("/circles").text()).contains("Tuesday circle");
        assertThat(new RedisWordingStore(REDIS.connection()).overrides(NEW, Locale.ENGLISH)).containsKey("circle.created");
        MemberRef alice = bot.as("alice").member();
        String planned = REDIS.hash(RedisKeys.checkinProfile(alice, NEW)).get(CheckinRedis.PLANNED);
        assertThat(planned).as("alice's planned prompt, under its new id").contains("supergroup");
        assertThat(REDIS.hash(RedisKeys.jobsData())).containsKey(planned);
        assertThat(REDIS.connection().call((Jedis jedis) -> jedis.smembers(RedisKeys.checkinCommunities(alice)))).containsExactly(NEW.key());
        assertThat(REDIS.connection().call((Jedis jedis) -> jedis.smembers(RedisKeys.checkinBuddyOf(bot.as("bob").member()))))
                .containsExactly(CheckinRedis.buddyEntry(NEW, alice));
        assertThat(REDIS.connection().call((Jedis jedis) -> jedis.pttl(RedisKeys.checkins(alice, NEW)))).as("history keeps its expiry")
                .isPositive();
        assertThat(bot.as("alice").inDirect().send("/mydata").text()).as("members' indexes reach the moved records")
                .contains("answers about coming to circles: 1 item", "circle reminders: 1 item", "share circles: 1 item");
        // planning under the new id (a circle changed, the check-ins set up again) finds the moved chains
        olivia.send("/circle edit tuesday-circle description Tea from 18:45");
        olivia.send("/checkin setup days daily time 09:00");
        assertThat(planning(dueScores(), true)).as("one planning chain each").isEqualTo(planning(jobsAfter, true));
    }

    /** The due scores of the planning jobs (the circles' and the check-ins' daily chains), or of every other job. */
    private static Map<String, Double> planning(Map<String, Double> scores, boolean planning) {
        Map<String, Double> picked = new TreeMap<>();
        scores.forEach((id, due) -> {
            if ((id.startsWith("circle.plan:") || id.startsWith("checkin.plan:")) == planning) {
                picked.put(id, due);
            }
        });
        return picked;
    }

    @Test
    void aReminderDueDuringTheMoveGoesOutOnceUnderItsOldIdBeforeTheMove() throws Exception {
        RedisJobQueue queue = new RedisJobQueue(REDIS.connection());
        Instant due = BotTester.START;
        queue.schedule(new Job("test.rem:console:circle:1", "test.rem", due, "console:circle"));
        queue.schedule(new Job("test.rem:console:circle:2", "test.rem", due.plusSeconds(60), "console:circle"));
        JobMove move = (job, from, to) -> job.payload().equals(from.key())
                ? Optional.of(new Job(job.id().replace(from.key(), to.key()), job.kind(), job.due(), to.key())) : Optional.empty();
        List<ClaimedJob> running = queue.claimDue(due, 1, Duration.ofMinutes(1));
        assertThat(running).hasSize(1);

        RedisDepartureStore store = new RedisDepartureStore(REDIS.connection(), clock);
        CompletableFuture<Boolean> moving = CompletableFuture.supplyAsync(() -> store.moveCommunity(OLD, NEW, move));
        Thread.sleep(300);
        assertThat(moving).as("the move waits for the job being run").isNotDone();
        assertThat(REDIS.exists("ck:c:{console:circle}:moved")).isFalse();

        queue.ack(running.get(0));
        assertThat(moving.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(REDIS.hash(RedisKeys.jobsData()).keySet()).containsExactly("test.rem:console:supergroup:2");
        assertThat(queue.claimDue(due.plusSeconds(120), 10, Duration.ofMinutes(1)))
                .extracting(c -> c.job().id()).containsExactly("test.rem:console:supergroup:2");
    }

    @Test
    void whereTheNewIdHasDataBothAreKeptAndTheMovedRecordWins() {
        Talk before = bot.asOrganiser("olivia").inGroupOf(NEW.communityId());
        before.send("/community timezone Asia/Tokyo");
        before.send("/circle create \"Supergroup circle\" every monday 18:00");
        before.send("/resource add technique Morning walk | A summary that is long enough. | | walking");
        Talk olivia = bot.asOrganiser("olivia").inGroup();
        olivia.send("/community timezone Europe/Berlin");
        olivia.send("/circle create \"Tuesday circle\" every tuesday 19:00");
        olivia.send("/resource add technique Evening walk | A summary that is long enough. | | walking");
        olivia.send("/resource add technique Evening stretch | A summary that is long enough. | | stretching");
        long versions = Math.max(version(OLD), version(NEW));
        MemberRef alice = bot.as("alice").member();
        bot.as("alice").inGroupOf(NEW.communityId()).send("/checkin").press("Low");
        bot.as("alice").inGroup().send("/checkin").press("Okay");
        List<String> movedDay = REDIS.connection().call((Jedis jedis) -> jedis.zrange(RedisKeys.checkins(alice, OLD), 0, -1));

        bot.engine().membershipChanged(new MembershipEvent.CommunityMoved(OLD, NEW));

        String circles = bot.asOrganiser("olivia").inGroupOf(NEW.communityId()).send("/circles").text();
        assertThat(circles).contains("Tuesday circle", "Supergroup circle");
        assertThat(REDIS.hash(RedisKeys.communitySettings(NEW))).containsEntry("zone", "Europe/Berlin");
        assertThat(REDIS.hash(RedisKeys.communityKey(NEW, "res:entries"))).as("both groups' resources").hasSize(3);
        assertThat(version(NEW)).as("the merged catalogue has a version neither had").isGreaterThan(versions);
        assertThat(REDIS.connection().call((Jedis jedis) -> jedis.zrange(RedisKeys.checkins(alice, NEW), 0, -1)))
                .as("one check-in a day: the moved one").hasSize(1).isEqualTo(movedDay);
        assertThat(traces(OLD)).containsExactly("ck:c:{console:circle}:moved");
    }
}
