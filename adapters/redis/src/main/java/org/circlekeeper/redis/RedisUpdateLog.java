package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        return claimAll(List.of(claim)).get(0);
    }

    /**
     * The claims of several updates and what rides with them, in one pipeline. A key named twice is sent once: a second
     * claim of one update id in the batch is a repeat, and a member who wrote privately is reachable for every look-up
     * of the batch.
     */
    @Override
    public List<Claimed> claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        List<String> done = drain();
        Map<String, Write> writes = new LinkedHashMap<>();
        done.forEach(key -> writes.put(key, Write.DONE));
        Map<String, Duration> leases = new HashMap<>();
        List<String> claimKeys = new ArrayList<>();
        for (Claim claim : claims) {
            // an update this process handled and has not written yet is a repeat: its done marker goes out, no claim
            String claimKey = RedisKeys.update(platform, claim.updateId());
            claimKeys.add(claimKey);
            if (writes.putIfAbsent(claimKey, Write.CLAIM) == null) {
                leases.put(claimKey, claim.lease());
            }
        }
        for (Claim claim : claims) {
            claim.wrotePrivately().ifPresent(member -> writes.put(RedisKeys.memberUnreachable(member), Write.REACHABLE));
        }
        // the look-ups last: a mark this pipeline clears is known without a read
        for (Claim claim : claims) {
            claim.adminsOf().ifPresent(community -> writes.putIfAbsent(RedisKeys.communityAdmins(community), Write.READ_ADMINS));
            claim.reachabilityOf().ifPresent(member -> writes.putIfAbsent(RedisKeys.memberUnreachable(member), Write.READ_UNREACHABLE));
        }
        List<String> keys = new ArrayList<>(writes.keySet());
        List<Object> answers = send(keys, done, (pipeline, key) -> switch (writes.get(key)) {
            case DONE -> pipeline.set(key, DONE, SetParams.setParams().px(REMEMBERED.toMillis()));
            case CLAIM -> pipeline.set(key, PROCESSING, SetParams.setParams().nx().px(leases.get(key).toMillis()));
            case REACHABLE -> pipeline.del(key);
            case READ_ADMINS -> pipeline.get(key);
            case READ_UNREACHABLE -> pipeline.exists(key);
        });
        Map<String, Object> answerOf = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            answerOf.put(keys.get(i), answers.get(i));
        }
        List<Claimed> claimed = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            String claimKey = claimKeys.get(i);
            boolean first = writes.get(claimKey) == Write.CLAIM && "OK".equals(answerOf.get(claimKey)) && taken.add(claimKey);
            Optional<Set<String>> admins = claim.adminsOf()
                    .flatMap(community -> RedisAdminCache.parse((String) answerOf.get(RedisKeys.communityAdmins(community))));
            Optional<Boolean> unreachable = claim.reachabilityOf().map(member -> {
                String key = RedisKeys.memberUnreachable(member);
                return writes.get(key) == Write.READ_UNREACHABLE && Boolean.TRUE.equals(answerOf.get(key));
            });
            claimed.add(new Claimed(first, admins, unreachable));
        }
        return claimed;
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
