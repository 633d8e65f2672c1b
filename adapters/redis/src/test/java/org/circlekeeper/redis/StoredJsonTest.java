package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredJsonTest {

    @Test
    void anObjectOfTheFormatOpens() throws Unreadable {
        assertThat(StoredJson.root("{\"v\":1,\"name\":\"Alice\"}", 1).get("name").stringValue()).isEqualTo("Alice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{not json", "[]", "\"Alice\"", "null", "{}", "{\"v\":2,\"name\":\"Alice\"}",
        "{\"v\":\"1\",\"name\":\"Alice\"}", "{\"v\":1.5,\"name\":\"Alice\"}"})
    void anythingElseIsUnreadableWithoutQuotingIt(String stored) {
        assertThatThrownBy(() -> StoredJson.root(stored, 1))
                .isInstanceOf(Unreadable.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Alice"));
    }
}
