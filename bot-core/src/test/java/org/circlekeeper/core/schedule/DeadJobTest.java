package org.circlekeeper.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins a buried job's fingerprint: operators match it against the scheduler's log line, which may be older. */
class DeadJobTest {

    @Test
    void aFingerprintIsTheFirstSixteenHexDigitsOfTheIdsSha256() {
        assertThat(DeadJob.fingerprint("broken-1")).isEqualTo("77c00e0ea8bb4368");
        assertThat(DeadJob.fingerprint("circle:remind:discord:42:tuesday:20261201T180000Z:discord:7"))
                .isEqualTo("9799ae41219615da");
    }
}
