/**
 * The fault-injection suite: a program (not a test) that runs two real app processes on one real Redis with a fake
 * Telegram, kills an app with SIGKILL, stalls deliveries past the job lease and kills Redis under check-in load, and
 * prints how many reminders were lost or doubled and how many acknowledged check-ins were lost. {@link
 * org.circlekeeper.fault.FaultSuite} is its entry point.
 */
package org.circlekeeper.fault;
