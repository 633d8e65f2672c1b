package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A feature's code for one kind of job. */
public interface JobHandler {

    /** The kind of job this handler runs (matches {@link Job#kind()}). */
    String kind();

    /**
     * Runs a due job. {@code lateness} is how long after its due time it runs (after downtime); the
     * handler decides what is still worth doing. Throwing makes the scheduler retry later.
     */
    void run(Job job, Instant now, Duration lateness);

    /**
     * A handler of one kind of job that runs the given method, so a feature with several kinds writes
     * {@code JobHandler.of(PLAN, this::runPlan)} instead of a class of its own for each.
     */
    static JobHandler of(String kind, Run run) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(run, "run");
        return new KindHandler(kind, run);
    }

    /** The method that runs a due job, as {@link #run(Job, Instant, Duration)}. */
    @FunctionalInterface
    interface Run {
        void run(Job job, Instant now, Duration lateness);
    }
}
