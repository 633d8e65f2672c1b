package org.circlekeeper.core.circle;

import java.util.List;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * The one place that names lib-recur's {@code RecurrenceRule.Part}, after starting {@code RecurrenceRule} itself.
 * The two classes start each other: {@code RecurrenceRule}'s static initialiser builds sets of {@code Part}
 * constants, and {@code Part}'s calls back into {@code RecurrenceRule}. Started from {@code RecurrenceRule} that
 * works; started from {@code Part} (a class that merely lists parts, loaded before any rule was parsed), {@code
 * RecurrenceRule} starts while {@code Part} is half made, fails with an {@link ExceptionInInitializerError}, and
 * every later rule in the JVM fails with a {@link NoClassDefFoundError}.
 */
final class LibRecur {

    static {
        try {
            Class.forName(RecurrenceRule.class.getName(), true, RecurrenceRule.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("lib-recur is on the class path but its RecurrenceRule cannot be loaded", e);
        }
    }

    /** The parts that set a time of day; a meeting's start gives that instead. */
    static final List<RecurrenceRule.Part> TIME_OF_DAY = List.of(RecurrenceRule.Part.BYHOUR, RecurrenceRule.Part.BYMINUTE,
            RecurrenceRule.Part.BYSECOND);

    /** The parts a circle's "when" has no words for; a rule with any of them is shown as the rule itself. */
    static final List<RecurrenceRule.Part> UNDESCRIBED = List.of(RecurrenceRule.Part.BYMONTH, RecurrenceRule.Part.BYWEEKNO,
            RecurrenceRule.Part.BYYEARDAY, RecurrenceRule.Part.BYMONTHDAY, RecurrenceRule.Part.BYSETPOS);

    /** The weekdays of a rule. */
    static final RecurrenceRule.Part BYDAY = RecurrenceRule.Part.BYDAY;

    private LibRecur() {
    }
}
