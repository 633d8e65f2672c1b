package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.ref.MemberRef;

/** Pending forms in memory, expiring on the given clock, for unit tests only. */
public final class InMemoryPendingForms implements PendingForms {

    private record Pending(String formId, Instant expires) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryPendingForms(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void await(MemberRef member, String formId, Duration ttl) {
        pending.put(member.key(), new Pending(formId, clock.instant().plus(ttl)));
    }

    @Override
    public Optional<String> take(MemberRef member) {
        Pending p = pending.remove(member.key());
        return p == null || !clock.instant().isBefore(p.expires()) ? Optional.empty() : Optional.of(p.formId());
    }

    @Override
    public void clear(MemberRef member) {
        pending.remove(member.key());
    }
}
