package org.circlekeeper.core.circle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/** Turns stored keys ({@code platform:id}) back into refs, and makes short, deterministic parts of ids. */
final class CircleKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9:._-]{1,40}");

    private CircleKeys() {
    }

    static CommunityRef community(String key) {
        int colon = key.indexOf(':');
        return new CommunityRef(platform(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** A member from a storage key; the display name is not stored, so it is the user id. */
    static MemberRef member(String key) {
        int colon = key.indexOf(':');
        return new MemberRef(platform(key.substring(0, colon)), key.substring(colon + 1), null);
    }

    /**
     * A key as it may appear inside a job id: itself when short and plain, else a digest, so ids stay
     * within the queue's 200 characters whatever a platform's ids look like.
     */
    static String idPart(String key) {
        return SAFE.matcher(key).matches() ? key : "h" + digest(key).substring(0, 24);
    }

    /** Four characters naming a community inside a button id, so a button cannot act in another community. */
    static String tag(CommunityRef community) {
        return digest(community.key()).substring(0, 4);
    }

    private static Platform platform(String id) {
        return Platform.valueOf(id.toUpperCase(Locale.ROOT));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
