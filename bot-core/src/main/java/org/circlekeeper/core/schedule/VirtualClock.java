package org.circlekeeper.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until moved: the console demo's {@code :clock +2h} and the tests use it
 * so that reminders and prompts can be seen firing. Thread-safe; never moves backwards by accident.
 */
public final class VirtualClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public VirtualClock(Instant start) {
        this(new AtomicReference<>(start), ZoneOffset.UTC);
    }

    private VirtualClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone sharing the same moving instant. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new VirtualClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves forward by a positive amount. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; use set() to jump");
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Jumps to a moment (forwards or back). */
    public void set(Instant instant) {
        now.set(instant);
    }
}
