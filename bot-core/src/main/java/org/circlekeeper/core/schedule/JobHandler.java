package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;

/** A feature's code for one kind of job. */
public interface JobHandler {

    /** The kind of job this handler runs (matches {@link Job#kind()}). */
    String kind();

    /**
     * Runs a due job. {@code lateness} is how long after its due time it runs (after downtime); the
     * handler decides what is still worth doing. Throwing makes the scheduler retry later.
     */
    void run(Job job, Instant now, Duration lateness);
}
