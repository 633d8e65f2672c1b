package org.circlekeeper.core.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Turns stored keys ({@code platform:id}) back into refs, and makes the short parts of button and
 * job ids: a community's tag, a compact day, a bounded key part.
 */
public final class CheckinKeys {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9:._-]{1,40}");
    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

    private CheckinKeys() {
    }

    /** A community from its storage key {@code platform:communityId}. */
    public static CommunityRef community(String key) {
        int colon = key.indexOf(':');
        return new CommunityRef(platform(key.substring(0, colon)), key.substring(colon + 1));
    }

    /** A member from its storage key {@code platform:userId}; the display name is not stored, so it is the user id. */
    public static MemberRef member(String key) {
        int colon = key.indexOf(':');
        return new MemberRef(platform(key.substring(0, colon)), key.substring(colon + 1), null);
    }

    /** Four characters naming a community inside a button id, so a button cannot act in another community. */
    static String tag(CommunityRef community) {
        return digest(community.key()).substring(0, 4);
    }

    /** A key as it may appear inside a job id: itself when short and plain, else a digest. */
    static String idPart(String key) {
        return SAFE.matcher(key).matches() ? key : "h" + digest(key).substring(0, 24);
    }

    /** A day as eight digits ({@code 20261127}), for button and form ids. */
    static String day(LocalDate day) {
        return COMPACT.format(day);
    }

    /** The day eight digits name, if they name one. */
    static Optional<LocalDate> parseDay(String text) {
        if (text == null || !DAY.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, COMPACT));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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
