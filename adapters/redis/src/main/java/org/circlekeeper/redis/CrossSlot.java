package org.circlekeeper.redis;

/**
 * A piece of {@link RedisConnection} work routed by one key's hash slot touched a key of a slot another node of the
 * cluster serves: a defect in the work (its keys lack a shared hash tag), never retried.
 */
public final class CrossSlot extends IllegalStateException {

    CrossSlot(int routed, int touched, Throwable cause) {
        super("Redis work routed to hash slot " + routed + " touched a key of slot " + touched
                + ", which another node serves: every key of one piece of work must share one hash tag", cause);
    }
}
