package org.circlekeeper.core.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One meeting's details as the organisers' page shows them, in the reader's language and zone.
 *
 * @param time        the meeting's date, start and end in the reader's zone, as text
 * @param schedule    when the circle meets, as markup ({@code /circle show}'s words)
 * @param place       where, as markup
 * @param format      the share format its sessions run, as text
 * @param description the organisers' description (member-written plain text), or empty
 * @param month       the month the meeting falls in, for the way back
 * @param date        the meeting's date in its circle's own calendar: the date {@code /circle skip} and
 *                    {@code /circle reschedule} take for it
 */
public record MeetingDetails(String circleId, String circleName, String time, boolean moved, String schedule, String place,
                             String format, String description, int coming, int maybe, int notComing, YearMonth month,
                             LocalDate date) {
}
