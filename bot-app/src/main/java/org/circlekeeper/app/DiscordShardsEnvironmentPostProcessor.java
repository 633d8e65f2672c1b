package org.circlekeeper.app;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Splits Discord's shards across replicas: when {@code circlekeeper.discord.shards-total} and the replica's
 * place ({@code circlekeeper.replica.name}, a StatefulSet pod name ending in its ordinal such as
 * {@code circlekeeper-2}, and {@code circlekeeper.replica.count}) are given, this replica runs the ordinal's
 * contiguous share, set as the Discord adapter's {@code circlekeeper.discord.shards} range ({@code 6-9}),
 * unless that is set explicitly. Every shard then has exactly one replica, so each Discord event arrives once.
 * A replica name without an ordinal, an ordinal outside the count, or fewer shards than replicas stops the
 * start with a message saying which setting to fix.
 */
public class DiscordShardsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String TOTAL = "circlekeeper.discord.shards-total";
    static final String SHARDS = "circlekeeper.discord.shards";
    static final String REPLICA_NAME = "circlekeeper.replica.name";
    static final String REPLICA_COUNT = "circlekeeper.replica.count";

    private static final Pattern ORDINAL = Pattern.compile(".*-(\\d+)");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String total = environment.getProperty(TOTAL);
        String name = environment.getProperty(REPLICA_NAME);
        String count = environment.getProperty(REPLICA_COUNT);
        if (blank(total) || blank(name) || blank(count) || !blank(environment.getProperty(SHARDS))) {
            return;
        }
        Range range = share(number(TOTAL, total), ordinal(name.strip()), number(REPLICA_COUNT, count));
        environment.getPropertySources().addFirst(new MapPropertySource("circlekeeper-discord-shards",
                Map.of(SHARDS, range.min() + "-" + range.max())));
    }

    /** The shards {@code min..max} (inclusive) of one replica. */
    record Range(int min, int max) {
    }

    /** The contiguous share of {@code total} shards that replica {@code ordinal} of {@code replicas} connects. */
    static Range share(int total, int ordinal, int replicas) {
        if (replicas < 1) {
            throw new IllegalStateException(REPLICA_COUNT + " must be at least 1, not " + replicas);
        }
        if (total < replicas) {
            throw new IllegalStateException(TOTAL + " (" + total + ") must be at least " + REPLICA_COUNT + " (" + replicas
                    + "): every replica connects at least one Discord shard");
        }
        if (ordinal >= replicas) {
            throw new IllegalStateException("this replica's ordinal " + ordinal + " is not below " + REPLICA_COUNT + " ("
                    + replicas + "): set " + REPLICA_COUNT + " to the StatefulSet's replicas whenever you scale it");
        }
        long from = (long) ordinal * total / replicas;
        long to = (long) (ordinal + 1) * total / replicas - 1;
        return new Range((int) from, (int) to);
    }

    static int ordinal(String replicaName) {
        Matcher matcher = ORDINAL.matcher(replicaName);
        if (!matcher.matches()) {
            throw new IllegalStateException(REPLICA_NAME + " '" + replicaName
                    + "' does not end in -<ordinal>: give it the StatefulSet pod's name (metadata.name)");
        }
        return number(REPLICA_NAME, matcher.group(1));
    }

    private static int number(String property, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + " must be a whole number of 0 or more, not '" + value + "'");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
