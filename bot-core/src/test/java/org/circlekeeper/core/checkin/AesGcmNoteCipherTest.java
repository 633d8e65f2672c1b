package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmNoteCipherTest {

    private static final String CONTEXT = "checkin-note|console:circle|console:alice|2026-11-27";
    private final AesGcmNoteCipher cipher = AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey());

    @Test
    void aSealedNoteOpensWithTheSameKeyAndContextOnly() {
        String sealed = cipher.seal("a quiet, heavy day", CONTEXT);

        assertThat(sealed).startsWith("v1:").doesNotContain("quiet").doesNotContain("heavy");
        assertThat(cipher.open(sealed, CONTEXT)).contains("a quiet, heavy day");
        assertThat(cipher.open(sealed, CONTEXT.replace("alice", "bob"))).as("moved to another member").isEmpty();
        assertThat(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()).open(sealed, CONTEXT)).as("another key").isEmpty();
    }

    @Test
    void everyNoteGetsItsOwnIv() {
        String first = cipher.seal("same words", CONTEXT);
        String second = cipher.seal("same words", CONTEXT);

        assertThat(first).isNotEqualTo(second);
        byte[] a = Base64.getDecoder().decode(first.split(":")[2]);
        byte[] b = Base64.getDecoder().decode(second.split(":")[2]);
        assertThat(Arrays.copyOf(a, 12)).isNotEqualTo(Arrays.copyOf(b, 12));
        assertThat(a).hasSize(12 + "same words".length() + 16);
    }

    @Test
    void aTamperedNoteDoesNotOpen() {
        String sealed = cipher.seal("private", CONTEXT);
        String[] parts = sealed.split(":");
        byte[] raw = Base64.getDecoder().decode(parts[2]);
        raw[raw.length - 1] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().withoutPadding().encodeToString(raw);

        assertThat(cipher.open(tampered, CONTEXT)).isEmpty();
        assertThat(cipher.open("plain text", CONTEXT)).isEmpty();
    }

    @Test
    void aBadKeyIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> AesGcmNoteCipher.fromBase64("not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> AesGcmNoteCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("16 bytes").hasMessageContaining("32");
        assertThatThrownBy(() -> AesGcmNoteCipher.fromBase64(" ")).hasMessageContaining("empty");
    }
}
