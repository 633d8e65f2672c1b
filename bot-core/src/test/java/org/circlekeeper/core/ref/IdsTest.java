package org.circlekeeper.core.ref;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the ids made from a SHA-256 to the values they had before they shared one helper: stored job ids, button
 * ids, sealed notes and delivery keys depend on them, so a change here would orphan stored data.
 */
class IdsTest {

    @Test
    void aDigestIsTheHexSha256OfTheUtf8Bytes() {
        assertThat(Ids.sha256Hex("broken-1")).isEqualTo("77c00e0ea8bb43681b1f0782e34a318e2e5c30761d4ccdfe30ea6567f74a76db");
        assertThat(Ids.sha256Hex("discord:Ünïcode user"))
                .isEqualTo("0977e1a260353b69fc71fdeb51c751488a2075776e4a43569777edb2ab4be861");
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        assertThat(Ids.sha256Hex(key, 4)).isEqualTo("630dcd29");
        assertThat(HexFormat.of().formatHex(Ids.sha256("broken-1"))).isEqualTo(Ids.sha256Hex("broken-1"));
    }

    @Test
    void aShortPlainKeyIsItsOwnIdPartAndAnyOtherIsItsDigest() {
        assertThat(Ids.part("discord:123456789012345678")).isEqualTo("discord:123456789012345678");
        assertThat(Ids.part("telegram:-1001234567890")).isEqualTo("telegram:-1001234567890");
        assertThat(Ids.part("discord:Ünïcode user")).isEqualTo("h0977e1a260353b69fc71fdeb");
        assertThat(Ids.part("console:a-very-long-key-that-runs-past-forty-characters-for-sure"))
                .isEqualTo("h81c61f9bd5bf39d84699e0b3");
        assertThat(Ids.part("x".repeat(41))).startsWith("h").hasSize(25);
    }

    @Test
    void aCommunityTagIsTheFirstFourHexDigitsOfItsKeysSha256() {
        assertThat(Ids.tag(new CommunityRef(Platform.DISCORD, "42"))).isEqualTo("bca7");
        assertThat(Ids.tag(new CommunityRef(Platform.TELEGRAM, "-1001234567890"))).isEqualTo("5890");
        assertThat(Ids.tag(new CommunityRef(Platform.CONSOLE, "local"))).isEqualTo("db8b");
    }
}
