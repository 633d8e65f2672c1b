package org.circlekeeper.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardStores;
import org.circlekeeper.core.dashboard.SignIn;
import org.circlekeeper.core.dashboard.SignInLinks;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.dashboard.WebSessions;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The organisers' page's sign-in links and sessions in Redis. Its keys (namespace {@code dashboard}):
 * <table>
 * <caption>keys</caption>
 * <tr><th>key</th><th>type</th><th>holds</th><th>bound</th></tr>
 * <tr><td>{@code ck:dashboard:link:<digest>}</td><td>hash</td><td>whom a sign-in link signs in: platform, user id,
 *     community id, channel, page, its end by the bot's clock</td><td>TTL {@link Dashboard#LINK_VALID}; taken (read and
 *     deleted) by one script</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:dashboard:asked}</td><td>string</td><td>how many links the member asked for
 *     in the current window</td><td>TTL the window, set by the first ask</td></tr>
 * <tr><td>{@code ck:dashboard:session:<digest>}</td><td>hash</td><td>a page session: platform, user id, community id,
 *     its change token, its start</td><td>TTL {@link Dashboard#IDLE}, renewed by each request</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:dashboard:sessions}</td><td>set</td><td>the digests of the member's
 *     sessions, for export and erasure</td><td>TTL {@link Dashboard#LONGEST} after the last sign-in</td></tr>
 * </table>
 * Only digests of the secrets are keys, so a copy of Redis opens no page.
 */
public final class RedisDashboardStores implements SignInLinks, WebSessions {

    private static final String PLATFORM = "platform";
    private static final String USER = "user";
    private static final String COMMUNITY = "community";
    private static final String CSRF = "csrf";
    private static final String STARTED = "started";
    private static final String CHANNEL = "channel";
    private static final String PLACE = "place";
    private static final String KIND = "kind";
    private static final String UNTIL = "until";

    /** Reads a link's fields and deletes it in one step, so of two openings only one finds it. */
    private static final RedisScript TAKE = new RedisScript("""
            local link = redis.call('HMGET', KEYS[1], 'platform', 'user', 'community', 'channel', 'place', 'kind', 'until')
            redis.call('DEL', KEYS[1])
            return link
            """);

    /** Counts an ask; the first of a window starts the window's expiry. */
    private static final RedisScript COUNT = new RedisScript("""
            local asked = redis.call('INCR', KEYS[1])
            if asked == 1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return asked
            """);

    /** Reads a session and renews its idle expiry in one step; nothing when it is gone. */
    private static final RedisScript TOUCH = new RedisScript("""
            local session = redis.call('HMGET', KEYS[1], 'platform', 'user', 'community', 'channel', 'place', 'kind', 'csrf', 'started')
            if not session[1] then
              return nil
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return session
            """);

    private final RedisConnection redis;

    public RedisDashboardStores(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** Both ports on this connection. */
    public DashboardStores stores() {
        return new DashboardStores(this, this);
    }

    static String link(String digest) {
        return RedisKeys.PREFIX + "dashboard:link:" + checked(digest);
    }

    static String session(String digest) {
        return RedisKeys.PREFIX + "dashboard:session:" + checked(digest);
    }

    static String asked(MemberRef member) {
        return RedisKeys.memberKey(member, "dashboard:asked");
    }

    static String sessionsOf(MemberRef member) {
        return RedisKeys.memberKey(member, "dashboard:sessions");
    }

    private static String checked(String digest) {
        if (!RedisIds.isToken(digest)) {
            throw new IllegalArgumentException("not a digest: it must be 1 to 64 URL-safe base64 characters");
        }
        return digest;
    }

    @Override
    public void put(String digest, SignIn signIn, Instant until, Duration ttl) {
        String key = link(digest);
        Map<String, String> fields = new HashMap<>(fields(signIn));
        fields.put(UNTIL, Long.toString(until.toEpochMilli()));
        redis.run(key, jedis -> RedisConnection.atomically(jedis, create -> {
            create.hset(key, fields);
            create.pexpire(key, ttl.toMillis());
        }));
    }

    @Override
    public Optional<SignIn> take(String digest, Instant now) {
        String key = link(digest);
        Object taken = redis.call(key, jedis -> TAKE.run(jedis, List.of(key), List.of()));
        if (!(taken instanceof List<?> fields) || fields.size() < 6 || !complete(fields.subList(0, 6))) {
            return Optional.empty();
        }
        // the bot's clock decides too (a link kept from before links carried their end has only the key's TTL)
        if (fields.size() > 6 && fields.get(6) instanceof String until && !now.isBefore(Instant.ofEpochMilli(Long.parseLong(until)))) {
            return Optional.empty();
        }
        return Optional.of(signIn(fields));
    }

    @Override
    public long countAsked(MemberRef member, Duration window) {
        String key = asked(member);
        Object asked = redis.call(key, jedis -> COUNT.run(jedis, List.of(key), List.of(Long.toString(window.toMillis()))));
        if (!(asked instanceof Long count)) {
            throw new IllegalStateException("the count script answered " + asked + " instead of a number");
        }
        return count;
    }

    @Override
    public void create(String digest, WebSession session, Duration idle) {
        String key = session(digest);
        SignIn who = session.signIn();
        Map<String, String> fields = new HashMap<>(fields(who));
        fields.put(CSRF, session.csrf());
        fields.put(STARTED, Long.toString(session.started().toEpochMilli()));
        String index = sessionsOf(who.member());
        redis.run(key, jedis -> RedisConnection.atomically(jedis, create -> {
            create.hset(key, fields);
            create.pexpire(key, idle.toMillis());
        }));
        // the index lives in the member's slot: a second step, harmless if it outlives its sessions
        redis.run(index, jedis -> RedisConnection.atomically(jedis, add -> {
            add.sadd(index, digest);
            add.pexpire(index, Dashboard.LONGEST.plus(idle).toMillis());
        }));
    }

    @Override
    public Optional<WebSession> touch(String digest, Duration idle) {
        String key = session(digest);
        Object found = redis.call(key, jedis -> TOUCH.run(jedis, List.of(key), List.of(Long.toString(idle.toMillis()))));
        if (!(found instanceof List<?> fields) || fields.size() < 8 || fields.get(0) == null) {
            return Optional.empty();
        }
        if (!complete(fields)) {
            // a session started before sessions named their channel and page: ended, its member signs in again
            end(digest);
            return Optional.empty();
        }
        return Optional.of(new WebSession(signIn(fields), (String) fields.get(6),
                Instant.ofEpochMilli(Long.parseLong((String) fields.get(7)))));
    }

    @Override
    public void end(String digest) {
        String key = session(digest);
        List<String> who = redis.call(key, jedis -> {
            List<String> fields = jedis.hmget(key, PLATFORM, USER, COMMUNITY);
            jedis.del(key);
            return fields;
        });
        if (who.get(0) != null) {
            String index = sessionsOf(new MemberRef(Platform.valueOf(who.get(0)), who.get(1), null));
            redis.run(index, jedis -> jedis.srem(index, digest));
        }
    }

    @Override
    public int openOf(MemberRef member) {
        String index = sessionsOf(member);
        int open = 0;
        // the index is in the member's slot, each session in its own: one call each (a member has a few at most)
        for (String digest : redis.call(index, jedis -> jedis.smembers(index))) {
            if (RedisIds.isToken(digest) && redis.call(session(digest), jedis -> jedis.exists(session(digest)))) {
                open++;
            } else {
                redis.run(index, jedis -> jedis.srem(index, digest));
            }
        }
        return open;
    }

    @Override
    public void endAllOf(MemberRef member) {
        String index = sessionsOf(member);
        Set<String> digests = redis.call(index, jedis -> jedis.smembers(index));
        for (String digest : digests) {
            if (RedisIds.isToken(digest)) {
                redis.run(session(digest), jedis -> jedis.del(session(digest)));
            }
        }
        redis.run(index, jedis -> jedis.del(index, asked(member)));
    }

    private static Map<String, String> fields(SignIn signIn) {
        return Map.of(PLATFORM, signIn.member().platform().name(), USER, signIn.member().userId(),
                COMMUNITY, signIn.community().communityId(), CHANNEL, signIn.channel().channelId(),
                PLACE, signIn.channel().kind().name(), KIND, signIn.kind().name());
    }

    private static boolean complete(List<?> fields) {
        return fields.stream().allMatch(f -> f instanceof String);
    }

    /** Reads platform, user, community, channel, place and kind, the first six fields of a link or a session. */
    private static SignIn signIn(List<?> fields) {
        Platform platform = Platform.valueOf((String) fields.get(0));
        return new SignIn(new MemberRef(platform, (String) fields.get(1), null), new CommunityRef(platform, (String) fields.get(2)),
                new ChannelRef(platform, (String) fields.get(3), ChannelRef.Kind.valueOf((String) fields.get(4))),
                SignIn.Kind.valueOf((String) fields.get(5)));
    }
}
