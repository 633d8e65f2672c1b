/**
 * Time and due work: the {@link org.circlekeeper.core.schedule.JobQueue} port (durable due jobs,
 * claimed atomically so each runs once across replicas), the {@link org.circlekeeper.core.schedule.Scheduler}
 * that dispatches due jobs to the features' handlers, and the virtual clock of the console and tests.
 */
package org.circlekeeper.core.schedule;
