package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** Pins the id parts that stored job ids and button ids are made of: a change here orphans stored data. */
class CheckinKeysTest {

    @Test
    void aShortPlainKeyIsItsOwnIdPartAndAnyOtherIsItsDigest() {
        assertThat(CheckinKeys.idPart("discord:123456789012345678")).isEqualTo("discord:123456789012345678");
        assertThat(CheckinKeys.idPart("telegram:-1001234567890")).isEqualTo("telegram:-1001234567890");
        assertThat(CheckinKeys.idPart("discord:Ünïcode user")).isEqualTo("h0977e1a260353b69fc71fdeb");
        assertThat(CheckinKeys.idPart("console:a-very-long-key-that-runs-past-forty-characters-for-sure"))
                .isEqualTo("h81c61f9bd5bf39d84699e0b3");
    }

    @Test
    void aCommunityTagIsTheFirstFourHexDigitsOfItsKeysSha256() {
        assertThat(CheckinKeys.tag(new CommunityRef(Platform.DISCORD, "42"))).isEqualTo("bca7");
        assertThat(CheckinKeys.tag(new CommunityRef(Platform.TELEGRAM, "-1001234567890"))).isEqualTo("5890");
        assertThat(CheckinKeys.tag(new CommunityRef(Platform.CONSOLE, "local"))).isEqualTo("db8b");
    }

    @Test
    void aNoteKeysIdIsTheFirstFourBytesOfItsSha256SoNotesSealedBeforeStillOpen() {
        byte[] key = new byte[AesGcmNoteCipher.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        assertThat(new AesGcmNoteCipher(key).seal("a note", "a context")).startsWith("v1:630dcd29:");
    }
}
