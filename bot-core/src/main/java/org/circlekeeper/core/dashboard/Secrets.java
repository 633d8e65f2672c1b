package org.circlekeeper.core.dashboard;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.Ids;

/**
 * The page's secrets (sign-in links and session cookies): 256 random bits in URL-safe base64, kept in the store only
 * as their SHA-256 digest, so whoever reads the store cannot use what it holds.
 */
final class Secrets {

    /** A secret as {@link #next()} makes it: 43 URL-safe base64 characters. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a secret's shape; anything else is refused before the store is asked. */
    static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    /** The digest the store keeps: SHA-256 in URL-safe base64, 43 characters. */
    static String digest(String secret) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.sha256(secret));
    }
}
