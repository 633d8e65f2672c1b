package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins a delivery's Redis key: a change would forget every delivery already recorded and send it twice. */
class RedisDeliveryLogKeyTest {

    @Test
    void aDeliverysKeyIsTheHexSha256OfItsIdAndTarget() {
        assertThat(RedisDeliveryLog.key("job-1|discord:7"))
                .isEqualTo("ck:delivery:168fb72ed9ce9a621f987dd521da1b0f4383f5a19db9cd01f46bffcb147e8059");
        assertThat(RedisDeliveryLog.key("circle:remind:x|telegram:-100"))
                .isEqualTo("ck:delivery:de1d03b302518b7d947599e62d52df689b66ab0bb0e420ca0e4967e567d852bb");
    }
}
