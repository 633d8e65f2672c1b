package org.circlekeeper.redis;

/**
 * Which Redis a {@link RedisConnection} talks to: one node ({@link RedisUrl}), the primary a group of Sentinels
 * monitors ({@link RedisSentinel}), or a Redis Cluster ({@link RedisCluster}). The stores never see which; their
 * {@code toString()} never shows a password.
 */
public sealed interface RedisTarget permits RedisUrl, RedisSentinel, RedisCluster {
}
