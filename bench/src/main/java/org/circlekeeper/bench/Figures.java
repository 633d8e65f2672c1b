package org.circlekeeper.bench;

/**
 * The figures of one run.
 *
 * @param scheduleSeconds    how long putting all the jobs into the store took
 * @param claimedPerSecond   claims (Redis) or trigger firings (Quartz) per second, from start to the last one
 * @param deliveredPerSecond first deliveries per second, from start to the last one
 * @param markerAlreadySet   deliveries whose SET NX marker was already there: a duplicate a platform would see
 */
record Figures(double scheduleSeconds, int jobs, int delivered, int duplicates, int missing, int markerAlreadySet, double claimedPerSecond,
               double deliveredPerSecond, double minLatenessMillis, double p50LatenessMillis, double p99LatenessMillis,
               double maxLatenessMillis) {

    boolean exactlyOnce() {
        return duplicates == 0 && missing == 0 && markerAlreadySet == 0;
    }
}
