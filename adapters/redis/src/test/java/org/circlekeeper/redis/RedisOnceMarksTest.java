package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisOnceMarksTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisOnceMarks marks = new RedisOnceMarks(REDIS.connection());

    @Test
    void aMarkIsFirstOnceWithinItsWindowAndExpires() {
        assertThat(marks.first("telegram topic-gone -1001/42", Duration.ofDays(30))).isTrue();
        assertThat(marks.first("telegram topic-gone -1001/42", Duration.ofDays(30))).isFalse();
        assertThat(marks.first("telegram topic-gone -1001/43", Duration.ofDays(30))).isTrue();
        assertThat(REDIS.keys()).containsExactlyInAnyOrder("ck:once:telegram%20topic-gone%20-1001%2F42",
                "ck:once:telegram%20topic-gone%20-1001%2F43");
        assertThat(REDIS.ttlMillis("ck:once:telegram%20topic-gone%20-1001%2F42")).isBetween(1L, Duration.ofDays(30).toMillis());
    }
}
