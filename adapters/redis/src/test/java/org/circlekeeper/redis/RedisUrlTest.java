package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void aPlainUrlGivesHostPortAndDatabase() {
        assertThat(RedisUrl.parse("redis://redis.internal:6380/2"))
                .isEqualTo(new RedisUrl("redis.internal", 6380, null, null, 2, false));
    }

    @Test
    void portAndDatabaseHaveDefaults() {
        assertThat(RedisUrl.parse("redis://localhost")).isEqualTo(new RedisUrl("localhost", 6379, null, null, 0, false));
        assertThat(RedisUrl.parse("redis://localhost/")).isEqualTo(new RedisUrl("localhost", 6379, null, null, 0, false));
    }

    @Test
    void userAndPasswordArePercentDecoded() {
        RedisUrl url = RedisUrl.parse("rediss://bot:p%40ss+w%3Ard@cache.example:6390/1");
        assertThat(url).isEqualTo(new RedisUrl("cache.example", 6390, "bot", "p@ss+w:rd", 1, true));
    }

    @Test
    void aPasswordWithoutAUserIsTheDefaultUsersPassword() {
        assertThat(RedisUrl.parse("redis://:secret@h").password()).isEqualTo("secret");
        assertThat(RedisUrl.parse("redis://:secret@h").user()).isNull();
        assertThat(RedisUrl.parse("redis://secret@h").password()).isEqualTo("secret");
    }

    @Test
    void ipv6HostsLoseTheirBrackets() {
        assertThat(RedisUrl.parse("redis://[::1]:7000").host()).isEqualTo("::1");
        assertThat(RedisUrl.parse("redis://[::1]:7000")).hasToString("redis://[::1]:7000/0");
    }

    @Test
    void itsTextNeverShowsThePassword() {
        RedisUrl url = RedisUrl.parse("rediss://bot:hunter2@cache.example:6390/1");
        assertThat(url.toString()).isEqualTo("rediss://bot:***@cache.example:6390/1").doesNotContain("hunter2");
        assertThat(RedisUrl.local(6379)).hasToString("redis://127.0.0.1:6379/0");
    }

    @Test
    void badUrlsAreRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> RedisUrl.parse("http://h:1")).hasMessageContaining("redis://");
        assertThatThrownBy(() -> RedisUrl.parse("redis://h/db")).hasMessageContaining("database number");
        assertThatThrownBy(() -> RedisUrl.parse("redis://h?timeout=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> RedisUrl.parse("redis://bot:@h")).hasMessageContaining("password");
        assertThatThrownBy(() -> RedisUrl.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RedisUrl.parse("redis://bot:hunter2@bad host:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("hunter2");
    }
}
