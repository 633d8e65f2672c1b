/**
 * Circles and their reminders: organisers plan a community's meetings (one-off or recurring by
 * RFC 5545 rules, with skips, moves and cancellation), members see what is next, say whether they
 * come and choose private reminders, reminders go out once through the job queue, and the whole
 * schedule exports as iCalendar. Occurrences are computed by lib-recur on floating local times and
 * placed in their zone by {@code java.time}, so a 19:00 circle stays at 19:00 across DST changes.
 */
package org.circlekeeper.core.circle;
