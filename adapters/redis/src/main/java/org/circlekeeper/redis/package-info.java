/**
 * The Redis adapter: Jedis implementations of the core's store ports ({@link
 * org.circlekeeper.redis.RedisMemberSettingsStore}, {@link org.circlekeeper.redis.RedisCommunitySettingsStore},
 * {@link org.circlekeeper.redis.RedisWordingStore}, {@link org.circlekeeper.redis.RedisResourceStore}) and of its one-time {@link
 * org.circlekeeper.redis.RedisActionTokens}, the pooled {@link org.circlekeeper.redis.RedisConnection} they share,
 * the one place key names are made ({@link org.circlekeeper.redis.RedisKeys}), and {@link
 * org.circlekeeper.redis.EmbeddedRedis}, a real local redis-server for when no Redis URL is configured and for tests.
 */
package org.circlekeeper.redis;
