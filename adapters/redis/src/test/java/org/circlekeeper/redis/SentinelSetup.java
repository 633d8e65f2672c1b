package org.circlekeeper.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/**
 * Real redis-server processes on 127.0.0.1, started from the binary embedded-redis ships: a primary, two replicas and
 * three sentinels monitoring them (quorum 2, a node down after 1 s), the data nodes and the sentinels each with their
 * own password. {@link #killPrimary()} sends SIGKILL. For the Sentinel tests; close it to stop every process.
 */
final class SentinelSetup implements AutoCloseable {

    static final String MASTER = "circlekeeper";
    static final String DATA_PASSWORD = "data-" + EmbeddedRedis.newPassword();
    static final String SENTINEL_PASSWORD = "sentinel-" + EmbeddedRedis.newPassword();
    private static final Duration READY = Duration.ofSeconds(60);

    private final Path dir;
    private final File executable;
    private final List<Process> processes = new ArrayList<>();
    private final int primaryPort;
    private final List<Integer> replicaPorts;
    private final List<Integer> sentinelPorts = new ArrayList<>();
    private Process primary;

    private SentinelSetup(Path dir) throws IOException {
        this.dir = dir;
        this.executable = ExecutableProvider.newJarResourceProvider().get();
        this.primaryPort = freePort();
        this.replicaPorts = List.of(freePort(), freePort());
    }

    /** Starts the primary, the replicas and the sentinels, and returns once the sentinels see every node and each other. */
    static SentinelSetup start(Path dir) throws IOException {
        SentinelSetup setup = new SentinelSetup(dir);
        try {
            setup.primary = setup.dataNode("primary", setup.primaryPort, "");
            for (int i = 0; i < setup.replicaPorts.size(); i++) {
                int port = setup.replicaPorts.get(i);
                setup.dataNode("replica" + (i + 1), port, "replicaof 127.0.0.1 " + setup.primaryPort + "\n");
                await("replica " + (i + 1) + " is in sync with the primary", () -> setup.info(port, "replication")
                        .contains("master_link_status:up"));
            }
            for (int i = 1; i <= 3; i++) {
                setup.sentinel("sentinel" + i, freePort());
            }
            await("every sentinel knows both replicas and the two other sentinels", () -> setup.sentinelPorts.stream().allMatch(port -> {
                Map<String, String> master = setup.sentinelCall(port, jedis -> jedis.sentinelMaster(MASTER));
                return master != null && "2".equals(master.get("num-slaves")) && "2".equals(master.get("num-other-sentinels"));
            }));
            return setup;
        } catch (RuntimeException | IOException e) {
            setup.close();
            throw e;
        }
    }

    /** Where the stores find the primary: the three sentinels, both passwords. */
    RedisSentinel target() {
        return new RedisSentinel(MASTER, sentinelPorts.stream().map(port -> new HostAndPort("127.0.0.1", port)).toList(),
                null, DATA_PASSWORD, null, SENTINEL_PASSWORD, 0, false);
    }

    /** The append-only file of the node started as {@code name} ({@code primary}, {@code replica1}, {@code replica2}). */
    Path appendOnlyFile(String name) {
        return dir.resolve(name).resolve("appendonly.aof");
    }

    int primaryPort() {
        return primaryPort;
    }

    List<Integer> replicaPorts() {
        return replicaPorts;
    }

    /** SIGKILL to the primary: no shutdown, nothing more written or sent to the replica. */
    void killPrimary() throws InterruptedException {
        primary.destroyForcibly();
        primary.waitFor();
    }

    /**
     * SIGSTOP to the primary, as a network partition looks to its clients: its sockets stay open and nothing comes
     * back on them, so only a timeout or the sentinels' news tells a client it is gone. {@link #close()} still ends it.
     */
    void freezePrimary() throws IOException, InterruptedException {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(primary.pid())).inheritIO().start();
        if (stop.waitFor() != 0) {
            throw new IllegalStateException("kill -STOP " + primary.pid() + " failed");
        }
    }

    private Process dataNode(String name, int port, String extra) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        String conf = common(port, home) + "requirepass " + DATA_PASSWORD + "\nmasterauth " + DATA_PASSWORD + "\n"
                + "appendonly yes\nappendfsync everysec\naof-use-rdb-preamble no\nsave \"\"\n" + extra;
        Process process = launch(name, conf, List.of());
        await(name + " answers PING", () -> "PONG".equals(call(port, DATA_PASSWORD, Jedis::ping)));
        return process;
    }

    private void sentinel(String name, int port) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        String conf = common(port, home)
                + "requirepass " + SENTINEL_PASSWORD + "\n"
                + "sentinel sentinel-pass " + SENTINEL_PASSWORD + "\n"
                + "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2\n"
                + "sentinel auth-pass " + MASTER + " " + DATA_PASSWORD + "\n"
                + "sentinel down-after-milliseconds " + MASTER + " 1000\n"
                + "sentinel failover-timeout " + MASTER + " 10000\n"
                + "sentinel parallel-syncs " + MASTER + " 1\n";
        launch(name, conf, List.of("--sentinel"));
        sentinelPorts.add(port);
        await(name + " answers PING", () -> "PONG".equals(call(port, SENTINEL_PASSWORD, Jedis::ping)));
    }

    private static String common(int port, Path home) {
        return "port " + port + "\nbind 127.0.0.1\nprotected-mode yes\ndaemonize no\ndir \"" + home + "\"\n";
    }

    private Process launch(String name, String conf, List<String> flags) throws IOException {
        // a sentinel rewrites its configuration file, so each gets its own, writable
        Path file = dir.resolve(name + ".conf");
        Files.writeString(file, conf);
        List<String> command = new ArrayList<>(List.of(executable.getAbsolutePath(), file.toString()));
        command.addAll(flags);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    /** The {@code INFO} section of the data node on {@code port}, or "" when it does not answer. */
    String info(int port, String section) {
        String info = call(port, DATA_PASSWORD, jedis -> jedis.info(section));
        return info == null ? "" : info;
    }

    /** What {@code work} answers on a fresh connection to the sentinel on {@code port}, or null when it does not answer. */
    <T> T sentinelCall(int port, Function<Jedis, T> work) {
        return call(port, SENTINEL_PASSWORD, work);
    }

    List<Integer> sentinelPorts() {
        return sentinelPorts;
    }

    private static <T> T call(int port, String password, Function<Jedis, T> work) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().password(password)
                .connectionTimeoutMillis(1_000).socketTimeoutMillis(5_000).build();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            return work.apply(jedis);
        } catch (JedisException e) {
            return null;
        }
    }

    /** Waits (up to a minute, for a loaded machine) until {@code condition} holds. */
    static void await(String what, BooleanSupplier condition) {
        await(what, READY, condition);
    }

    /** Waits up to {@code max} until {@code condition} holds. */
    static void await(String what, Duration max, BooleanSupplier condition) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + max.toSeconds() + " s and still not: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting until " + what, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
