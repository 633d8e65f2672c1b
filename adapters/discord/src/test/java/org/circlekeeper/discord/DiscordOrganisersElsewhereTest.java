package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link DiscordOrganisersTest} on a replica that runs only shard 1 of 2, while the server is on shard 0
 * ({@link FakeDiscord#shardOf}): the server is not in this replica's cache, so the role is decided through the REST
 * API alone ("Get Guild Member" and "Get Guild"), with the same answers.
 */
class DiscordOrganisersElsewhereTest extends DiscordOrganisersTest {

    @Override
    DiscordSettings settings(FakeDiscord discord) {
        if (FakeDiscord.shardOf(FakeDiscord.GUILD, 2) != 0) {
            throw new IllegalStateException("the fake's server moved to another shard; this test needs it on shard 0");
        }
        return new DiscordSettings(FakeDiscord.TOKEN, 2, List.of(1), List.of(), Map.of(FakeDiscord.GUILD, FakeDiscord.HOST_ROLE),
                false, discord.restBase(), 2);
    }

    @Override
    boolean serverInCache() {
        return false;
    }

    @Test
    void theServerIsReadThroughGetGuild() {
        discord.memberRoles(FakeDiscord.GUILD, MANAGER, FakeDiscord.ORGANISER_ROLE);
        assertThat(adapter.organiserCheck().ask(SERVER, new MemberRef(Platform.DISCORD, MANAGER, "m")))
                .isEqualTo(OrganiserCheck.Answer.ORGANISER);
        assertThat(discord.requests()).anyMatch(r -> r.method().equals("GET") && r.path().equals("/guilds/" + FakeDiscord.GUILD));
    }
}
