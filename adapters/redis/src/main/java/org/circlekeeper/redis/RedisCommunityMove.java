package org.circlekeeper.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.share.ShareRoom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * A community's move to its new id ({@link org.circlekeeper.core.community.DepartureStore#moveCommunity}) on Redis.
 * Its two keys, in the old community's hash tag and never moved themselves:
 * <ul>
 * <li>{@code ck:c:{platform:oldId}:moved} (string): the new community's {@link RedisKeys#communityId}, written in the
 *     move's own transaction; once it is there every later request is a no-op. Kept for good (one short string).</li>
 * <li>{@code ck:c:{platform:oldId}:moving} (string, TTL {@link #LOCK}): the replica moving it now; another request
 *     waits for the marker meanwhile, and takes over when the lock runs out (its holder died).</li>
 * </ul>
 *
 * <p>On a Redis Cluster the move is refused ({@link #CLUSTER_REFUSAL}): the old and new ids' keys are in different
 * slots. Elsewhere the move is one {@code MULTI}/{@code EXEC} under {@code WATCH} of every key it read: every key with the old
 * community's hash tag is renamed into the new one's (where the new community has the same key already, hashes, sets
 * and sorted sets are merged entry by entry, the moved entry winning, and strings and lists are replaced by the moved
 * ones), members' index entries that name the old community (answers, reminder choices, share rooms) and the
 * calendar-feed token's index are rewritten, members' check-in records of the community follow it
 * ({@link CheckinMemberMove}), stored places whose channel changed id with it are rewritten ({@link ChannelRewrite}), and each due job the core re-keys ({@link JobMove}) is replaced under its
 * new id at its old due score (at its new due, when the core moved it). It runs only while none of those jobs is claimed: a reminder being sent is waited for,
 * so it goes out once, under its old id before the move or its new id after it. When anything watched changed before
 * {@code EXEC} (a claim, a write in the community), nothing was done and the move is read and tried again.
 */
final class RedisCommunityMove {

    private static final Logger LOG = LoggerFactory.getLogger(RedisCommunityMove.class);
    /** How long one replica may hold a move before another takes it over. */
    static final Duration LOCK = Duration.ofSeconds(30);
    /** How long a request waits for a move in progress, or for a job of the community being run, before it gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final long PAUSE_MILLIS = 50;
    private static final int PAGE = 500;
    /** Why a move is refused on a Redis Cluster (README, deploy/README.md "Redis Cluster"). */
    static final String CLUSTER_REFUSAL = "a community whose id changed (a Telegram group upgraded to a supergroup) cannot be"
            + " moved on a Redis Cluster: its old and new keys are in different hash slots, which one transaction cannot span;"
            + " its data stays under the old id and the new one starts empty (run a single Redis or Sentinel to move groups)";

    private final RedisConnection redis;

    RedisCommunityMove(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    /** The marker key of a community that moved. */
    static String movedMarker(CommunityRef from) {
        return RedisKeys.communityKey(from, "moved");
    }

    private static String lockKey(CommunityRef from) {
        return RedisKeys.communityKey(from, "moving");
    }

    /** Where {@code from} moved, if it did. */
    Optional<CommunityRef> movedTo(CommunityRef from) {
        return Optional.ofNullable(redis.call(jedis -> jedis.get(movedMarker(from)))).map(RedisIds::parseCommunityId);
    }

    boolean move(CommunityRef from, CommunityRef to, JobMove jobs, Map<ChannelRef, ChannelRef> channels) {
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(channels, "channels");
        if (RedisConnection.Topology.CLUSTER.equals(redis.topology().shape())) {
            throw new UnsupportedOperationException(CLUSTER_REFUSAL);
        }
        String token = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            if (movedTo(from).isPresent()) {
                return false;
            }
            boolean mine = "OK".equals(redis.call(jedis -> jedis.set(lockKey(from), token,
                    SetParams.setParams().nx().px(LOCK.toMillis()))));
            if (mine) {
                try {
                    return moveHolding(from, to, jobs, channels, token, giveUp);
                } finally {
                    redis.run(jedis -> {
                        if (token.equals(jedis.get(lockKey(from)))) {
                            jedis.del(lockKey(from));
                        }
                    });
                }
            }
            pause(giveUp, "another replica's move of the community");
        }
    }

    private boolean moveHolding(CommunityRef from, CommunityRef to, JobMove jobs, Map<ChannelRef, ChannelRef> channels, String token,
                                long giveUp) {
        while (true) {
            Attempt attempt = redis.call(jedis -> attempt(jedis, from, to, jobs, channels));
            switch (attempt) {
                case DONE:
                    return true;
                case MOVED_ALREADY:
                    return false;
                case JOB_RUNNING:
                    pause(giveUp, "a job of the community being run");
                    break;
                case CHANGED:
                    break;
                default:
                    throw new IllegalStateException("unknown attempt " + attempt);
            }
            // still ours: renew the lock while we wait or try again
            redis.run(jedis -> {
                if (token.equals(jedis.get(lockKey(from)))) {
                    jedis.pexpire(lockKey(from), LOCK.toMillis());
                }
            });
        }
    }

    private enum Attempt { DONE, MOVED_ALREADY, JOB_RUNNING, CHANGED }

    /** One read-and-write under {@code WATCH}. */
    private Attempt attempt(Jedis jedis, CommunityRef from, CommunityRef to, JobMove move, Map<ChannelRef, ChannelRef> channels) {
        String fromId = RedisIds.communityId(from);
        String toId = RedisIds.communityId(to);
        String marker = movedMarker(from);
        jedis.watch(marker, RedisKeys.jobsData(), RedisKeys.jobsLeased(), RedisKeys.jobsDue());
        if (jedis.exists(marker)) {
            jedis.unwatch();
            return Attempt.MOVED_ALREADY;
        }
        // the due jobs the features re-key; none of them may be running
        Map<String, Job> rekeyed = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        scanHash(jedis, RedisKeys.jobsData(), (id, value) -> {
            Optional<Job> moved;
            try {
                moved = move.moved(RedisJobQueue.job(id, value), from, to);
            } catch (RuntimeException e) {
                // a job no feature can read stays as it is, for its own handler to bury; the move goes on
                LOG.warn("a due job could not be read for a community's move and stays as it is: {}", e.getClass().getName());
                return;
            }
            moved.ifPresent(job -> {
                rekeyed.put(id, job);
                values.put(id, value);
            });
        });
        for (String id : rekeyed.keySet()) {
            if (jedis.zscore(RedisKeys.jobsLeased(), id) != null) {
                jedis.unwatch();
                return Attempt.JOB_RUNNING;
            }
        }
        Map<String, Double> dueScores = new HashMap<>();
        for (String id : rekeyed.keySet()) {
            dueScores.put(id, jedis.zscore(RedisKeys.jobsDue(), id));
        }
        // the community's keys, and what the new id holds already
        String fromPrefix = RedisKeys.communityKey(from, "x");
        fromPrefix = fromPrefix.substring(0, fromPrefix.length() - 1);
        String toPrefix = RedisKeys.communityKey(to, "x");
        toPrefix = toPrefix.substring(0, toPrefix.length() - 1);
        List<String> keys = new ArrayList<>();
        Set<String> ownKeys = Set.of(marker, lockKey(from));
        RedisDepartureStore.scan(jedis, RedisKeys.communityKeys(from), key -> {
            if (!ownKeys.contains(key)) {
                keys.add(key);
            }
        });
        Map<String, String> target = new HashMap<>();
        for (String key : keys) {
            target.put(key, toPrefix + key.substring(fromPrefix.length()));
        }
        // a channel's chair rotation is keyed by the channel: it follows the channel to its new id
        channels.forEach((old, now) -> target.computeIfPresent(RedisKeys.shareRotation(from, old),
                (key, into) -> RedisKeys.shareRotation(to, now)));
        Set<String> watched = new LinkedHashSet<>(keys);
        watched.addAll(target.values());
        // members' index entries that name the community
        Map<MemberRef, Map<String, Double>> rsvpEntries = new HashMap<>();
        Set<MemberRef> chose = new LinkedHashSet<>();
        for (String key : keys) {
            if (key.startsWith(RedisKeys.rsvpsPrefix(from))) {
                for (String member : jedis.hkeys(key)) {
                    RedisDepartureStore.memberOf(member).ifPresent(m -> rsvpEntries.computeIfAbsent(m, x -> new HashMap<>()));
                }
            }
        }
        for (MemberRef member : rsvpEntries.keySet()) {
            String index = RedisKeys.memberRsvps(member);
            watched.add(index);
            for (Tuple entry : jedis.zrangeWithScores(index, 0, -1)) {
                if (entry.getElement().startsWith(fromId + "/")) {
                    rsvpEntries.get(member).put(entry.getElement(), entry.getScore());
                }
            }
        }
        for (String member : jedis.hkeys(RedisKeys.reminderChoices(from))) {
            RedisDepartureStore.memberOf(member).ifPresent(m -> {
                chose.add(m);
                watched.add(RedisKeys.memberReminderChoices(m));
            });
        }
        Map<String, List<String>> rooms = new HashMap<>();
        RedisDepartureStore.scan(jedis, RedisKeys.PREFIX + "m:*:share:rooms", key -> {
            List<String> here = jedis.smembers(key).stream()
                    .filter(t -> ShareRoom.parse(t).map(room -> room.community().equals(from)).orElse(false)).toList();
            if (!here.isEmpty()) {
                rooms.put(key, here);
                watched.add(key);
            }
        });
        CheckinMemberMove checkins = CheckinMemberMove.find(jedis, from, to);
        watched.addAll(checkins.watched());
        String fromToken = jedis.get(RedisKeys.feedToken(from));
        String toToken = jedis.get(RedisKeys.feedToken(to));
        if (!watched.isEmpty()) {
            jedis.watch(watched.toArray(String[]::new));
        }
        Map<String, String> types = new HashMap<>();
        for (String key : keys) {
            types.put(key, jedis.type(key));
        }
        // a key that expired since the scan has nothing to move
        keys.removeIf(key -> "none".equals(types.get(key)));
        Map<String, Boolean> taken = new HashMap<>();
        for (String key : keys) {
            taken.put(key, jedis.exists(target.get(key)));
        }
        Map<String, Map<String, String>> hashes = new HashMap<>();
        Map<String, Set<String>> sets = new HashMap<>();
        Map<String, List<Tuple>> sorted = new HashMap<>();
        for (String key : keys) {
            if (!taken.get(key)) {
                continue;
            }
            switch (types.get(key)) {
                case "hash" -> hashes.put(key, jedis.hgetAll(key));
                case "set" -> sets.put(key, jedis.smembers(key));
                case "zset" -> sorted.put(key, jedis.zrangeWithScores(key, 0, -1));
                default -> {
                    // strings and lists: the moved one replaces the new id's (RENAME)
                }
            }
        }
        // the resource catalogue's version counter must move past both groups' versions, so no cached copy of either
        // catalogue is taken for the merged one
        String version = RedisKeys.resourceVersion(from);
        long mergedVersion = taken.getOrDefault(version, false)
                ? Math.max(number(jedis.get(version)), number(jedis.get(target.get(version)))) + 1 : -1;
        checkins.read(jedis, rekeyed, channels);
        ChannelRewrite places = ChannelRewrite.read(jedis, from, to, channels);
        Map<String, Boolean> newIdTaken = new HashMap<>();
        for (Job job : rekeyed.values()) {
            newIdTaken.put(job.id(), jedis.hexists(RedisKeys.jobsData(), job.id()));
        }
        List<Object> done = RedisConnection.atomically(jedis, tx -> {
            for (String key : keys) {
                String into = target.get(key);
                if (hashes.containsKey(key)) {
                    if (!hashes.get(key).isEmpty()) {
                        tx.hset(into, hashes.get(key));
                    }
                    tx.del(key);
                } else if (sets.containsKey(key)) {
                    if (!sets.get(key).isEmpty()) {
                        tx.sadd(into, sets.get(key).toArray(String[]::new));
                    }
                    tx.del(key);
                } else if (sorted.containsKey(key)) {
                    Map<String, Double> scores = new HashMap<>();
                    sorted.get(key).forEach(t -> scores.put(t.getElement(), t.getScore()));
                    if (!scores.isEmpty()) {
                        tx.zadd(into, scores);
                    }
                    tx.del(key);
                } else if (key.equals(version) && mergedVersion >= 0) {
                    tx.set(into, Long.toString(mergedVersion));
                    tx.del(key);
                } else {
                    tx.rename(key, into);
                }
                tx.publish(SettingsCache.CHANNEL, key);
                tx.publish(SettingsCache.CHANNEL, into);
            }
            places.write(tx);
            rsvpEntries.forEach((member, entries) -> entries.forEach((entry, score) -> {
                tx.zrem(RedisKeys.memberRsvps(member), entry);
                tx.zadd(RedisKeys.memberRsvps(member), score, toId + entry.substring(fromId.length()));
            }));
            for (MemberRef member : chose) {
                tx.srem(RedisKeys.memberReminderChoices(member), fromId);
                tx.sadd(RedisKeys.memberReminderChoices(member), toId);
            }
            rooms.forEach((key, tokens) -> {
                tx.srem(key, tokens.toArray(String[]::new));
                tx.sadd(key, tokens.stream().map(t -> new ShareRoom(to, ShareRoom.parse(t).orElseThrow().channel()).token())
                        .toArray(String[]::new));
            });
            if (fromToken != null && RedisIds.isToken(fromToken)) {
                tx.set(RedisKeys.feed(fromToken), toId);
                if (toToken != null && RedisIds.isToken(toToken) && !toToken.equals(fromToken)) {
                    tx.del(RedisKeys.feed(toToken));
                }
            }
            checkins.write(tx);
            JobRekey.write(tx, rekeyed, values, dueScores, newIdTaken);
            tx.set(marker, toId);
        });
        if (done == null) {
            return Attempt.CHANGED;
        }
        keys.forEach(key -> {
            redis.cache().dropped(key);
            redis.cache().dropped(target.get(key));
        });
        LOG.info("a {} community moved to its new id: {} key(s), {} member check-in record(s), {} place(s), {} due job(s)",
                from.platform().id(), keys.size(), checkins.size(), places.size(), rekeyed.size());
        return Attempt.DONE;
    }

    private static long number(String stored) {
        try {
            return stored == null ? 0 : Long.parseLong(stored);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void pause(long giveUp, String what) {
        if (System.nanoTime() - giveUp > 0) {
            throw new StoreUnavailable("a community's move waited too long for " + what, null);
        }
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while a community's move waited for " + what, e);
        }
    }

    private static void scanHash(Jedis jedis, String key, BiConsumer<String, String> each) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<Map.Entry<String, String>> page = jedis.hscan(key, cursor, new ScanParams().count(PAGE));
            page.getResult().forEach(e -> each.accept(e.getKey(), e.getValue()));
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
}
