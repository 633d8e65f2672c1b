package org.circlekeeper.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/**
 * A real Redis Cluster of three primaries on 127.0.0.1, started from the redis-server binary embedded-redis ships
 * ({@code cluster-enabled yes}), joined and given the 16,384 hash slots in three ranges from Java ({@code CLUSTER MEET},
 * {@code CLUSTER ADDSLOTS}, as the "Redis cluster specification" and "Scale with Redis Cluster" tutorial of the
 * Redis documentation describe; no redis-cli needed). Every node asks for one password. Close it to stop them. Public
 * for the benchmarks (bench uses this test jar).
 */
public final class ClusterSetup implements AutoCloseable {

    /** The one password every node asks for. */
    public static final String PASSWORD = "cluster-" + EmbeddedRedis.newPassword();
    /** The last hash slot; a cluster has 16,384. */
    private static final int LAST_SLOT = 16_383;

    private final Path dir;
    private final File executable;
    private final List<Process> processes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private final boolean appendOnly;

    private ClusterSetup(Path dir, boolean appendOnly) throws IOException {
        this.dir = dir;
        this.appendOnly = appendOnly;
        this.executable = ExecutableProvider.newJarResourceProvider().get();
    }

    /** Starts the primaries, joins them and returns once every node sees the cluster {@code ok} with all of them. */
    public static ClusterSetup start(Path dir, int primaries) throws IOException {
        return start(dir, primaries, false);
    }

    /**
     * Starts the primaries, each with an append-only file ({@code appendfsync everysec}, as production and
     * {@link EmbeddedRedis}) when {@code appendOnly}, joins them and returns once every node sees the cluster {@code ok}.
     */
    public static ClusterSetup start(Path dir, int primaries, boolean appendOnly) throws IOException {
        ClusterSetup setup = new ClusterSetup(dir, appendOnly);
        try {
            for (int i = 0; i < primaries; i++) {
                setup.node("node" + (i + 1), clusterFreePort());
            }
            int first = setup.ports.get(0);
            for (int port : setup.ports.subList(1, setup.ports.size())) {
                command(first, jedis -> jedis.clusterMeet("127.0.0.1", port));
            }
            int per = (LAST_SLOT + 1) / primaries;
            for (int i = 0; i < primaries; i++) {
                int from = i * per;
                int to = i == primaries - 1 ? LAST_SLOT : from + per - 1;
                // CLUSTER ADDSLOTSRANGE is Redis 7's; the shipped 6.2 takes the slots one by one
                command(setup.ports.get(i), jedis -> jedis.clusterAddSlots(IntStream.rangeClosed(from, to).toArray()));
            }
            SentinelSetup.await("every node sees the cluster ok, with " + primaries + " primaries", () -> setup.ports.stream()
                    .allMatch(port -> {
                        String info = call(port, Jedis::clusterInfo);
                        return info != null && info.contains("cluster_state:ok")
                                && info.contains("cluster_known_nodes:" + primaries) && info.contains("cluster_size:" + primaries);
                    }));
            return setup;
        } catch (RuntimeException | IOException e) {
            setup.close();
            throw e;
        }
    }

    /** The seed nodes and the password: every node, though one would do. */
    public RedisCluster target() {
        return new RedisCluster(ports.stream().map(port -> new HostAndPort("127.0.0.1", port)).toList(), null, PASSWORD, false);
    }

    /** SIGKILL to the node on {@code port}: no shutdown, its slots unserved until it is back (it has no replica). */
    public void kill(int port) throws InterruptedException {
        Process process = processes.get(ports.indexOf(port));
        process.destroyForcibly();
        process.waitFor();
    }

    /** The nodes' ports on 127.0.0.1. */
    public List<Integer> ports() {
        return ports;
    }

    private void node(String name, int port) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        String conf = "port " + port + "\nbind 127.0.0.1\nprotected-mode yes\ndaemonize no\ndir \"" + home + "\"\n"
                + "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 5000\n"
                + "requirepass " + PASSWORD + "\nmasterauth " + PASSWORD + "\nsave \"\"\n"
                + (appendOnly ? "appendonly yes\nappendfsync everysec\naof-use-rdb-preamble no\n" : "appendonly no\n");
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, conf);
        Process process = new ProcessBuilder(executable.getAbsolutePath(), file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        ports.add(port);
        SentinelSetup.await(name + " answers PING", () -> "PONG".equals(call(port, Jedis::ping)));
    }

    /** What {@code work} answers on the node on {@code port}; a refusal is thrown, since the cluster cannot form without it. */
    private static <T> T command(int port, Function<Jedis, T> work) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().password(PASSWORD)
                .connectionTimeoutMillis(1_000).socketTimeoutMillis(5_000).build();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            return work.apply(jedis);
        }
    }

    /** What {@code work} answers on the node on {@code port}, or null when it does not answer (yet). */
    private static <T> T call(int port, Function<Jedis, T> work) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().password(PASSWORD)
                .connectionTimeoutMillis(1_000).socketTimeoutMillis(5_000).build();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            return work.apply(jedis);
        } catch (JedisException e) {
            return null;
        }
    }

    /** A free port whose cluster bus port (the port + 10,000) is free too. */
    private static int clusterFreePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port + 10_000 <= 65_535 && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("found no free port pair (port, port + 10000) for a cluster node");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
