/**
 * Check-ins: a member's mood on a 1–5 scale with an optional private note (sealed with AES-GCM),
 * an optional line shared with the group only after the member saw it, prompts at each member's
 * local time through the job queue, the member's own history (a chart, streaks, gentle milestones
 * and their journey), the organisers' aggregate pulse, and a kind reply with crisis lines when a
 * check-in is low. Everything about a member's check-ins is answered privately.
 */
package org.circlekeeper.core.checkin;
