package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.ref.MemberRef;

/**
 * The short parts of check-in button and job ids: a community's tag, a compact day, a bounded key part. (Stored keys
 * turn back into refs with {@link MemberRef#fromKey} and {@link CommunityRef#fromKey}.)
 */
final class CheckinKeys {

    private static final Pattern DAY = Pattern.compile("\\d{8}");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

    private CheckinKeys() {
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
}
