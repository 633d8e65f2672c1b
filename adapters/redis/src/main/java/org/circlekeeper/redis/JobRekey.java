package org.circlekeeper.redis;

import java.util.Map;
import org.circlekeeper.core.schedule.Job;
import redis.clients.jedis.Pipeline;

/** The due jobs of a community's move ({@link RedisCommunityMove}) under their new ids, written in its transaction. */
final class JobRekey {

    private JobRekey() {
    }

    /**
     * Each re-keyed job leaves its old id and waits under its new one at the same due score with its claim count
     * ({@link RedisJobQueue#encode}), or at its new due time when the move gave it one (a planning chain's slot);
     * when a job of the new id waits already, that one stays and the moved one goes. A job whose id names no community
     * keeps its id and takes its new payload.
     */
    static void write(Pipeline tx, Map<String, Job> rekeyed, Map<String, String> values, Map<String, Double> dueScores,
                      Map<String, Boolean> newIdTaken) {
        rekeyed.forEach((oldId, job) -> {
            boolean sameId = job.id().equals(oldId);
            if (!sameId) {
                tx.hdel(RedisKeys.jobsData(), oldId);
                tx.zrem(RedisKeys.jobsDue(), oldId);
                if (newIdTaken.get(job.id())) {
                    return;
                }
            }
            String value = values.get(oldId);
            int claims = Integer.parseInt(value.substring(0, value.indexOf(' ')));
            tx.hset(RedisKeys.jobsData(), job.id(), RedisJobQueue.encode(claims, job));
            Double score = dueScores.get(oldId);
            boolean sameDue = RedisJobQueue.job(oldId, value).due().equals(job.due());
            double due = score != null && sameDue ? score : RedisJobQueue.ceilMillis(job.due());
            tx.zadd(RedisKeys.jobsDue(), due, job.id());
        });
    }
}
