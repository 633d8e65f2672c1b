package org.circlekeeper.core.checkin;

import java.nio.file.Path;
import org.circlekeeper.core.member.SecretFile;

/**
 * The note key of a deployment that configured none: made once at random and kept in an owner-only
 * {@link SecretFile}, so notes stay readable across restarts of the same box. Replicas sharing a Redis
 * must configure one key instead.
 */
public final class NoteKeyFile {

    private NoteKeyFile() {
    }

    /** The key in the file, making the file (and its folder) with a new key when it does not exist. */
    public static String loadOrCreate(Path file) {
        String key = SecretFile.loadOrCreate(file, AesGcmNoteCipher::newKey, "note key");
        try {
            AesGcmNoteCipher.fromBase64(key);
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the note key file " + file + " does not hold a valid key: " + e.getMessage(), e);
        }
    }
}
