package org.circlekeeper.core.circle;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;

/**
 * How a circle repeats: once, or by an RFC 5545 rule with an optional end. The rule is kept without
 * COUNT or UNTIL (the end says those), so it can be iterated on floating local times and exported
 * with an UNTIL in UTC as RFC 5545 asks.
 */
public sealed interface Recurrence {

    /** A single meeting at the schedule's start. */
    record Once() implements Recurrence {
    }

    /**
     * A rule such as {@code FREQ=WEEKLY;BYDAY=TU,TH}, in lib-recur's canonical form.
     *
     * @param end when the series stops
     */
    record Repeating(String rule, End end) implements Recurrence {

        /** Meetings repeat by the day at the most often; the time of day comes from the start. */
        static final Set<Freq> FREQUENCIES = Set.of(Freq.DAILY, Freq.WEEKLY, Freq.MONTHLY, Freq.YEARLY);
        static final int MAX_INTERVAL = 99;

        public Repeating {
            Objects.requireNonNull(end, "end");
            rule = parse(rule).toString();
        }

        /** The rule as lib-recur reads it, with its end applied for floating local iteration. */
        RecurrenceRule toRule() {
            RecurrenceRule parsed = parse(rule);
            if (end instanceof End.After after) {
                parsed.setCount(after.times());
            } else if (end instanceof End.Until until) {
                LocalDate day = until.date();
                parsed.setUntil(new DateTime(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth(), 23, 59, 59));
            }
            return parsed;
        }

        /**
         * Parses a rule strictly and checks it suits a meeting: a daily to yearly frequency, no
         * BYHOUR/BYMINUTE/BYSECOND (the start gives the time), no COUNT or UNTIL (the end gives those).
         *
         * @throws IllegalArgumentException with the reason, when the rule is not acceptable
         */
        static RecurrenceRule parse(String rule) {
            if (rule == null || rule.isBlank()) {
                throw new IllegalArgumentException("a repeating circle needs a rule");
            }
            RecurrenceRule parsed;
            try {
                parsed = new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            } catch (InvalidRecurrenceRuleException | RuntimeException e) {
                throw new IllegalArgumentException("not an RFC 5545 rule: " + e.getMessage(), e);
            }
            if (!FREQUENCIES.contains(parsed.getFreq())) {
                throw new IllegalArgumentException("a circle repeats daily, weekly, monthly or yearly, not " + parsed.getFreq());
            }
            for (RecurrenceRule.Part part : LibRecur.TIME_OF_DAY) {
                if (parsed.hasPart(part)) {
                    throw new IllegalArgumentException("the start gives the time of day, so " + part + " is not used");
                }
            }
            if (parsed.getCount() != null || parsed.getUntil() != null) {
                throw new IllegalArgumentException("COUNT and UNTIL belong to the end, not the rule");
            }
            if (parsed.getInterval() > MAX_INTERVAL) {
                throw new IllegalArgumentException("an interval above " + MAX_INTERVAL + " is not a circle");
            }
            return parsed;
        }
    }

    /** When a repeating series stops. */
    sealed interface End {

        /** It goes on until it is cancelled. */
        record Never() implements End {
        }

        /** After this many meetings (skipped ones count, as in RFC 5545). */
        record After(int times) implements End {
            public After {
                if (times < 1 || times > 1000) {
                    throw new IllegalArgumentException("a series ends after 1 to 1000 meetings");
                }
            }
        }

        /** On this local date, its last meeting included. */
        record Until(LocalDate date) implements End {
            public Until {
                Objects.requireNonNull(date, "date");
            }
        }
    }
}
