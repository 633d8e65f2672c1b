package org.circlekeeper.core.checkin;

import java.util.Optional;

/**
 * Seals a member's note before it is stored and opens it for the member only. The context (whose
 * note, where, which day) is bound to the sealed text, so a sealed note moved elsewhere does not open.
 */
public interface NoteCipher {

    /** The note sealed for storage: never contains the plain text. */
    String seal(String note, String context);

    /** The plain note, or empty when it cannot be opened (another key, another context, or damaged). */
    Optional<String> open(String sealed, String context);
}
