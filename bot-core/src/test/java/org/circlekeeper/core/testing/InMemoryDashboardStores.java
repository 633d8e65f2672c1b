package org.circlekeeper.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.dashboard.DashboardStores;
import org.circlekeeper.core.dashboard.SignIn;
import org.circlekeeper.core.dashboard.SignInLinks;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.dashboard.WebSessions;
import org.circlekeeper.core.ref.MemberRef;

/** The organisers' page's links and sessions in memory, expiring by the test's clock as Redis expires them. */
public final class InMemoryDashboardStores implements SignInLinks, WebSessions {

    private record Held<T>(T value, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Held<SignIn>> links = new ConcurrentHashMap<>();
    private final Map<String, Held<Long>> asked = new ConcurrentHashMap<>();
    private final Map<String, Held<WebSession>> sessions = new ConcurrentHashMap<>();

    public InMemoryDashboardStores(Clock clock) {
        this.clock = clock;
    }

    public DashboardStores stores() {
        return new DashboardStores(this, this);
    }

    private boolean alive(Held<?> held) {
        return held != null && clock.instant().isBefore(held.expires());
    }

    @Override
    public void put(String digest, SignIn signIn, Instant until, Duration ttl) {
        Instant kept = clock.instant().plus(ttl);
        links.put(digest, new Held<>(signIn, until.isBefore(kept) ? until : kept));
    }

    @Override
    public Optional<SignIn> take(String digest, Instant now) {
        Held<SignIn> held = links.remove(digest);
        return alive(held) && now.isBefore(held.expires()) ? Optional.of(held.value()) : Optional.empty();
    }

    @Override
    public synchronized long countAsked(MemberRef member, Duration window) {
        Held<Long> held = asked.get(member.key());
        Held<Long> next = alive(held) ? new Held<>(held.value() + 1, held.expires()) : new Held<>(1L, clock.instant().plus(window));
        asked.put(member.key(), next);
        return next.value();
    }

    @Override
    public void create(String digest, WebSession session, Duration idle) {
        sessions.put(digest, new Held<>(session, clock.instant().plus(idle)));
    }

    @Override
    public synchronized Optional<WebSession> touch(String digest, Duration idle) {
        Held<WebSession> held = sessions.get(digest);
        if (!alive(held)) {
            sessions.remove(digest);
            return Optional.empty();
        }
        sessions.put(digest, new Held<>(held.value(), clock.instant().plus(idle)));
        return Optional.of(held.value());
    }

    @Override
    public void end(String digest) {
        sessions.remove(digest);
    }

    @Override
    public int openOf(MemberRef member) {
        return (int) sessions.values().stream().filter(this::alive)
                .filter(h -> h.value().signIn().member().sameMember(member)).count();
    }

    @Override
    public void endAllOf(MemberRef member) {
        sessions.values().removeIf(h -> h.value().signIn().member().sameMember(member));
    }
}
