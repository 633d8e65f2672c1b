package org.circlekeeper.core.schedule;

import java.time.Duration;
import java.time.Instant;

/** One job kind and the method that runs it: what {@link JobHandler#of} makes. */
record KindHandler(String kind, JobHandler.Run runner) implements JobHandler {

    @Override
    public void run(Job job, Instant now, Duration lateness) {
        runner.run(job, now, lateness);
    }
}
