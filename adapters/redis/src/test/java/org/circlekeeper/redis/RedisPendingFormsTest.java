package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisPendingFormsTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private final RedisPendingForms forms = new RedisPendingForms(REDIS.connection());
    private final MemberRef alice = new MemberRef(Platform.TELEGRAM, "42", "Alice");

    @Test
    void aPendingFormIsTakenOnceAndExpires() {
        forms.await(alice, "checkin.note:1", Duration.ofMinutes(15));
        assertThat(REDIS.keys()).containsExactly("ck:m:{telegram:42}:form");
        assertThat(REDIS.ttlMillis("ck:m:{telegram:42}:form")).isBetween(1L, Duration.ofMinutes(15).toMillis());
        assertThat(forms.take(alice)).contains("checkin.note:1");
        assertThat(forms.take(alice)).isEmpty();
    }

    @Test
    void askingAgainReplacesAndClearForgets() {
        forms.await(alice, "a:1", Duration.ofMinutes(15));
        forms.await(alice, "b:2", Duration.ofMinutes(15));
        assertThat(forms.take(alice)).isEqualTo(Optional.of("b:2"));
        forms.await(alice, "c:3", Duration.ofMinutes(15));
        forms.clear(alice);
        assertThat(forms.take(alice)).isEmpty();
        assertThat(REDIS.keys()).isEmpty();
    }
}
