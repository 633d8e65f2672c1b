package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisRoster;
import org.circlekeeper.redis.RedisStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Servers that removed the bot while it was offline, with the real JDA on two shards and the roster on Redis. Discord
 * sends no {@code GUILD_DELETE} to a bot that is not connected; at the next connection READY simply lists the shard's
 * servers without it (Gateway Events, "Ready"). A server the bot was last seen in and missing from its shard's READY
 * starts the same grace period as a removal seen live; a server on a shard this replica does not run is left for the
 * replica that runs it.
 */
class DiscordOfflineRemovalTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow
    /** On shard 0 of 2, as {@link FakeDiscord#GUILD} is. */
    private static final String SAME_SHARD = "100000000000000101";
    /** On shard 1 of 2. */
    private static final String OTHER_SHARD = "100000000004194405";

    private FakeDiscord discord;
    private DiscordAdapter adapter;

    @AfterEach
    void stop() throws Exception {
        disconnect();
    }

    private void disconnect() throws Exception {
        if (adapter != null) {
            adapter.close();
            adapter = null;
        }
        if (discord != null) {
            discord.close();
            discord = null;
        }
    }

    /** One replica of the whole bot on Redis, running {@code shards} of 2, against a Discord with these servers. */
    private Stores connect(List<String> moreServers, List<Integer> shards) throws Exception {
        discord = new FakeDiscord(moreServers);
        Stores stores = RedisStores.create(REDIS.connection(), Clock.systemUTC());
        adapter = new DiscordAdapter(new DiscordSettings(FakeDiscord.TOKEN, 2, shards, List.of(), Map.of(), false,
                discord.restBase(), 2), RequestPace.local(RequestPace.PER_SECOND), Clock.systemUTC(), new RedisRoster(REDIS.connection()));
        Bot.Assembly bot = Bot.builder().stores(stores).clock(Clock.systemUTC())
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build();
        adapter.start(bot.engine(), Locale.ENGLISH);
        waitFor(adapter::connected, "the bot connected");
        return stores;
    }

    private static CommunityRef server(String id) {
        return new CommunityRef(Platform.DISCORD, id);
    }

    @Test
    void aServerThatRemovedTheBotWhileItWasOfflineStartsTheGracePeriodWhenItsShardConnects() throws Exception {
        RedisRoster roster = new RedisRoster(REDIS.connection());
        connect(List.of(SAME_SHARD, OTHER_SHARD), List.of(0, 1));
        waitFor(() -> roster.communities(Platform.DISCORD).size() == 3, "every server noted in the roster");
        assertThat(roster.communities(Platform.DISCORD)).containsExactlyInAnyOrder(FakeDiscord.GUILD, SAME_SHARD, OTHER_SHARD);
        disconnect();

        // while the bot was offline, both other servers removed it; this replica runs only shard 0
        Instant before = Instant.now();
        Stores stores = connect(List.of(), List.of(0));
        waitFor(() -> stores.departures().departedAt(server(SAME_SHARD)).isPresent()
                && !roster.communities(Platform.DISCORD).contains(SAME_SHARD), "the removal on shard 0 noticed");
        assertThat(stores.departures().departedAt(server(SAME_SHARD)).orElseThrow()).as("the grace period starts now")
                .isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(stores.departures().departedAt(server(FakeDiscord.GUILD))).as("a server in READY is present").isEmpty();
        assertThat(stores.departures().departedAt(server(OTHER_SHARD))).as("shard 1 is another replica's to judge").isEmpty();
        assertThat(roster.communities(Platform.DISCORD)).containsExactlyInAnyOrder(FakeDiscord.GUILD, OTHER_SHARD);
        disconnect();

        // the replica running shard 1 connects: its server is missing there
        Stores again = connect(List.of(), List.of(1));
        // the core hears of the removal first and the roster forgets the server after it: wait for both
        waitFor(() -> again.departures().departedAt(server(OTHER_SHARD)).isPresent()
                && !roster.communities(Platform.DISCORD).contains(OTHER_SHARD), "the removal on shard 1 noticed");
        assertThat(roster.communities(Platform.DISCORD)).containsExactly(FakeDiscord.GUILD);
        assertThat(again.departures().departedAt(server(FakeDiscord.GUILD))).isEmpty();
    }

    @Test
    void aServerThatAddsTheBotBackIsPresentAgainAndItsRemovalIsCalledOff() throws Exception {
        RedisRoster roster = new RedisRoster(REDIS.connection());
        connect(List.of(SAME_SHARD), List.of(0, 1));
        waitFor(() -> roster.communities(Platform.DISCORD).size() == 2, "both servers noted");
        disconnect();

        Stores stores = connect(List.of(), List.of(0, 1));
        waitFor(() -> stores.departures().departedAt(server(SAME_SHARD)).isPresent(), "the removal noticed");
        disconnect();

        Stores back = connect(List.of(SAME_SHARD), List.of(0, 1));
        waitFor(() -> back.departures().departedAt(server(SAME_SHARD)).isEmpty(), "the bot back in the server");
        waitFor(() -> roster.communities(Platform.DISCORD).contains(SAME_SHARD), "noted in the roster again");
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
