package org.circlekeeper.core.dashboard;

import java.util.List;

/**
 * The organisers' trends page as the core computes it, in the reader's language and zone: the group's pulse over the
 * last closed weeks, how many joined each recent share circle, and the share circles' counts. Every figure from people
 * is under the floor of {@code floor} people; a row under it is not {@code shown} and carries zeros, never a figure.
 *
 * @param floor   the fewest people a figure is shown from ({@code /pulse}'s own floor)
 * @param choices the community's running circles, to narrow the share circles to one
 * @param chosen  the id of the circle the share circles are narrowed to, or empty for all
 */
public record TrendsView(int floor, List<PulseWeek> weeks, List<CircleChoice> choices, String chosen, List<ShareCircle> circles,
                         ShareTotals totals) {

    public TrendsView {
        weeks = List.copyOf(weeks);
        choices = List.copyOf(choices);
        circles = List.copyOf(circles);
    }

    /** A scheduled circle the share circles can be narrowed to (its id and name, as {@code /circles} names it). */
    public record CircleChoice(String id, String name) {
    }

    /**
     * One closed week's pulse, as {@code /pulse} gives it.
     *
     * @param label       the week, e.g. "Nov 23, 2026 – Nov 29, 2026"
     * @param shortLabel  the week's Monday, short, e.g. "23/11" (under its bar)
     * @param average     the mean mood, 1 to 5
     * @param averageText the mean mood as chat writes it ("3.4")
     * @param spread      one text per mood, lightest first ("😊 Good: 3")
     */
    public record PulseWeek(String label, String shortLabel, boolean shown, int checkins, double average, String averageText,
                            List<String> spread) {
        public PulseWeek {
            spread = List.copyOf(spread);
        }
    }

    /**
     * One ended share circle in counts, oldest first.
     *
     * @param date      the day it started, in the reader's zone
     * @param shortDate the same, short (under its bar)
     * @param format    the name of the format it ran
     * @param minutes   how long it ran
     */
    public record ShareCircle(String date, String shortDate, String format, long minutes, boolean shown, int joined, int shares,
                              int passes, int anonymous) {
    }

    /**
     * The counts of the share circles listed: how many were held, and the sums over those shown (with at least the
     * floor of people).
     */
    public record ShareTotals(int held, int shown, int shares, int passes, int anonymous) {
    }
}
