package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** Pins the id parts that stored job ids and button ids are made of: a change here orphans stored data. */
class CircleKeysTest {

    @Test
    void aShortPlainKeyIsItsOwnIdPartAndAnyOtherIsItsDigest() {
        assertThat(CircleKeys.idPart("discord:123456789012345678")).isEqualTo("discord:123456789012345678");
        assertThat(CircleKeys.idPart("telegram:-1001234567890")).isEqualTo("telegram:-1001234567890");
        assertThat(CircleKeys.idPart("discord:Ünïcode user")).isEqualTo("h0977e1a260353b69fc71fdeb");
        assertThat(CircleKeys.idPart("console:a-very-long-key-that-runs-past-forty-characters-for-sure"))
                .isEqualTo("h81c61f9bd5bf39d84699e0b3");
    }

    @Test
    void aCommunityTagIsTheFirstFourHexDigitsOfItsKeysSha256() {
        assertThat(CircleKeys.tag(new CommunityRef(Platform.DISCORD, "42"))).isEqualTo("bca7");
        assertThat(CircleKeys.tag(new CommunityRef(Platform.TELEGRAM, "-1001234567890"))).isEqualTo("5890");
        assertThat(CircleKeys.tag(new CommunityRef(Platform.CONSOLE, "local"))).isEqualTo("db8b");
    }
}
