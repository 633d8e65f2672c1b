package org.circlekeeper.fault;

import java.util.List;

/**
 * One scenario's line of the result table; a count that does not apply to the scenario is null (printed as "-").
 *
 * @param notes what was done and seen, printed under the table (exit codes, timings, side counts)
 */
record Row(String scenario, int expected, int delivered, Integer lost, Integer doubled, Integer acknowledgedButLost,
           List<String> notes) {

    /** True when every count that applies is 0. */
    boolean clean() {
        return zero(lost) && zero(doubled) && zero(acknowledgedButLost);
    }

    private static boolean zero(Integer count) {
        return count == null || count == 0;
    }
}
