package org.circlekeeper.core.ref;

import java.util.Map;

/**
 * What one feature keeps about a member, for the member's own export ({@code /mydata}) and erasure
 * ({@code /forgetme}). Every feature declares its participants; the engine registers them all.
 */
public interface PersonalData {

    /** The label of what a platform adapter keeps (e.g. whether a private chat can be reached). */
    MessageKey PLATFORM = MessageKey.of("privacy.section.platform");

    /** The section name in the export file, e.g. {@code settings} or {@code checkins}: a stable token. */
    String section();

    /** The section's name as the member reads it in {@code /mydata}, in their language. */
    default MessageKey label() {
        return MessageKey.of("privacy.section." + section());
    }

    /** Everything this feature stores about the member, in plain values (maps, lists, strings, numbers). */
    Map<String, Object> export(MemberRef member);

    /** Erases everything this feature stores about the member, in every community. */
    void erase(MemberRef member);
}
