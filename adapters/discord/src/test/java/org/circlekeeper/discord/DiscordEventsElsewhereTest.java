package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@link DiscordEventsTest} on a replica that runs only shard 1 of 2, while the server is on shard 0
 * ({@link FakeDiscord#shardOf}): the server is not in this replica's cache, so its Events are kept through the REST API
 * alone ({@link RemoteGuildEvents}), with the same events as a replica that holds the server makes.
 */
class DiscordEventsElsewhereTest extends DiscordEventsTest {

    @Override
    DiscordSettings settings(FakeDiscord discord) {
        if (FakeDiscord.shardOf(FakeDiscord.GUILD, 2) != 0) {
            throw new IllegalStateException("the fake's server moved to another shard; this test needs it on shard 0");
        }
        return new DiscordSettings(FakeDiscord.TOKEN, 2, List.of(1), List.of(), Map.of(), false, discord.restBase(), 2);
    }

    @Test
    void theServerIsNotInThisReplicasCacheSoItsEventsGoThroughRestAlone() throws Exception {
        assertThat(adapter.shardManager().getGuildById(FakeDiscord.GUILD)).isNull();
        String id = createCircle("Elsewhere circle");
        assertThat(discord.scheduledEvents()).containsKey(id);
        assertThat(discord.requests()).as("the server's channels read through REST")
                .anyMatch(r -> r.method().equals("GET") && r.path().equals("/guilds/" + FakeDiscord.GUILD + "/channels"));
    }

    @Test
    void theServersOrganisersAreFoundThroughRestToo() {
        assertThat(adapter.messenger().organisersOf(new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD)))
                .as("the owner's direct messages, from Get Guild")
                .containsExactly(new Target.Member(new MemberRef(Platform.DISCORD, "999999999999999999", null)));
        assertThat(adapter.messenger().organisersOf(new CommunityRef(Platform.DISCORD, "100000000000000999")))
                .as("a server the bot is not in").isEmpty();
    }
}
