package org.circlekeeper.discord;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import org.circlekeeper.core.platform.SendBudget;

/**
 * The bot's global request budget: Discord allows a bot 50 requests a second to its REST API over all its shards and
 * replicas (API reference, Topics, Rate Limits: "Global Rate Limit"), and answers any more with a 429 that holds every
 * request for at least a whole second. JDA only learns of that limit from such a 429, so every request JDA sends here
 * first takes a slot from this pace and waits for it. Interaction answers are not counted: Discord does not bind them
 * to the global limit. Share one pace between replicas (Redis in production); {@link #local} paces one process.
 */
@FunctionalInterface
public interface RequestPace {

    /** Discord's documented global limit, requests per second per bot. */
    int DISCORD_GLOBAL_PER_SECOND = 50;

    /**
     * What the bot paces itself to: a little under {@link #DISCORD_GLOBAL_PER_SECOND}, so that the jitter between taking
     * a slot and the request reaching Discord never puts 51 requests into one second.
     */
    int PER_SECOND = 48;

    /** Takes the next slot and says how long from now the request must wait for it (zero: go now). */
    Duration reserve();

    /**
     * A pace of {@code perSecond} requests taken from a send budget that every replica shares (the app gives the Redis
     * one): Discord's global limit counts every request of the bot, whichever replica sends it.
     */
    static RequestPace shared(SendBudget budget, int perSecond) {
        List<SendBudget.Quota> global = List.of(SendBudget.Quota.perPeriod("global", perSecond, Duration.ofSeconds(1)));
        return () -> budget.reserve(global);
    }

    /** Evenly spaced slots, {@code perSecond} a second, for this process alone (one replica, or tests). */
    static RequestPace local(int perSecond) {
        return local(perSecond, System::nanoTime);
    }

    /** {@link #local(int)} on a given nanosecond clock (tests move one by hand). */
    static RequestPace local(int perSecond, LongSupplier nanoClock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("a pace allows at least one request a second");
        }
        long interval = 1_000_000_000L / perSecond;
        return new RequestPace() {
            private long next = Long.MIN_VALUE;

            @Override
            public synchronized Duration reserve() {
                long now = nanoClock.getAsLong();
                long at = next == Long.MIN_VALUE || next - now < 0 ? now : next;
                next = at + interval;
                return Duration.ofNanos(at - now);
            }
        };
    }
}
