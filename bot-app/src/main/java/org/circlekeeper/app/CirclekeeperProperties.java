package org.circlekeeper.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of circlekeeper, under {@code circlekeeper.*} (or the matching environment variable,
 * e.g. {@code CIRCLEKEEPER_REDIS_URL}). The README's configuration reference lists them all.
 */
@ConfigurationProperties("circlekeeper")
public record CirclekeeperProperties(
        @DefaultValue Redis redis,
        @DefaultValue Defaults defaults,
        @DefaultValue Templates templates,
        @DefaultValue Console console,
        @DefaultValue Web web,
        @DefaultValue Security security,
        @DefaultValue Checkins checkins,
        @DefaultValue Communities communities) {

    /**
     * Where state lives: one Redis node ({@code url}), a primary monitored by Redis Sentinel ({@code sentinel}), a Redis
     * Cluster ({@code cluster}), or, with none of them, an embedded Redis.
     *
     * @param url                  a Redis URL ({@code redis://host:6379/0}, {@code rediss://…} for TLS); empty (and no
     *                             Sentinel master, no cluster nodes) starts an embedded Redis
     * @param sentinel             a Sentinel-monitored primary instead of one node
     * @param cluster              a Redis Cluster instead of one node
     * @param erasureFlushInterval the least time between two rewrites of Redis's files after erasures: an erased
     *                             member leaves the files on disk within it (plus a minute and the rewrite's time)
     */
    public record Redis(@DefaultValue("") String url, @DefaultValue Sentinel sentinel, @DefaultValue Cluster cluster,
                        @DefaultValue Embedded embedded, @DefaultValue("1h") Duration erasureFlushInterval) {
        public Redis {
            if (erasureFlushInterval.isNegative() || erasureFlushInterval.isZero()) {
                throw new IllegalArgumentException("circlekeeper.redis.erasure-flush-interval must be positive, not "
                        + erasureFlushInterval);
            }
            int shapes = (url != null && !url.isBlank() ? 1 : 0) + (sentinel.wanted() ? 1 : 0) + (cluster.wanted() ? 1 : 0);
            if (shapes > 1) {
                throw new IllegalArgumentException("set one of circlekeeper.redis.url (one Redis node), "
                        + "circlekeeper.redis.sentinel.master (a Sentinel-monitored primary) and circlekeeper.redis.cluster.nodes "
                        + "(a Redis Cluster), not several");
            }
        }

        public boolean embeddedWanted() {
            return (url == null || url.isBlank()) && !sentinel.wanted() && !cluster.wanted();
        }
    }

    /**
     * A Redis primary that Redis Sentinel monitors and fails over; the bot asks the sentinels where it is and follows
     * them to a new one by itself.
     *
     * @param master           the name the sentinels monitor the primary under; empty for no Sentinel
     * @param nodes            the sentinels, {@code host:port,host:port} (port 26379 when left out)
     * @param user             the data nodes' ACL user; empty for the default user
     * @param password         the data nodes' password; empty for none
     * @param sentinelUser     the sentinels' ACL user; empty for the default user
     * @param sentinelPassword the sentinels' own password (Sentinel's {@code requirepass}), which may differ from the
     *                         data nodes'; empty for none
     * @param database         the logical database on the primary
     * @param tls              TLS to the sentinels and the data nodes, certificates and host names checked
     * @param acknowledgeReplicas how many replicas must have a check-in or an erasure before the bot confirms it
     *                         ({@code WAIT}); 0 to confirm once the primary has it
     * @param acknowledgeTimeout how long such a write waits for them at most; after it the write stands on the primary
     */
    public record Sentinel(@DefaultValue("") String master, @DefaultValue("") String nodes, @DefaultValue("") String user,
                           @DefaultValue("") String password, @DefaultValue("") String sentinelUser,
                           @DefaultValue("") String sentinelPassword, @DefaultValue("0") int database,
                           @DefaultValue("false") boolean tls, @DefaultValue("1") int acknowledgeReplicas,
                           @DefaultValue("500ms") Duration acknowledgeTimeout) {
        public Sentinel {
            if (acknowledgeReplicas < 0) {
                throw new IllegalArgumentException("circlekeeper.redis.sentinel.acknowledge-replicas is 0 or more, not "
                        + acknowledgeReplicas);
            }
            if (acknowledgeReplicas > 0 && acknowledgeTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("circlekeeper.redis.sentinel.acknowledge-timeout must be a millisecond or "
                        + "more while acknowledge-replicas is above 0, not " + acknowledgeTimeout);
            }
            if ((master == null || master.isBlank()) && nodes != null && !nodes.isBlank()) {
                throw new IllegalArgumentException("circlekeeper.redis.sentinel.nodes is set but not "
                        + "circlekeeper.redis.sentinel.master, the name the sentinels monitor the primary under");
            }
        }

        /** True when a master name is set. */
        public boolean wanted() {
            return master != null && !master.isBlank();
        }
    }

    /**
     * A Redis Cluster: the bot asks the seed nodes for the slot map and sends each piece of work to the primary serving
     * its keys' slot (every community's and every member's keys share a hash tag), following the map as it changes.
     *
     * @param nodes    some of the cluster's nodes, {@code host:port,host:port} (port 6379 when left out); empty for no
     *                 cluster
     * @param user     the nodes' ACL user; empty for the default user
     * @param password the nodes' password; empty for none
     * @param tls      TLS to every node, certificates and host names checked
     */
    public record Cluster(@DefaultValue("") String nodes, @DefaultValue("") String user, @DefaultValue("") String password,
                          @DefaultValue("false") boolean tls) {
        /** True when seed nodes are set. */
        public boolean wanted() {
            return nodes != null && !nodes.isBlank();
        }
    }

    /**
     * The embedded Redis used when no URL is configured.
     *
     * @param dataDir where it keeps its append-only file, so data survives a restart
     * @param port    its port on 127.0.0.1; 0 picks a free one
     */
    public record Embedded(@DefaultValue("./data/redis") Path dataDir, @DefaultValue("6390") int port) {
    }

    /** The language and time zone for members and communities that set none. */
    public record Defaults(@DefaultValue("en") Locale locale, @DefaultValue("UTC") ZoneId zone) {
    }

    /** A folder whose {@code messages/<lang>.yml} files replace shipped texts key by key; empty for none. */
    public record Templates(Path overrideDir) {
    }

    /**
     * The terminal adapter, the default when no chat platform is configured.
     *
     * @param enabled   whether to run it; unset means "while no chat platform is configured"
     * @param community the id of the console's one community
     * @param script    a file of console lines to run instead of reading standard input
     */
    public record Console(Boolean enabled, @DefaultValue("local") String community, Path script) {
    }

    /**
     * Secrets of the deployment.
     *
     * @param noteKey the key that seals check-in notes: 32 random bytes in base64 ({@code openssl rand -base64 32}),
     *                the same on every replica; empty with the embedded Redis makes one in {@code note.key} beside
     *                its data folder, and is refused with an external Redis
     */
    public record Security(String noteKey) {
        @Override
        public String toString() {
            return "Security[noteKey=" + (noteKey == null || noteKey.isBlank() ? "none" : "(set)") + "]";
        }
    }

    /**
     * Check-ins.
     *
     * @param retention how long check-ins, notes and journey marks are kept (28 days to 3 years)
     */
    public record Checkins(@DefaultValue("180d") Duration retention) {
    }

    /**
     * Communities the bot serves.
     *
     * @param keptAfterRemoval how long a group's or server's data is kept after the platform says the bot was removed
     *                         from it (not an outage): added back within it, everything carries on; after it,
     *                         everything the community owns is erased (at least a minute)
     */
    public record Communities(@DefaultValue("30d") Duration keptAfterRemoval) {
        public Communities {
            if (keptAfterRemoval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("circlekeeper.communities.kept-after-removal must be at least a minute, not "
                        + keptAfterRemoval);
            }
        }
    }

    /**
     * The optional web port for the health endpoint, Telegram's webhook, calendar feeds and the organisers' page.
     *
     * @param port      empty for no web server at all
     * @param publicUrl where members reach the web port from outside ({@code https://bot.example.org}); the organisers'
     *                  page is on only with both this and a port
     */
    public record Web(Integer port, String publicUrl) {
    }
}
