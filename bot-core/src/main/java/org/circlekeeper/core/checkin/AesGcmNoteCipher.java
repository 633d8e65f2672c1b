package org.circlekeeper.core.checkin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.circlekeeper.core.ref.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM from the JDK: a fresh random 96-bit IV per note, a 128-bit tag, the context as
 * additional authenticated data. A sealed note reads {@code v1:<key id>:<base64(iv ‖ ciphertext ‖ tag)>};
 * the key id (the first four bytes of the key's SHA-256) tells a note sealed under another key
 * apart from a damaged one. The key comes from configuration; nothing here keeps one in a static.
 */
public final class AesGcmNoteCipher implements NoteCipher {

    /** Key length in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1";
    private static final Logger LOG = LoggerFactory.getLogger(AesGcmNoteCipher.class);

    private final SecretKeySpec key;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean warnedOtherKey = new AtomicBoolean();

    public AesGcmNoteCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a note key is " + KEY_BYTES + " bytes (256 bits)");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = Ids.sha256Hex(key, 4);
    }

    /**
     * A cipher from a base64 key, as configured in {@code circlekeeper.security.note-key}.
     *
     * @throws IllegalArgumentException with a message that says what is wrong (never the key)
     */
    public static AesGcmNoteCipher fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("the note key is empty; it must be 32 random bytes in base64");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the note key is not valid base64; it must be 32 random bytes in base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the note key is " + key.length + " bytes; it must be " + KEY_BYTES
                    + " random bytes (256 bits) in base64, e.g. from `openssl rand -base64 32`");
        }
        return new AesGcmNoteCipher(key);
    }

    /** A new random key in base64, for a deployment that has none yet. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String seal(String note, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(note.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    @Override
    public Optional<String> open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            LOG.warn("a stored note is not in a form this version can read");
            return Optional.empty();
        }
        if (!parts[1].equals(keyId)) {
            if (warnedOtherKey.compareAndSet(false, true)) {
                LOG.warn("a stored note was sealed with another note key; it cannot be read with the configured one");
            }
            return Optional.empty();
        }
        try {
            byte[] raw = Base64.getDecoder().decode(parts[2]);
            if (raw.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(raw, IV_BYTES)));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            LOG.warn("a stored note could not be opened: it is damaged or belongs elsewhere ({})", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
