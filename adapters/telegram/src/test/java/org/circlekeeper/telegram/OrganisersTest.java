package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.OLGA;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.RealRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's role from the administrators an update's claim read ahead ({@link UpdateClaims}): used as read, with no
 * further look-up, unless the group's administrators changed after the read, when the list is asked for again. The real
 * TelegramBots library against the fake Bot API, with a real Redis.
 */
class OrganisersTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef THE_GROUP = new CommunityRef(Platform.TELEGRAM, Long.toString(GROUP));

    private TelegramFixture telegram;

    @AfterEach
    void stop() {
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void aListReadAheadIsUsedAsReadUnlessTheAdministratorsChangedSince() throws Exception {
        telegram = TelegramFixture.longPolling(REDIS.connection());
        Organisers organisers = new Organisers(telegram.connection.api(), telegram.connection.state().roles(), Duration.ofMinutes(10));
        String olga = Long.toString(OLGA);
        UpdateClaims.Prefetched readAhead = new UpdateClaims.Prefetched(Optional.of(Set.of("900", olga)), organisers.changes(),
                Optional.empty());

        assertThat(organisers.roleIn(THE_GROUP, olga, readAhead)).isEqualTo(Role.ORGANISER);
        assertThat(telegram.fake.calls("getChatAdministrators")).as("no look-up beside the read").isEmpty();

        // Olga is demoted after the claim read the list; the change is reported (chat_member) before the update is handled
        telegram.fake.admins(GROUP, 900L);
        organisers.changed(THE_GROUP);

        assertThat(organisers.roleIn(THE_GROUP, olga, readAhead)).as("the list read before the change is not used").isEqualTo(Role.MEMBER);
        assertThat(telegram.fake.calls("getChatAdministrators")).hasSize(1);
        assertThat(organisers.roleIn(THE_GROUP, olga, UpdateClaims.Prefetched.NOTHING)).isEqualTo(Role.MEMBER);
    }
}
