package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The {@link UpdateLog} of one platform on Redis: a claim is a {@code SET NX} with the lease as its expiry, and a
 * handled update's marker is kept for {@link UpdateLog#REMEMBERED}. The done markers wait in this process for the
 * next claim, which sends them, the claim and the clearing of a member's unreachable mark ({@link RedisReachability})
 * and the look-ups the claim asks for (a group's cached administrators, as {@link RedisAdminCache} keeps them, and a
 * member's unreachable mark) as one pipeline ({@link RedisConnection#perKey}: one round trip on one node, one per node
 * on a cluster).
 */
public final class RedisUpdateLog implements UpdateLog {

    private static final String PROCESSING = "processing";
    private static final String DONE = "done";

    private enum Write { DONE, CLAIM, REACHABLE, READ_ADMINS, READ_UNREACHABLE }

    private final RedisConnection redis;
    private final Platform platform;
    private final ConcurrentLinkedQueue<String> unwritten = new ConcurrentLinkedQueue<>();

    public RedisUpdateLog(RedisConnection redis, Platform platform) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Claimed claim(Claim claim) {
        String claimKey = RedisKeys.update(platform, claim.updateId());
        List<String> done = drain();
        // an update this process handled and has not written yet is a repeat: its done marker goes out, no claim
        boolean repeat = done.contains(claimKey);
        Map<String, Write> writes = new HashMap<>();
        List<String> keys = new ArrayList<>(done);
        done.forEach(key -> writes.put(key, Write.DONE));
        if (!repeat) {
            keys.add(claimKey);
            writes.put(claimKey, Write.CLAIM);
        }
        claim.wrotePrivately().ifPresent(member -> {
            keys.add(RedisKeys.memberUnreachable(member));
            writes.put(RedisKeys.memberUnreachable(member), Write.REACHABLE);
        });
        // the look-ups come last, each under a key of its own kind: a member who wrote privately is reachable now
        String adminsKey = claim.adminsOf().map(RedisKeys::communityAdmins).orElse(null);
        if (adminsKey != null) {
            keys.add(adminsKey);
            writes.put(adminsKey, Write.READ_ADMINS);
        }
        String unreachableKey = claim.reachabilityOf().filter(member -> !claim.wrotePrivately().equals(Optional.of(member)))
                .map(RedisKeys::memberUnreachable).orElse(null);
        if (unreachableKey != null) {
            keys.add(unreachableKey);
            writes.put(unreachableKey, Write.READ_UNREACHABLE);
        }
        Duration lease = claim.lease();
        List<Object> answers = send(keys, done, (pipeline, key) -> switch (writes.get(key)) {
            case DONE -> pipeline.set(key, DONE, SetParams.setParams().px(REMEMBERED.toMillis()));
            case CLAIM -> pipeline.set(key, PROCESSING, SetParams.setParams().nx().px(lease.toMillis()));
            case REACHABLE -> pipeline.del(key);
            case READ_ADMINS -> pipeline.get(key);
            case READ_UNREACHABLE -> pipeline.exists(key);
        });
        Optional<Set<String>> admins = adminsKey == null ? Optional.empty()
                : RedisAdminCache.parse((String) answers.get(keys.indexOf(adminsKey)));
        Optional<Boolean> unreachable = claim.reachabilityOf().isEmpty() ? Optional.empty()
                : Optional.of(unreachableKey != null && Boolean.TRUE.equals(answers.get(keys.indexOf(unreachableKey))));
        return new Claimed(!repeat && "OK".equals(answers.get(done.size())), admins, unreachable);
    }

    @Override
    public void done(String updateId) {
        unwritten.add(RedisKeys.update(platform, updateId));
    }

    @Override
    public void flush() {
        List<String> done = drain();
        send(done, done, (pipeline, key) -> pipeline.set(key, DONE, SetParams.setParams().px(REMEMBERED.toMillis())));
    }

    /** The done markers waiting to be written, taken out of the queue. */
    private List<String> drain() {
        List<String> keys = new ArrayList<>();
        for (String key = unwritten.poll(); key != null; key = unwritten.poll()) {
            keys.add(key);
        }
        return keys;
    }

    /** One pipeline of {@code keys}; when it fails, the done markers it carried wait for the next one. */
    @SuppressWarnings("unchecked")
    private List<Object> send(List<String> keys, List<String> done, BiFunction<AbstractPipeline, String, Response<?>> command) {
        try {
            return redis.perKey(keys, (pipeline, key) -> (Response<Object>) command.apply(pipeline, key));
        } catch (RuntimeException e) {
            unwritten.addAll(done);
            throw e;
        }
    }
}
