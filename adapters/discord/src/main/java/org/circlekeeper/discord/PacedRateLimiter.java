package org.circlekeeper.discord;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's own rate limiter (per-route buckets from Discord's headers, 429s obeyed) with the bot's global
 * {@link RequestPace} in front of each request: a request whose route bucket lets it go waits for its global slot
 * right before it is written, so the bot keeps under Discord's global limit instead of learning it from a 429.
 * Interaction answers skip the pace, as Discord exempts them from the global limit. A pace that fails (its store is
 * unreachable) lets the request go unpaced: JDA still obeys Discord's 429s.
 */
final class PacedRateLimiter implements RestRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PacedRateLimiter.class);
    /** How late past its slot a request may still go (sleeping itself wakes up to a few milliseconds late). */
    static final Duration LATE = Duration.ofMillis(10);
    /** How many slots one request takes at most before it goes anyway. */
    static final int TRIES = 5;

    private final RestRateLimiter jda;
    private final RequestPace pace;
    private final AtomicBoolean paceFailing = new AtomicBoolean();

    PacedRateLimiter(RateLimitConfig config, RequestPace pace) {
        this.jda = new SequentialRestRateLimiter(config);
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    @Override
    public void enqueue(Work task) {
        jda.enqueue(new Paced(task));
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        jda.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return jda.isStopped();
    }

    @Override
    public int cancelRequests() {
        return jda.cancelRequests();
    }

    private void awaitSlot() {
        try {
            awaitSlot(pace);
            if (paceFailing.compareAndSet(true, false)) {
                LOG.info("the global request pace works again");
            }
        } catch (RuntimeException e) {
            if (paceFailing.compareAndSet(false, true)) {
                LOG.warn("the global request pace failed ({}); requests go unpaced until it works again", e.getClass().getName());
            }
        }
    }

    /**
     * Takes a slot and sleeps until it comes. A slot reached {@link #LATE} or more after its time (the thread or the
     * pace's store was held up, say by a garbage collection) has passed: sent now, the request would crowd the next
     * slots' requests into the same second, so another slot is taken instead, up to {@link #TRIES} slots in all.
     * Returns how many slots it took.
     */
    static int awaitSlot(RequestPace pace) {
        for (int taken = 1; ; taken++) {
            long asked = System.nanoTime();
            long slot = asked + Math.max(0, pace.reserve().toNanos());
            long wait = slot - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return taken;
                }
            }
            if (System.nanoTime() - slot < LATE.toNanos() || taken == TRIES) {
                return taken;
            }
        }
    }

    /** One request of JDA's, paced when it runs. */
    private final class Paced implements Work {
        private final Work work;

        Paced(Work work) {
            this.work = work;
        }

        @Override
        public Route.CompiledRoute getRoute() {
            return work.getRoute();
        }

        @Override
        public JDA getJDA() {
            return work.getJDA();
        }

        @Override
        public Response execute() {
            if (!work.isSkipped() && !work.getRoute().getBaseRoute().isInteractionBucket()) {
                awaitSlot();
            }
            return work.execute();
        }

        @Override
        public boolean isSkipped() {
            return work.isSkipped();
        }

        @Override
        public boolean isDone() {
            return work.isDone();
        }

        @Override
        public boolean isPriority() {
            return work.isPriority();
        }

        @Override
        public boolean isCancelled() {
            return work.isCancelled();
        }

        @Override
        public void cancel() {
            work.cancel();
        }
    }
}
