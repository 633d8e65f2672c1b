package org.circlekeeper.core.engine;

import java.util.Map;

/**
 * What one feature keeps about a member, for the member's own export ({@code /mydata}) and erasure
 * ({@code /forgetme}). Every feature declares its participants; the engine registers them all.
 */
public interface PersonalData {

    /** The section name in the export, e.g. {@code settings} or {@code checkins}. */
    String section();

    /** Everything this feature stores about the member, in plain values (maps, lists, strings, numbers). */
    Map<String, Object> export(MemberRef member);

    /** Erases everything this feature stores about the member, in every community. */
    void erase(MemberRef member);
}
