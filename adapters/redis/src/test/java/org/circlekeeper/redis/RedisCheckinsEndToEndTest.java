package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Check-ins through the whole engine on a real Redis: what reaches Redis is read back raw, so the
 * test sees exactly what an operator with access to the database (but not the note key) would see.
 */
class RedisCheckinsEndToEndTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final String NOTE = "My sister visited and we argued again";
    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", null);

    private final String key = AesGcmNoteCipher.newKey();
    private final VirtualClock clock = new VirtualClock(BotTester.START);
    private final RedisConnection redis = REDIS.connection();
    private final BotTester bot = new BotTester(clock, RedisStores.create(redis, clock),
            CheckinOptions.of(AesGcmNoteCipher.fromBase64(key)));
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void theStoredNoteCannotBeReadWithoutTheKey() {
        alice.send("/checkin").press("Okay").press("Add a note");
        assertThat(alice.send(NOTE).text()).contains("Your note is saved");

        assertThat(everything()).as("no key or value in Redis holds any part of the note")
                .noneMatch(line -> line.contains("sister") || line.contains("argued"));
        String days = RedisKeys.checkins(ALICE, BotTester.COMMUNITY);
        List<String> raw = redis.<List<String>>call(days, jedis -> jedis.zrange(days, 0, -1));
        assertThat(raw).singleElement().asString().contains("\"mood\":3", "\"note\":\"v1:");
        String sealed = raw.get(0).replaceAll(".*\"note\":\"([^\"]+)\".*", "$1");

        String context = "checkin-note|console:circle|console:alice|" + LocalDate.of(2026, 11, 27);
        assertThat(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()).open(sealed, context)).as("another key").isEmpty();
        assertThat(AesGcmNoteCipher.fromBase64(key).open(sealed, context)).as("the deployment's key").contains(NOTE);
        assertThat(alice.send("/checkin edit").text()).contains("Your note: “" + NOTE + "”");
    }

    @Test
    void forgetMeLeavesNoKeyOfTheMemberAndNoTraceOfThemAnywhere() {
        bot.asOrganiser("olivia").inGroup().send("/checkin setup days daily time 09:00");
        alice.send("/country ES");
        alice.send("/checkin prompts on");
        alice.send("/checkin buddy @bob");
        alice.send("/checkin journey").press("Sharing");
        alice.send("/checkin").press("Really hard").press("Skip").press("Say I checked in");
        bot.as("bob").inDirect().send("/checkin").press("Good");
        bot.as("carol").inDirect().send("/checkin buddy @alice");
        alice.send("/checkin edit").press("Write a new note");
        assertThat(REDIS.exists(RedisKeys.pendingForm(ALICE))).as("a note is awaited").isTrue();
        assertThat(REDIS.keys()).anyMatch(k -> k.contains("{console:alice}:checkin"));
        assertThat(everything()).anyMatch(line -> line.contains("console:alice") && line.startsWith("ck:{jobs}"));

        alice.send("/forgetme").press("Yes, erase everything");

        assertThat(REDIS.keys()).noneMatch(k -> k.contains("alice"));
        assertThat(everything()).as("not a key, field, member or value names her").noneMatch(line -> line.contains("alice"));
        assertThat(bot.stores().checkins().checkins().find(BotTester.COMMUNITY, new MemberRef(Platform.CONSOLE, "bob", null),
                LocalDate.of(2026, 11, 27))).as("others keep theirs").isPresent();
        assertThat(bot.stores().checkins().profiles().profile(BotTester.COMMUNITY, new MemberRef(Platform.CONSOLE, "carol", null)).buddy())
                .as("Carol's buddy was Alice").isNull();
    }

    @Test
    void noDisplayNameIsKeptForACheckInOrALineWaitingToBeShared() {
        bot.asOrganiser("olivia").inGroup().send("/checkin setup days daily time 09:00");
        Talk zoe = bot.as("Zoë Quill").inDirect();
        BotTester.Replies preview = zoe.send("/checkin").press("Good").press("Skip").press("Say I checked in");
        assertThat(preview.text()).contains("✅ Zoë Quill checked in today.");
        zoe.send("/checkin prompts on");
        zoe.send("/checkin journey").press("Sharing");
        assertThat(everything()).as("her line waits for her confirmation, without her name").isNotEmpty()
                .noneMatch(line -> line.contains("Zoë") || line.contains("Quill"));

        assertThat(preview.press("Post it").text()).contains("Posted in the group");
        assertThat(bot.outbox().drain()).singleElement().satisfies(s -> assertThat(s.text()).isEqualTo("✅ Zoë Quill checked in today."));
        assertThat(everything()).noneMatch(line -> line.contains("Zoë") || line.contains("Quill"));
        String json = new String(zoe.send("/mydata").all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"checkins\"").doesNotContain("Zoë").doesNotContain("Quill");
    }

    /** Every key with everything it holds, one line per key, as an operator dumping the database would see it. */
    private List<String> everything() {
        List<String> out = new ArrayList<>();
        redis.onPrimaries(jedis -> {
            for (String k : jedis.keys("*")) {
                String held = switch (jedis.type(k)) {
                    case "string" -> jedis.get(k);
                    case "hash" -> jedis.hgetAll(k).toString();
                    case "set" -> jedis.smembers(k).toString();
                    case "zset" -> jedis.zrange(k, 0, -1).toString();
                    case "list" -> jedis.lrange(k, 0, -1).toString();
                    default -> "?";
                };
                out.add(k + " " + held);
            }
            return null;
        });
        return out;
    }
}
