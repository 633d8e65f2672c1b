package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The webhook's capped read: a body up to the cap is read whole, one byte more is refused, and no more than that is read. */
class TelegramWebhookControllerTest {

    @Test
    void aBodyUpToTheCapIsReadWholeAndOneByteMoreIsRefused() throws Exception {
        byte[] exact = new byte[20_000];
        exact[19_999] = 7;
        assertThat(TelegramWebhookController.readAtMost(new ByteArrayInputStream(exact), 20_000)).isEqualTo(exact);
        assertThat(TelegramWebhookController.readAtMost(new ByteArrayInputStream(new byte[20_001]), 20_000)).isNull();
        assertThat(TelegramWebhookController.readAtMost(new ByteArrayInputStream(new byte[0]), 20_000)).isEmpty();
    }

    @Test
    void anEndlessStreamIsReadOnlyJustPastTheCap() throws Exception {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                return len;
            }
        };
        assertThat(TelegramWebhookController.readAtMost(endless, 100_000)).isNull();
        assertThat(served[0]).isGreaterThan(100_000).isLessThanOrEqualTo(100_001);
    }
}
