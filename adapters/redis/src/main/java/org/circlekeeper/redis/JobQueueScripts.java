package org.circlekeeper.redis;

import java.util.List;

/**
 * The Lua scripts of {@link RedisJobQueue} and the keys they run on: every key shares the {@code {jobs}} hash tag, so
 * each script touches one hash slot (one node of a cluster). Each change of the queue is one script, so that claims,
 * acks, retries and renewals stay atomic and fenced by the claim's token.
 */
final class JobQueueScripts {

    private JobQueueScripts() {
    }

    /*
     * A job's value in the data hash: "<claims> <epochSecond> <nano> <kind> <payload>", single spaces; the kind
     * never holds a space (Job checks it) and the payload is the rest, whatever it holds.
     */

    /**
     * The head of the waiting jobs before a change, KEYS[1]'s lowest score or nil; {@code WAKE} then publishes a new due
     * score on the channel ARGV[1] when it comes before that head (or none was waiting).
     */
    private static final String HEAD = """
            local before = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local head = before[2] and tonumber(before[2])
            local function wake(score)
              if not head or score < head then
                redis.call('PUBLISH', ARGV[1], string.format('%d', score))
                head = score
              end
            end
            """;

    /**
     * Adds each (id, due score, value) triple from ARGV[2] on whose id is not there yet; returns how many it added and
     * wakes the schedulers once when the earliest of them comes first.
     */
    static final RedisScript SCHEDULE = new RedisScript(HEAD + """
            local added = 0
            local earliest
            for i = 2, #ARGV, 3 do
              if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 2]) == 1 then
                redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
                added = added + 1
                local score = tonumber(ARGV[i + 1])
                if not earliest or score < earliest then
                  earliest = score
                end
              end
            end
            if earliest then
              wake(earliest)
            end
            return added
            """);

    /**
     * Puts the job ARGV[2] back waiting at the new due score ARGV[3] with its new value ARGV[4], keeping its claim
     * count; wakes the schedulers (ARGV[1]) when it now comes first.
     */
    static final RedisScript RESCHEDULE = new RedisScript(HEAD + """
            local old = redis.call('HGET', KEYS[3], ARGV[2])
            local claims = old and string.match(old, '^%d+') or '0'
            redis.call('HSET', KEYS[3], ARGV[2], claims .. ARGV[4])
            redis.call('ZREM', KEYS[2], ARGV[2])
            redis.call('HDEL', KEYS[4], ARGV[2])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[2])
            wake(tonumber(ARGV[3]))
            return 1
            """);

    /** Removes the job, waiting or claimed; returns 1 when there was one. */
    static final RedisScript CANCEL = new RedisScript("""
            local removed = redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return removed
            """);

    /**
     * Takes up to ARGV[2] jobs that are due (due score <= ARGV[1]) or whose lease ended (lease score <= ARGV[1]),
     * earliest due time first (then id), counts one more claim on each, leases them until ARGV[3] under the claim
     * token ARGV[5], and returns
     * id, new value, id, new value, ... The first ARGV[2] due jobs are the earliest by score already; expired
     * leases are ordered by lease end, not due time, so up to ARGV[4] of them are read and sorted with the rest.
     * Data is read 1,000 ids per HMGET: Redis's Lua cannot unpack more than 8,000 values into one call.
     * An id whose data is missing or unreadable (never written by this class) leaves its set and the hash, with
     * a warning in the server log, instead of blocking the queue.
     */
    static final RedisScript CLAIM = new RedisScript("""
            local max = tonumber(ARGV[2])
            local found = {}
            local seen = {}
            local function gather(key, limit)
              local ids = redis.call('ZRANGEBYSCORE', key, '-inf', ARGV[1], 'LIMIT', 0, limit)
              if #ids == 0 then
                return
              end
              local values = {}
              for from = 1, #ids, 1000 do
                local part = redis.call('HMGET', KEYS[3], unpack(ids, from, math.min(#ids, from + 999)))
                for j = 1, #part do
                  values[from + j - 1] = part[j]
                end
              end
              for i = 1, #ids do
                local id = ids[i]
                if not seen[id] then
                  seen[id] = true
                  local claims, tail, sec, nano
                  if values[i] then
                    claims, tail = string.match(values[i], '^(%d+)( .*)$')
                  end
                  if tail then
                    sec, nano = string.match(tail, '^ (%-?%d+) (%d+) ')
                  end
                  if sec then
                    found[#found + 1] = {id = id, claims = tonumber(claims), sec = tonumber(sec),
                                         nano = tonumber(nano), tail = tail}
                  else
                    redis.call('ZREM', key, id)
                    redis.call('HDEL', KEYS[3], id)
                    redis.call('HDEL', KEYS[4], id)
                    redis.log(redis.LOG_WARNING, 'circlekeeper job queue: dropped job ' .. id .. ' without readable data')
                  end
                end
              end
            end
            gather(KEYS[1], max)
            gather(KEYS[2], tonumber(ARGV[4]))
            if #found == 0 then
              return {}
            end
            table.sort(found, function(a, b)
              if a.sec ~= b.sec then
                return a.sec < b.sec
              end
              if a.nano ~= b.nano then
                return a.nano < b.nano
              end
              return a.id < b.id
            end)
            local claimed, ids, leases, values, tokens = {}, {}, {}, {}, {}
            for i = 1, math.min(max, #found) do
              local job = found[i]
              local value = string.format('%d', job.claims + 1) .. job.tail
              ids[#ids + 1] = job.id
              leases[#leases + 1] = ARGV[3]
              leases[#leases + 1] = job.id
              values[#values + 1] = job.id
              values[#values + 1] = value
              tokens[#tokens + 1] = job.id
              tokens[#tokens + 1] = ARGV[5]
              claimed[#claimed + 1] = job.id
              claimed[#claimed + 1] = value
            end
            redis.call('ZREM', KEYS[1], unpack(ids))
            redis.call('ZADD', KEYS[2], unpack(leases))
            redis.call('HSET', KEYS[3], unpack(values))
            redis.call('HSET', KEYS[4], unpack(tokens))
            return claimed
            """);

    /** The fence of every script below: the job ARGV[1] is claimed (in KEYS[2]) under the token ARGV[2] (in KEYS[4]). */
    private static final String HELD = """
            if not redis.call('ZSCORE', KEYS[2], ARGV[1]) or redis.call('HGET', KEYS[4], ARGV[1]) ~= ARGV[2] then
              return 0
            end
            """;

    /** Removes the job when this claim holds it; returns 1 then, else 0. */
    static final RedisScript ACK = new RedisScript(HELD + """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            return 1
            """);

    /**
     * ACK for each (id, token) pair in ARGV, each under the fence of its own token (as HELD): removes every job its
     * claim still holds, leaves the rest, and returns how many it removed.
     */
    static final RedisScript ACK_ALL = new RedisScript("""
            local ids, tokens = {}, {}
            for i = 1, #ARGV, 2 do
              ids[#ids + 1] = ARGV[i]
              tokens[#tokens + 1] = ARGV[i + 1]
            end
            local holders = redis.call('HMGET', KEYS[4], unpack(ids))
            local held = {}
            for i = 1, #ids do
              if holders[i] == tokens[i] and redis.call('ZSCORE', KEYS[2], ids[i]) then
                held[#held + 1] = ids[i]
              end
            end
            if #held > 0 then
              redis.call('ZREM', KEYS[2], unpack(held))
              redis.call('HDEL', KEYS[3], unpack(held))
              redis.call('HDEL', KEYS[4], unpack(held))
            end
            return #held
            """);

    /** The lowest due score (KEYS[1]) and the lowest lease score (KEYS[2]), each false when the set is empty. */
    static final RedisScript NEXT = new RedisScript("""
            local due = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            local leased = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
            return {due[2] or false, leased[2] or false}
            """);

    /** Moves the lease end to score ARGV[3] when this claim holds the job; returns 1 then, else 0. */
    static final RedisScript RENEW = new RedisScript(HELD + """
            redis.call('ZADD', KEYS[2], 'XX', ARGV[3], ARGV[1])
            return 1
            """);

    /**
     * Removes the job like ACK when this claim holds it, and puts ARGV[3] at the head of the dead list KEYS[5], which
     * keeps ARGV[4] entries and lives ARGV[5] milliseconds after its newest; returns 1 then, else 0.
     */
    static final RedisScript BURY = new RedisScript(HELD + """
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('LPUSH', KEYS[5], ARGV[3])
            redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[4]) - 1)
            redis.call('PEXPIRE', KEYS[5], ARGV[5])
            return 1
            """);

    /**
     * Puts the job back waiting at due score ARGV[3] with value ARGV[4] when this claim holds it; returns 1 then,
     * else 0. Wakes the schedulers (ARGV[5]) when it now comes first: a job put back by a stopping replica, or
     * retried soon, is taken by another at once.
     */
    static final RedisScript RETRY = new RedisScript(HELD + """
            local before = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('HDEL', KEYS[4], ARGV[1])
            redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
            redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
            if not before[2] or tonumber(ARGV[3]) < tonumber(before[2]) then
              redis.call('PUBLISH', ARGV[5], ARGV[3])
            end
            return 1
            """);

    static final List<String> DUE_AND_DATA = List.of(RedisKeys.jobsDue(), RedisKeys.jobsData());
    /** The key whose hash slot every key of the queue shares ({@code {jobs}}): where each piece of its work runs. */
    static final String JOBS = RedisKeys.jobsDue();
    static final List<String> ALL_KEYS = List.of(RedisKeys.jobsDue(), RedisKeys.jobsLeased(),
            RedisKeys.jobsData(), RedisKeys.jobsClaims());
    static final List<String> WITH_DEAD = List.of(RedisKeys.jobsDue(), RedisKeys.jobsLeased(),
            RedisKeys.jobsData(), RedisKeys.jobsClaims(), RedisKeys.jobsDead());
}
