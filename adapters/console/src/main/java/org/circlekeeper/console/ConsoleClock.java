package org.circlekeeper.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code :clock} directive of a console session: shows the bot's time and, when it is a {@link VirtualClock},
 * moves it and runs what became due (each listener a unit of work of its own, whose failure is logged, counted and
 * told kindly). Part of {@link ConsoleSession}.
 */
final class ConsoleClock {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleClock.class);

    private final Clock clock;
    /** The clock {@code :clock} moves, or null when the bot keeps real time (a chat platform is connected too). */
    private final VirtualClock movable;
    private final Metrics metrics;
    private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();

    ConsoleClock(Clock clock, Metrics metrics) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.movable = clock instanceof VirtualClock virtual ? virtual : null;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    Clock clock() {
        return clock;
    }

    /** The time now, as the console shows it. */
    String now() {
        return ClockInput.show(clock.instant());
    }

    void addListener(Consumer<Instant> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** {@code :clock}, {@code :clock +1d2h} or {@code :clock 2026-03-29T08:00}: shows, moves or sets the time. */
    void handle(String argument, List<String> out) {
        if (argument.isEmpty()) {
            out.add(ConsoleSession.CONSOLE + "it is " + now() + ". :clock moves it: " + ClockInput.FORMS + ".");
            return;
        }
        if (movable == null) {
            out.add(ConsoleSession.CONSOLE + "it is " + now() + ": the bot keeps real time while a chat "
                    + "platform is connected, so :clock only shows it.");
            return;
        }
        Instant now;
        try {
            if (ClockInput.isStep(argument)) {
                Duration step = ClockInput.step(argument);
                now = movable.advance(step);
            } else {
                now = ClockInput.moment(argument);
                movable.set(now);
            }
        } catch (IllegalArgumentException e) {
            out.add(ConsoleSession.CONSOLE + e.getMessage() + ".");
            return;
        }
        out.add(ConsoleSession.CONSOLE + "the time is now " + ClockInput.show(now) + ".");
        for (Consumer<Instant> listener : listeners) {
            try {
                listener.accept(now);
            } catch (StoreUnavailable e) {
                LOG.warn("running what was due after the clock moved: the store is unreachable");
                metrics.storeUnavailable(Platform.CONSOLE);
                out.add(ConsoleSession.CONSOLE + "the bot's storage can't be reached right now; what was due runs once it is back.");
            } catch (Throwable e) {
                LOG.error("a clock listener failed after the clock moved: {}", e.getClass().getName(), e);
                metrics.unitFailed(Platform.CONSOLE, "clock");
                out.add(ConsoleSession.CONSOLE + "something went wrong while running what was due at this time; the log has the details.");
            }
        }
    }
}
