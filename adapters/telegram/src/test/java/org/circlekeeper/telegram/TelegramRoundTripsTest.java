package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RealRedis;
import org.circlekeeper.redis.RedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many round trips the adapter's own bookkeeping costs per update, counted by Redis itself ({@code INFO stats}
 * {@code total_reads_processed}) on a Redis that holds only the adapter's state (update log, role cache, reachability,
 * send budget), while the features' stores live on another: a regression shows as a number. Each update gets one
 * answer, whose slot in the shared send budget is the one round trip besides the update's own.
 */
class TelegramRoundTripsTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int UPDATES = 5;
    private static final ObjectNode MIA_USER = person(MIA, "Mia", "en");

    @TempDir
    Path dir;
    private EmbeddedRedis stateServer;
    private RedisConnection state;
    private TelegramFixture telegram;

    @BeforeEach
    void start() throws Exception {
        stateServer = EmbeddedRedis.start(0, dir.resolve("state"));
        state = new RedisConnection(stateServer.url());
        telegram = TelegramFixture.withStateOn(REDIS.connection(), state);
        telegram.fake.admins(GROUP, 900L, OLGA);
    }

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
        state.close();
        stateServer.close();
    }

    @Test
    void aPrivateCommandCostsItsClaimAndItsAnswersSlot() throws Exception {
        // the claim, the done mark of the update before and the member's reachability go in one round trip; the answer's
        // slot in the send budget is the other (before: claim, reachability, slot and done mark, each its own; 4.6 counted this way)
        assertThat(roundTripsPerUpdate(MIA, "/help")).isEqualTo(2.0);
    }

    @Test
    void aGroupCommandReadsWhoAdministersTheGroupWithItsClaim() throws Exception {
        // the claim, carrying the done mark of the update before, the group's administrators from the role cache and
        // whether Mia can be written to privately; and the answer's slot (4.0 when the two look-ups went alone, 5.6 before
        // the done mark rode along)
        assertThat(roundTripsPerUpdate(GROUP, "/help")).isEqualTo(2.0);
    }

    /**
     * Sends one update to warm up, then {@link #UPDATES} more, each once the bot answered the last; stops the bot (so
     * every worker is done and the last done mark written) and divides the adapter state's round trips by the updates.
     */
    private double roundTripsPerUpdate(long chat, String command) throws Exception {
        send(chat, command);
        telegram.connection.state().updates().flush();
        long before = readsProcessed();
        for (int i = 0; i < UPDATES; i++) {
            send(chat, command);
        }
        telegram.close();
        telegram = null;
        // less the INFO that reads the count, and the one flush that writes the last update's done mark at the stop
        long roundTrips = readsProcessed() - before - 1 - 1;
        return (double) roundTrips / UPDATES;
    }

    /** Sends {@code command} as Mia and waits for its answer, in the chat or in Mia's private chat. */
    private void send(long chat, String command) throws InterruptedException {
        int answered = answers(chat);
        telegram.fake.push(text(MIA_USER, chat, command));
        telegram.fake.await(c -> !c.rejected() && answers(chat) > answered, WAIT, "the answer to " + command);
    }

    private int answers(long chat) {
        return telegram.fake.sentTo(chat).size() + (chat == MIA ? 0 : telegram.fake.sentTo(MIA).size());
    }

    private long readsProcessed() {
        String stats = state.anyNode(jedis -> jedis.info("stats"));
        return stats.lines().filter(line -> line.startsWith("total_reads_processed:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElseThrow();
    }
}
