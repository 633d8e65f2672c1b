package org.circlekeeper.core.ref;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one place a SHA-256 is taken: the parts of job and button ids, a community's tag, fingerprints and keys that
 * must name nobody, and the digest of a secret compared in constant time (the Telegram webhook's). Stored data is
 * keyed by these values, so each must stay byte for byte what it is.
 */
public final class Ids {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9:._-]{1,40}");
    private static final int PART_DIGITS = 24;
    private static final int TAG_DIGITS = 4;
    /** Community tags made so far, at most {@link #MAX_TAGS} (one per community that pressed a button lately). */
    private static final Map<String, String> TAGS = new ConcurrentHashMap<>();
    private static final int MAX_TAGS = 10_000;

    private Ids() {
    }

    /** The SHA-256 of the text's UTF-8 bytes, as 64 lowercase hex digits. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The SHA-256 of the text's UTF-8 bytes (a secret's digest, to compare in constant time with {@code MessageDigest.isEqual}). */
    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The first {@code bytes} bytes of the SHA-256 of {@code data}, as lowercase hex digits (two per byte). */
    public static String sha256Hex(byte[] data, int bytes) {
        return HexFormat.of().formatHex(sha256(data), 0, bytes);
    }

    /**
     * A key as it may appear inside a job id: itself when short and plain, else {@code h} and 24 hex digits of its
     * SHA-256, so ids stay within the queue's 200 characters whatever a platform's ids look like.
     */
    public static String part(String key) {
        return PLAIN.matcher(key).matches() ? key : "h" + sha256Hex(key).substring(0, PART_DIGITS);
    }

    /** Four hex digits naming a community inside a button id, so a button cannot act in another community. */
    public static String tag(CommunityRef community) {
        // every button of a check-in or an RSVP carries it: kept per community rather than hashed again each time
        String key = community.key();
        String known = TAGS.get(key);
        if (known == null) {
            known = sha256Hex(key).substring(0, TAG_DIGITS);
            if (TAGS.size() >= MAX_TAGS) {
                TAGS.clear();
            }
            TAGS.put(key, known);
        }
        return known;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
