package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.ref.MemberRef;

/** One-time tokens in memory, expiring on the given clock, for the core's unit tests only. */
public final class InMemoryActionTokens implements ActionTokens {

    private record Grant(String owner, String purpose, Instant expires) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final Clock clock;

    public InMemoryActionTokens(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String issue(MemberRef owner, String purpose, Duration ttl) {
        String token = "t" + counter.incrementAndGet();
        grants.put(token, new Grant(owner.key(), purpose, clock.instant().plus(ttl)));
        return token;
    }

    @Override
    public Outcome consume(String token, MemberRef presser, String purpose) {
        Grant grant = grants.get(token);
        if (grant == null || !grant.purpose().equals(purpose) || !clock.instant().isBefore(grant.expires())) {
            return Outcome.GONE;
        }
        if (!grant.owner().equals(presser.key())) {
            return Outcome.NOT_YOURS;
        }
        return grants.remove(token, grant) ? Outcome.CONSUMED : Outcome.GONE;
    }
}
