package org.circlekeeper.redis;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.checkin.Buddy;
import org.circlekeeper.core.checkin.Checkin;
import org.circlekeeper.core.checkin.CheckinKeys;
import org.circlekeeper.core.checkin.CheckinProfile;
import org.circlekeeper.core.checkin.CheckinSettings;
import org.circlekeeper.core.checkin.CheckinStore;
import org.circlekeeper.core.checkin.DayMood;
import org.circlekeeper.core.checkin.JourneyMark;
import org.circlekeeper.core.checkin.JourneyStage;
import org.circlekeeper.core.checkin.Mood;
import org.circlekeeper.core.checkin.PendingShare;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Check-ins in Redis (6.2 commands only). A member's keys in one community share the member's hash
 * tag and are bounded: check-ins and journey marks are sorted sets scored by day (at most one entry a
 * day), each entry carrying its own expiry; every write drops expired entries and sets the key's TTL
 * to its last entry's expiry, so a member's history vanishes by itself after the retention period.
 * The profile hash, a waiting line and the alert cooldown expire too. A per-member set of communities
 * (whose TTL is stretched to the longest key it names, and which is written before them) and a
 * per-member buddy-of set make export and erasure possible without a scan. On the community side:
 * the prompt settings, the set of members who want prompts, and the members who checked in lately
 * (for the pulse), both cleaned as they are read. Notes arrive sealed; this class never sees plain text.
 */
public final class RedisCheckinStore implements CheckinStore {

    /**
     * How many days back the lately-active set remembers a member, covering what the pulse reads: the last closed
     * week and the week before it start at most 21 days back (on a Monday, before the last week closed everywhere),
     * with a day either side for the zones of the group, the member and UTC.
     */
    static final int ACTIVE_DAYS = 24;
    private static final Logger LOG = LoggerFactory.getLogger(RedisCheckinStore.class);

    /**
     * Replaces the entry of day ARGV[1] in KEYS[1] with ARGV[2] (expiring at ARGV[3], epoch ms), drops every
     * expired or unreadable entry (now: ARGV[4]), sets the key's TTL to its last entry's expiry, and adds
     * community ARGV[5] to the member's index KEYS[2], stretching its TTL to at least as long.
     */
    private static final RedisScript PUT_DAY = new RedisScript("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            local now = tonumber(ARGV[4])
            local last = 0
            for _, entry in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local ok, value = pcall(cjson.decode, entry)
              local exp = ok and type(value) == 'table' and tonumber(value['exp']) or nil
              if exp == nil or exp <= now then
                redis.call('ZREM', KEYS[1], entry)
              elseif exp > last then
                last = exp
              end
            end
            if last <= now then
              redis.call('DEL', KEYS[1])
              return 0
            end
            redis.call('PEXPIRE', KEYS[1], last - now)
            redis.call('SADD', KEYS[2], ARGV[5])
            if redis.call('PTTL', KEYS[2]) < last - now then
              redis.call('PEXPIRE', KEYS[2], last - now)
            end
            return 1
            """);

    /** Adds community ARGV[1] to the member's index KEYS[1] and makes the index live at least ARGV[2] ms. */
    private static final RedisScript INDEX = new RedisScript("""
            redis.call('SADD', KEYS[1], ARGV[1])
            if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[2]) then
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 1
            """);

    private static final String PROMPTS = "prompts";
    private static final String TIME = "time";
    private static final String AWAY = "away";
    private static final String BUDDY = "buddy";
    private static final String SINCE = "since";
    private static final String PLANNED = "planned";

    private final RedisConnection redis;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param clock decides what has expired: the bot's clock (virtual in the console and tests), never Redis TIME */
    public RedisCheckinStore(RedisConnection redis, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- check-ins ----

    @Override
    public void put(CommunityRef community, MemberRef member, Checkin checkin, Instant expires) {
        ObjectNode entry = json.createObjectNode();
        entry.put("day", checkin.day().toString());
        entry.put("mood", checkin.mood().level());
        if (checkin.hasNote()) {
            entry.put("note", checkin.note());
        }
        entry.put("at", checkin.at().toString());
        entry.put("exp", expires.toEpochMilli());
        boolean kept = putDay(RedisKeys.checkins(member, community), member, community, checkin.day(), entry);
        if (kept) {
            String active = RedisKeys.checkinActive(community);
            long day = checkin.day().toEpochDay();
            long cutoff = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay() - ACTIVE_DAYS;
            redis.run(jedis -> {
                Pipeline pipe = jedis.pipelined();
                pipe.zadd(active, day, member.key(), ZAddParams.zAddParams().gt());
                pipe.zremrangeByScore(active, Double.NEGATIVE_INFINITY, cutoff);
                pipe.pexpire(active, Duration.ofDays(ACTIVE_DAYS + 1L).toMillis());
                pipe.sync();
            });
        }
    }

    @Override
    public Optional<Checkin> find(CommunityRef community, MemberRef member, LocalDate day) {
        return between(community, member, day, day).stream().findFirst();
    }

    @Override
    public List<Checkin> between(CommunityRef community, MemberRef member, LocalDate from, LocalDate to) {
        List<Checkin> out = new ArrayList<>();
        for (JsonNode entry : entries(RedisKeys.checkins(member, community), from, to)) {
            checkin(entry).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public boolean remove(CommunityRef community, MemberRef member, LocalDate day) {
        long removed = redis.call(jedis -> jedis.zremrangeByScore(RedisKeys.checkins(member, community), day.toEpochDay(),
                day.toEpochDay()));
        return removed > 0;
    }

    // ---- journey ----

    @Override
    public void mark(CommunityRef community, MemberRef member, JourneyMark mark, Instant expires) {
        ObjectNode entry = json.createObjectNode();
        entry.put("day", mark.day().toString());
        entry.put("stage", mark.stage().id());
        entry.put("exp", expires.toEpochMilli());
        putDay(RedisKeys.checkinJourney(member, community), member, community, mark.day(), entry);
    }

    @Override
    public List<JourneyMark> journey(CommunityRef community, MemberRef member) {
        List<JourneyMark> out = new ArrayList<>();
        for (JsonNode entry : entries(RedisKeys.checkinJourney(member, community), LocalDate.EPOCH, LocalDate.of(9999, 12, 31))) {
            Optional<JourneyStage> stage = JourneyStage.fromId(entry.path("stage").asString(""));
            Optional<LocalDate> day = day(entry);
            if (stage.isPresent() && day.isPresent()) {
                out.add(new JourneyMark(day.get(), stage.get()));
            }
        }
        return out;
    }

    @Override
    public void clearJourney(CommunityRef community, MemberRef member) {
        redis.run(jedis -> jedis.del(RedisKeys.checkinJourney(member, community)));
    }

    // ---- profile ----

    @Override
    public CheckinProfile profile(CommunityRef community, MemberRef member) {
        Map<String, String> hash = redis.call(jedis -> jedis.hgetAll(RedisKeys.checkinProfile(member, community)));
        return hash.isEmpty() ? CheckinProfile.NONE : profile(hash);
    }

    @Override
    public void saveProfile(CommunityRef community, MemberRef member, CheckinProfile profile, Instant expires) {
        String key = RedisKeys.checkinProfile(member, community);
        long remaining = expires.toEpochMilli() - clock.millis();
        String oldBuddy = redis.call(jedis -> jedis.hget(key, BUDDY));
        String newBuddy = profile.buddySetting().map(Buddy::storageId).orElse(null);
        boolean keep = !profile.isEmpty() && remaining > 0;
        if (keep) {
            index(member, community, remaining);
            Map<String, String> fields = fields(profile);
            redis.run(jedis -> {
                try (Transaction replace = jedis.multi()) {
                    replace.del(key);
                    replace.hset(key, fields);
                    replace.pexpire(key, remaining);
                    replace.exec();
                }
            });
        } else {
            redis.run(jedis -> jedis.del(key));
        }
        String prompted = RedisKeys.checkinPrompted(community);
        redis.run(jedis -> {
            if (keep && profile.prompts()) {
                jedis.sadd(prompted, member.key());
            } else {
                jedis.srem(prompted, member.key());
            }
        });
        String entry = buddyEntry(community, member);
        if (oldBuddy != null && !oldBuddy.equals(keep ? newBuddy : null) && !"organisers".equals(oldBuddy)) {
            redis.run(jedis -> jedis.srem(RedisKeys.checkinBuddyOf(CheckinKeys.member(oldBuddy)), entry));
        }
        if (keep && newBuddy != null && !profile.buddy().isOrganisers()) {
            String buddyOf = RedisKeys.checkinBuddyOf(profile.buddy().member());
            redis.run(jedis -> INDEX.run(jedis, List.of(buddyOf), List.of(entry, Long.toString(remaining))));
        }
    }

    @Override
    public Set<MemberRef> prompted(CommunityRef community) {
        String key = RedisKeys.checkinPrompted(community);
        List<String> members = new ArrayList<>(redis.call(jedis -> jedis.smembers(key)));
        members.sort(null);
        List<String> wanted = redis.call(jedis -> {
            Pipeline pipe = jedis.pipelined();
            List<Response<String>> answers = new ArrayList<>();
            for (String id : members) {
                answers.add(pipe.hget(RedisKeys.checkinProfile(CheckinKeys.member(id), community), PROMPTS));
            }
            pipe.sync();
            return answers.stream().map(Response::get).toList();
        });
        Set<MemberRef> out = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if ("1".equals(wanted.get(i))) {
                out.add(CheckinKeys.member(members.get(i)));
            } else {
                stale.add(members.get(i));
            }
        }
        if (!stale.isEmpty()) {
            redis.run(jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }

    @Override
    public Map<CommunityRef, Set<MemberRef>> buddyOf(MemberRef buddy) {
        String key = RedisKeys.checkinBuddyOf(buddy);
        Map<CommunityRef, Set<MemberRef>> out = new LinkedHashMap<>();
        List<String> stale = new ArrayList<>();
        for (String entry : redis.call(jedis -> jedis.smembers(key))) {
            Optional<Map.Entry<CommunityRef, MemberRef>> pair = parseBuddyEntry(entry);
            String chosen = pair.map(p -> redis.call(jedis -> jedis.hget(RedisKeys.checkinProfile(p.getValue(), p.getKey()), BUDDY)))
                    .orElse(null);
            if (pair.isPresent() && buddy.key().equals(chosen)) {
                out.computeIfAbsent(pair.get().getKey(), k -> new LinkedHashSet<>()).add(pair.get().getValue());
            } else {
                stale.add(entry);
            }
        }
        if (!stale.isEmpty()) {
            redis.run(jedis -> jedis.srem(key, stale.toArray(String[]::new)));
        }
        return out;
    }

    // ---- a line waiting for confirmation, the alert cooldown ----

    @Override
    public void holdShare(CommunityRef community, MemberRef member, PendingShare share, Duration ttl) {
        long millis = Math.max(1, ttl.toMillis());
        ObjectNode value = json.createObjectNode();
        value.put("channel", channel(share.channel()));
        value.put("line", share.line());
        index(member, community, millis);
        redis.run(jedis -> jedis.set(RedisKeys.checkinShare(member, community), json.writeValueAsString(value),
                SetParams.setParams().px(millis)));
    }

    @Override
    public Optional<PendingShare> takeShare(CommunityRef community, MemberRef member) {
        return readShare(redis.call(jedis -> jedis.getDel(RedisKeys.checkinShare(member, community))));
    }

    @Override
    public Optional<PendingShare> heldShare(CommunityRef community, MemberRef member) {
        return readShare(redis.call(jedis -> jedis.get(RedisKeys.checkinShare(member, community))));
    }

    private Optional<PendingShare> readShare(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(value);
            if (!node.has("line")) {
                // kept by an earlier version as the rendered post, name included: let it lapse rather than post it twice over
                return Optional.empty();
            }
            return channel(node.path("channel").asString("")).map(c -> new PendingShare(c, node.path("line").asString("")));
        } catch (RuntimeException e) {
            LOG.warn("a waiting check-in line could not be read and was dropped");
            return Optional.empty();
        }
    }

    @Override
    public boolean startAlertCooldown(CommunityRef community, MemberRef member, Duration length) {
        long millis = Math.max(1, length.toMillis());
        index(member, community, millis);
        String set = redis.call(jedis -> jedis.set(RedisKeys.checkinAlerted(member, community), "1",
                SetParams.setParams().nx().px(millis)));
        return "OK".equals(set);
    }

    // ---- the community ----

    @Override
    public CheckinSettings settings(CommunityRef community) {
        Map<String, String> hash = redis.call(jedis -> jedis.hgetAll(RedisKeys.checkinSettings(community)));
        if (hash.isEmpty()) {
            return CheckinSettings.OFF;
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : hash.getOrDefault("days", "").split(",")) {
            if (!day.isBlank()) {
                try {
                    days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    LOG.warn("a stored check-in prompt day is not a day and is ignored");
                }
            }
        }
        LocalTime time = parseTime(hash.get(TIME)).orElse(CheckinSettings.DEFAULT_TIME);
        String questions = hash.getOrDefault("questions", CheckinSettings.OFF.questions());
        ChannelRef channel = Optional.ofNullable(hash.get("channel")).flatMap(RedisCheckinStore::channel).orElse(null);
        return new CheckinSettings(days, time, questions, channel);
    }

    @Override
    public void saveSettings(CommunityRef community, CheckinSettings settings) {
        String key = RedisKeys.checkinSettings(community);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("days", settings.days().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
        fields.put(TIME, settings.time().toString());
        fields.put("questions", settings.questions());
        if (settings.channel() != null) {
            fields.put("channel", channel(settings.channel()));
        }
        redis.run(jedis -> {
            try (Transaction replace = jedis.multi()) {
                replace.del(key);
                replace.hset(key, fields);
                replace.exec();
            }
        });
    }

    @Override
    public List<List<DayMood>> moodsSince(CommunityRef community, LocalDate from) {
        String active = RedisKeys.checkinActive(community);
        List<String> members = redis.call(jedis -> jedis.zrangeByScore(active, from.toEpochDay(), Double.POSITIVE_INFINITY));
        long now = clock.millis();
        List<List<String>> raw = redis.call(jedis -> {
            Pipeline pipe = jedis.pipelined();
            List<Response<List<String>>> answers = new ArrayList<>();
            for (String id : members) {
                answers.add(pipe.zrangeByScore(RedisKeys.checkins(CheckinKeys.member(id), community), from.toEpochDay(),
                        Double.POSITIVE_INFINITY));
            }
            pipe.sync();
            return answers.stream().map(Response::get).toList();
        });
        List<List<DayMood>> out = new ArrayList<>();
        for (List<String> entries : raw) {
            List<DayMood> moods = new ArrayList<>();
            for (String text : entries) {
                read(text).filter(e -> e.path("exp").asLong(0) > now).flatMap(this::checkin)
                        .ifPresent(c -> moods.add(new DayMood(c.day(), c.mood())));
            }
            if (!moods.isEmpty()) {
                out.add(moods);
            }
        }
        return out;
    }

    // ---- everything of a member ----

    @Override
    public Set<CommunityRef> communities(MemberRef member) {
        List<String> ids = new ArrayList<>(redis.call(jedis -> jedis.smembers(RedisKeys.checkinCommunities(member))));
        ids.sort(null);
        List<Boolean> present = redis.call(jedis -> {
            Pipeline pipe = jedis.pipelined();
            List<Response<Long>> answers = new ArrayList<>();
            for (String id : ids) {
                CommunityRef community = CheckinKeys.community(id);
                answers.add(pipe.exists(RedisKeys.checkins(member, community), RedisKeys.checkinJourney(member, community),
                        RedisKeys.checkinProfile(member, community)));
            }
            pipe.sync();
            return answers.stream().map(r -> r.get() > 0).toList();
        });
        Set<CommunityRef> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (present.get(i)) {
                out.add(CheckinKeys.community(ids.get(i)));
            }
        }
        return out;
    }

    @Override
    public void eraseMember(MemberRef member) {
        String index = RedisKeys.checkinCommunities(member);
        for (String id : redis.call(jedis -> jedis.smembers(index))) {
            CommunityRef community = CheckinKeys.community(id);
            String buddy = redis.call(jedis -> jedis.hget(RedisKeys.checkinProfile(member, community), BUDDY));
            if (buddy != null && !"organisers".equals(buddy)) {
                redis.run(jedis -> jedis.srem(RedisKeys.checkinBuddyOf(CheckinKeys.member(buddy)), buddyEntry(community, member)));
            }
            redis.run(jedis -> {
                jedis.del(RedisKeys.checkins(member, community), RedisKeys.checkinJourney(member, community),
                        RedisKeys.checkinProfile(member, community), RedisKeys.checkinShare(member, community),
                        RedisKeys.checkinAlerted(member, community));
                jedis.srem(RedisKeys.checkinPrompted(community), member.key());
                jedis.zrem(RedisKeys.checkinActive(community), member.key());
            });
        }
        String buddyOf = RedisKeys.checkinBuddyOf(member);
        for (String entry : redis.call(jedis -> jedis.smembers(buddyOf))) {
            parseBuddyEntry(entry).ifPresent(pair -> {
                String key = RedisKeys.checkinProfile(pair.getValue(), pair.getKey());
                redis.run(jedis -> {
                    if (member.key().equals(jedis.hget(key, BUDDY))) {
                        jedis.hdel(key, BUDDY);
                    }
                });
            });
        }
        redis.run(jedis -> jedis.del(index, buddyOf));
    }

    // ---- helpers ----

    private boolean putDay(String key, MemberRef member, CommunityRef community, LocalDate day, ObjectNode entry) {
        Object kept = redis.call(jedis -> PUT_DAY.run(jedis, List.of(key, RedisKeys.checkinCommunities(member)),
                List.of(Long.toString(day.toEpochDay()), json.writeValueAsString(entry), Long.toString(entry.path("exp").asLong()),
                        Long.toString(clock.millis()), community.key())));
        return Long.valueOf(1).equals(kept);
    }

    private void index(MemberRef member, CommunityRef community, long millis) {
        redis.run(jedis -> INDEX.run(jedis, List.of(RedisKeys.checkinCommunities(member)),
                List.of(community.key(), Long.toString(Math.max(1, millis)))));
    }

    /** The unexpired entries of days {@code from} to {@code to}, oldest first. */
    private List<JsonNode> entries(String key, LocalDate from, LocalDate to) {
        List<String> raw = redis.call((Jedis jedis) -> jedis.zrangeByScore(key, from.toEpochDay(), to.toEpochDay()));
        long now = clock.millis();
        List<JsonNode> out = new ArrayList<>();
        for (String text : raw) {
            read(text).filter(e -> e.path("exp").asLong(0) > now).ifPresent(out::add);
        }
        return out;
    }

    private Optional<JsonNode> read(String text) {
        try {
            return Optional.of(json.readTree(text));
        } catch (RuntimeException e) {
            LOG.warn("a stored check-in entry could not be read and is skipped");
            return Optional.empty();
        }
    }

    private Optional<Checkin> checkin(JsonNode entry) {
        Optional<LocalDate> day = day(entry);
        Optional<Mood> mood = Mood.of(entry.path("mood").asInt(0));
        if (day.isEmpty() || mood.isEmpty()) {
            return Optional.empty();
        }
        String note = entry.hasNonNull("note") ? entry.get("note").asString() : null;
        Instant at;
        try {
            at = Instant.parse(entry.path("at").asString(""));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new Checkin(day.get(), mood.get(), note, at));
    }

    private static Optional<LocalDate> day(JsonNode entry) {
        try {
            return Optional.of(LocalDate.parse(entry.path("day").asString("")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> fields(CheckinProfile profile) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (profile.prompts()) {
            fields.put(PROMPTS, "1");
        }
        profile.ownTime().ifPresent(t -> fields.put(TIME, t.toString()));
        profile.awayUntil().ifPresent(d -> fields.put(AWAY, d.toString()));
        profile.buddySetting().ifPresent(b -> fields.put(BUDDY, b.storageId()));
        profile.sinceDay().ifPresent(d -> fields.put(SINCE, d.toString()));
        profile.plannedJob().ifPresent(j -> fields.put(PLANNED, j));
        return fields;
    }

    private static CheckinProfile profile(Map<String, String> hash) {
        return new CheckinProfile("1".equals(hash.get(PROMPTS)), parseTime(hash.get(TIME)).orElse(null),
                parseDate(hash.get(AWAY)).orElse(null), Optional.ofNullable(hash.get(BUDDY)).map(Buddy::fromStorageId).orElse(null),
                parseDate(hash.get(SINCE)).orElse(null), hash.get(PLANNED));
    }

    private static Optional<LocalTime> parseTime(String text) {
        try {
            return Optional.ofNullable(text).map(LocalTime::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.ofNullable(text).map(LocalDate::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A channel as {@code platform kind id} (the id last, as it may hold anything). */
    private static String channel(ChannelRef channel) {
        return channel.platform().id() + " " + channel.kind().name() + " " + channel.channelId();
    }

    private static Optional<ChannelRef> channel(String text) {
        String[] parts = text.split(" ", 3);
        try {
            return parts.length == 3 ? Optional.of(new ChannelRef(Platform.valueOf(parts[0].toUpperCase(Locale.ROOT)),
                    parts[2], ChannelRef.Kind.valueOf(parts[1]))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One member's choice of buddy in one community, as kept in the buddy's set: {@code <community key> <member key>} escaped. */
    private static String buddyEntry(CommunityRef community, MemberRef member) {
        return RedisKeys.escape(community.key()) + " " + RedisKeys.escape(member.key());
    }

    private static Optional<Map.Entry<CommunityRef, MemberRef>> parseBuddyEntry(String entry) {
        String[] parts = entry.split(" ");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(Map.entry(CheckinKeys.community(unescape(parts[0])), CheckinKeys.member(unescape(parts[1]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Undoes {@link RedisKeys#escape}: every {@code %XX} back to its byte. */
    private static String unescape(String escaped) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%' && i + 2 < escaped.length()) {
                bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
