package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Turns stored keys ({@code platform:id}) back into refs, and makes the short parts of button and
 * job ids: a community's tag, a compact day, a bounded key part.
 */
public final class CheckinKeys {

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
        return Ids.tag(community);
    }

    /** A key as it may appear inside a job id: itself when short and plain, else a digest. */
    static String idPart(String key) {
        return Ids.part(key);
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
}
