package org.circlekeeper.core.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of work due at a moment: a reminder, a prompt, a planning step.
 *
 * @param id      unique and deterministic (e.g. {@code rem:<circle>:<occurrence>:<lead>}), so scheduling the
 *                same work twice keeps one job
 * @param kind    which {@link JobHandler} runs it
 * @param payload the handler's own small state (ids, not personal data)
 */
public record Job(String id, String kind, Instant due, String payload) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.-]{0,40}");

    public Job {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(payload, "payload");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("a job needs an id of at most 200 characters");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("job kind '" + kind + "' must be short, lower-case");
        }
    }
}
