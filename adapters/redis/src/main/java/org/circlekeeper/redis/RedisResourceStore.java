package org.circlekeeper.redis;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.resource.CommunityCatalog;
import org.circlekeeper.core.resource.OutdatedReport;
import org.circlekeeper.core.resource.Resource;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.resource.SafetySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;

/**
 * The resource feature's community data in Redis: entries (a hash bounded to {@link #MAX_ENTRIES} inside
 * Redis), hidden shipped ids and their version counter, moved together by one script per change;
 * outdated-number reports without member ids; safety settings; and members' safety cooldowns, kept by
 * {@link RedisSafetyCooldowns}.
 */
public final class RedisResourceStore implements ResourceStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisResourceStore.class);

    /** The longest stored form of one entry: several times what the feature's own limits allow. */
    public static final int MAX_ENTRY_CHARS = 16_384;

    static final String DETECTION = "detection";
    static final String ALERTS = "alerts";
    static final String CHANNEL_PLATFORM = "channelPlatform";
    static final String CHANNEL_KIND = "channelKind";
    static final String CHANNEL_ID = "channelId";

    /** Sets an entry when it exists already or the hash has room, and moves the version: 1, or 0 when full. */
    private static final RedisScript SAVE = new RedisScript("""
            if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('INCR', KEYS[2])
            return 1
            """);

    /** Removes an entry and, only if there was one, moves the version. */
    private static final RedisScript REMOVE = new RedisScript("""
            if redis.call('HDEL', KEYS[1], ARGV[1]) == 1 then
              redis.call('INCR', KEYS[2])
              return 1
            end
            return 0
            """);

    /** Adds a hidden id and, only if it was not hidden yet, moves the version. */
    private static final RedisScript HIDE = new RedisScript("""
            if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
              redis.call('INCR', KEYS[2])
              return 1
            end
            return 0
            """);

    /** Removes a hidden id and, only if it was hidden, moves the version. */
    private static final RedisScript UNHIDE = new RedisScript("""
            if redis.call('SREM', KEYS[1], ARGV[1]) == 1 then
              redis.call('INCR', KEYS[2])
              return 1
            end
            return 0
            """);

    /**
     * Counts a report: the value is {@code <count> <first second> <first nano> <last second> <last nano>}, the
     * count and last time replaced. A value it cannot read is replaced by a first report.
     */
    private static final RedisScript RECORD_OUTDATED = new RedisScript("""
            local old = redis.call('HGET', KEYS[1], ARGV[1])
            if old then
              local count, first = string.match(old, '^(%d+) (%-?%d+ %d+) %-?%d+ %d+$')
              if count then
                redis.call('HSET', KEYS[1], ARGV[1], tostring(tonumber(count) + 1) .. ' ' .. first .. ' ' .. ARGV[2])
                return 1
              end
              redis.log(redis.LOG_WARNING, 'circlekeeper resources: an unreadable outdated report was started again')
            end
            redis.call('HSET', KEYS[1], ARGV[1], '1 ' .. ARGV[2] .. ' ' .. ARGV[2])
            return 1
            """);

    private final RedisConnection redis;
    private final RedisSafetyCooldowns cooldowns;

    public RedisResourceStore(RedisConnection redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.cooldowns = new RedisSafetyCooldowns(redis);
    }

    @Override
    public long version(CommunityRef community) {
        return storedVersion(redis.call(RedisKeys.resourceVersion(community),
                jedis -> jedis.get(RedisKeys.resourceVersion(community))));
    }

    /** Reads the entries, hidden ids and version in one {@code MULTI}, so they belong together; unreadable entries are skipped. */
    @Override
    public CommunityCatalog catalog(CommunityRef community) {
        String versionKey = RedisKeys.resourceVersion(community);
        String entriesKey = RedisKeys.resourceEntries(community);
        String hiddenKey = RedisKeys.resourceHidden(community);
        return redis.call(versionKey, jedis -> {
            Response<String> version;
            Response<Map<String, String>> stored;
            Response<Set<String>> hidden;
            try (Transaction read = jedis.multi()) {
                version = read.get(versionKey);
                stored = read.hgetAll(entriesKey);
                hidden = read.smembers(hiddenKey);
                read.exec();
            }
            return new CommunityCatalog(storedVersion(version.get()), entries(community, stored.get()), hidden.get());
        });
    }

    private static List<Resource> entries(CommunityRef community, Map<String, String> stored) {
        List<Resource> entries = new ArrayList<>(stored.size());
        for (Map.Entry<String, String> field : new TreeMap<>(stored).entrySet()) {
            try {
                Resource entry = ResourceJson.read(field.getValue());
                if (!entry.id().equals(field.getKey())) {
                    throw new Unreadable("stored under another id");
                }
                entries.add(entry);
            } catch (Unreadable e) {
                LOG.warn("a stored resource entry {} on {} cannot be read ({}) and is skipped", field.getKey(),
                        community.platform().id(), e.getMessage());
            }
        }
        return entries;
    }

    /**
     * Adds or replaces the entry and moves the version, in one script.
     *
     * @throws IllegalStateException    when the community keeps {@link #MAX_ENTRIES} entries already and this is a new one
     * @throws IllegalArgumentException when the entry's stored form would be longer than {@link #MAX_ENTRY_CHARS}
     */
    @Override
    public void save(CommunityRef community, Resource entry) {
        Objects.requireNonNull(entry, "entry");
        String json = ResourceJson.write(entry);
        if (json.length() > MAX_ENTRY_CHARS) {
            throw new IllegalArgumentException("a resource entry is stored in at most " + MAX_ENTRY_CHARS + " characters");
        }
        Object saved = redis.call(RedisKeys.resourceEntries(community), jedis -> SAVE.run(jedis,
                List.of(RedisKeys.resourceEntries(community), RedisKeys.resourceVersion(community)),
                List.of(entry.id(), json, Integer.toString(MAX_ENTRIES))));
        if (!changed(saved)) {
            throw new IllegalStateException("a community keeps at most " + MAX_ENTRIES + " entries");
        }
    }

    @Override
    public boolean remove(CommunityRef community, String id) {
        if (id == null) {
            return false;
        }
        return changed(redis.call(RedisKeys.resourceEntries(community), jedis -> REMOVE.run(jedis,
                List.of(RedisKeys.resourceEntries(community), RedisKeys.resourceVersion(community)), List.of(id))));
    }

    /**
     * Hides the shipped entry and moves the version, in one script.
     *
     * @throws IllegalArgumentException when the id cannot be a resource's ({@link Resource#ID})
     */
    @Override
    public boolean hide(CommunityRef community, String shippedId) {
        if (shippedId == null || !Resource.ID.matcher(shippedId).matches()) {
            throw new IllegalArgumentException("only a resource id can be hidden");
        }
        return changed(redis.call(RedisKeys.resourceHidden(community), jedis -> HIDE.run(jedis,
                List.of(RedisKeys.resourceHidden(community), RedisKeys.resourceVersion(community)), List.of(shippedId))));
    }

    @Override
    public boolean unhide(CommunityRef community, String shippedId) {
        if (shippedId == null) {
            return false;
        }
        return changed(redis.call(RedisKeys.resourceHidden(community), jedis -> UNHIDE.run(jedis,
                List.of(RedisKeys.resourceHidden(community), RedisKeys.resourceVersion(community)), List.of(shippedId))));
    }

    @Override
    public void recordOutdated(CommunityRef community, String lineId, Instant at) {
        if (lineId == null || lineId.isBlank()) {
            throw new IllegalArgumentException("a report needs a crisis line id");
        }
        Objects.requireNonNull(at, "at");
        redis.run(RedisKeys.resourceReports(community),
                jedis -> RECORD_OUTDATED.run(jedis, List.of(RedisKeys.resourceReports(community)),
                List.of(lineId, at.getEpochSecond() + " " + at.getNano())));
    }

    /** Every readable report, most recently reported first (then by line id); unreadable ones are skipped. */
    @Override
    public List<OutdatedReport> outdatedReports(CommunityRef community) {
        Map<String, String> stored = redis.call(RedisKeys.resourceReports(community),
                jedis -> jedis.hgetAll(RedisKeys.resourceReports(community)));
        List<OutdatedReport> reports = new ArrayList<>(stored.size());
        stored.forEach((lineId, value) -> {
            OutdatedReport report = report(lineId, value);
            if (report == null) {
                LOG.warn("a stored outdated report for line {} on {} cannot be read and is skipped", lineId,
                        community.platform().id());
            } else {
                reports.add(report);
            }
        });
        reports.sort(Comparator.comparing(OutdatedReport::lastReported).reversed().thenComparing(OutdatedReport::lineId));
        return reports;
    }

    private static OutdatedReport report(String lineId, String value) {
        String[] parts = value.split(" ", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            int count = Integer.parseInt(parts[0]);
            Instant first = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            Instant last = Instant.ofEpochSecond(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
            return count < 1 ? null : new OutdatedReport(lineId, count, first, last);
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    @Override
    public void clearOutdatedReports(CommunityRef community) {
        redis.run(RedisKeys.resourceReports(community), jedis -> jedis.del(RedisKeys.resourceReports(community)));
    }

    @Override
    public SafetySettings safety(CommunityRef community) {
        Map<String, String> hash = redis.call(RedisKeys.safety(community), jedis -> jedis.hgetAll(RedisKeys.safety(community)));
        if (hash.isEmpty()) {
            return SafetySettings.OFF;
        }
        boolean detection = Boolean.parseBoolean(hash.get(DETECTION));
        if (!Boolean.parseBoolean(hash.get(ALERTS))) {
            return new SafetySettings(detection, false, null);
        }
        ChannelRef channel = channel(hash);
        if (channel == null) {
            // alerts nowhere would throw; telling no one is the outcome an organiser can see and fix
            LOG.warn("the stored safety alert channel on {} cannot be read; alerts are treated as off",
                    community.platform().id());
            return new SafetySettings(detection, false, null);
        }
        return new SafetySettings(detection, true, channel);
    }

    static ChannelRef channel(Map<String, String> hash) {
        String platform = hash.get(CHANNEL_PLATFORM);
        String kind = hash.get(CHANNEL_KIND);
        String id = hash.get(CHANNEL_ID);
        if (platform == null || kind == null || id == null || id.isBlank()) {
            return null;
        }
        for (Platform candidate : Platform.values()) {
            if (candidate.id().equals(platform)) {
                try {
                    return new ChannelRef(candidate, id, ChannelRef.Kind.valueOf(kind.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Replaces the community's settings in one {@code MULTI}; {@link SafetySettings#OFF} removes the hash. */
    @Override
    public void saveSafety(CommunityRef community, SafetySettings settings) {
        Objects.requireNonNull(settings, "settings");
        String key = RedisKeys.safety(community);
        if (settings.equals(SafetySettings.OFF)) {
            redis.run(key, jedis -> jedis.del(key));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(DETECTION, Boolean.toString(settings.detection()));
        fields.put(ALERTS, Boolean.toString(settings.alerts()));
        if (settings.alerts()) {
            ChannelRef channel = settings.alertChannel();
            fields.put(CHANNEL_PLATFORM, channel.platform().id());
            fields.put(CHANNEL_KIND, channel.kind().name().toLowerCase(Locale.ROOT));
            fields.put(CHANNEL_ID, channel.channelId());
        }
        redis.run(key, jedis -> {
            try (Transaction replace = jedis.multi()) {
                replace.del(key);
                replace.hset(key, fields);
                replace.exec();
            }
        });
    }

    @Override
    public boolean startCooldown(CommunityRef community, MemberRef member, Instant now, Duration length) {
        return cooldowns.start(community, member, now, length);
    }

    @Override
    public Map<String, Instant> cooldowns(MemberRef member, Instant now) {
        return cooldowns.running(member, now);
    }

    @Override
    public void clearCooldowns(MemberRef member) {
        cooldowns.clear(member);
    }

    private static long storedVersion(String stored) {
        return stored == null ? 0 : Long.parseLong(stored);
    }

    private static boolean changed(Object scriptResult) {
        if (!(scriptResult instanceof Long code)) {
            throw new IllegalStateException("a resource script answered " + scriptResult + " instead of a number");
        }
        return code == 1;
    }
}
