package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** Each replica's share of Discord's shards: together they cover every shard exactly once. */
class DiscordShardsEnvironmentPostProcessorTest {

    private final DiscordShardsEnvironmentPostProcessor processor = new DiscordShardsEnvironmentPostProcessor();

    @Test
    void everyShardBelongsToExactlyOneReplica() {
        for (int replicas = 1; replicas <= 12; replicas++) {
            for (int total = replicas; total <= 40; total++) {
                List<Integer> covered = new ArrayList<>();
                for (int ordinal = 0; ordinal < replicas; ordinal++) {
                    DiscordShardsEnvironmentPostProcessor.Range range = DiscordShardsEnvironmentPostProcessor.share(total, ordinal, replicas);
                    assertThat(range.max()).as("replica %d of %d with %d shards has one", ordinal, replicas, total)
                            .isGreaterThanOrEqualTo(range.min());
                    for (int shard = range.min(); shard <= range.max(); shard++) {
                        covered.add(shard);
                    }
                }
                assertThat(covered).as("%d shards over %d replicas", total, replicas)
                        .containsExactlyElementsOf(IntStream.range(0, total).boxed().toList());
            }
        }
    }

    @Test
    void aStatefulSetPodGetsItsOrdinalsShare() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("circlekeeper.discord.shards-total", "10")
                .withProperty("circlekeeper.replica.name", "circlekeeper-2")
                .withProperty("circlekeeper.replica.count", "3");
        processor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("circlekeeper.discord.shards")).isEqualTo("6-9");

        DiscordProperties discord = Binder.get(environment.withProperty("circlekeeper.discord.token", "x"))
                .bind("circlekeeper.discord", DiscordProperties.class).get();
        assertThat(discord.shardsTotal()).isEqualTo(10);
        assertThat(discord.shardIds()).as("the Discord adapter reads the range").containsExactly(6, 7, 8, 9);
    }

    @Test
    void anExplicitRangeOrAMissingSettingLeavesEverythingAsItIs() {
        MockEnvironment explicit = new MockEnvironment()
                .withProperty("circlekeeper.discord.shards-total", "10")
                .withProperty("circlekeeper.discord.shards", "0,5")
                .withProperty("circlekeeper.replica.name", "circlekeeper-2")
                .withProperty("circlekeeper.replica.count", "3");
        processor.postProcessEnvironment(explicit, new SpringApplication());
        assertThat(explicit.getProperty("circlekeeper.discord.shards")).isEqualTo("0,5");

        MockEnvironment noReplica = new MockEnvironment().withProperty("circlekeeper.discord.shards-total", "4");
        processor.postProcessEnvironment(noReplica, new SpringApplication());
        assertThat(noReplica.getProperty("circlekeeper.discord.shards")).isNull();
    }

    @Test
    void wrongSettingsStopTheStartWithWhatToFix() {
        assertThatThrownBy(() -> DiscordShardsEnvironmentPostProcessor.share(2, 0, 3)).hasMessageContaining("at least");
        assertThatThrownBy(() -> DiscordShardsEnvironmentPostProcessor.share(8, 3, 3)).hasMessageContaining("whenever you scale");
        assertThatThrownBy(() -> DiscordShardsEnvironmentPostProcessor.ordinal("circlekeeper-7f9c6d-abcde"))
                .hasMessageContaining("metadata.name");
        MockEnvironment notANumber = new MockEnvironment()
                .withProperty("circlekeeper.discord.shards-total", "many")
                .withProperty("circlekeeper.replica.name", "circlekeeper-0")
                .withProperty("circlekeeper.replica.count", "2");
        assertThatThrownBy(() -> processor.postProcessEnvironment(notANumber, new SpringApplication()))
                .hasMessageContaining("circlekeeper.discord.shards-total");
    }
}
