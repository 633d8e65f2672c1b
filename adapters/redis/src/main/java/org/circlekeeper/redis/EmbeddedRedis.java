package org.circlekeeper.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A real redis-server started on this machine, for when no Redis URL is configured and for tests: the
 * {@code redis-server} that embedded-redis ships (or one given), bound to 127.0.0.1 only, keeping its data
 * as an append-only file in a directory of ours so that it survives a restart.
 *
 * <p>{@link #start} returns once the server answers PING. One data directory serves one server at a time
 * (a lock file in it says so), so two bots started side by side cannot corrupt each other's data.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    /** The only address the server listens on. */
    public static final String HOST = "127.0.0.1";
    /** The lock file kept in the data directory while a server uses it. */
    public static final String LOCK_FILE = "embedded-redis.lock";

    private static final Duration READY_WAIT = Duration.ofSeconds(10);
    private static final int FREE_PORT_ATTEMPTS = 3;
    private static final int STARTUP_OUTPUT_LIMIT = 4_000;
    private static final Object EXTRACTION = new Object();
    private static File bundledExecutable;

    private final RedisServer server;
    private final int port;
    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private EmbeddedRedis(RedisServer server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the redis-server that embedded-redis ships for this system.
     *
     * @param port    the port on 127.0.0.1, or 0 for a free one
     * @param dataDir where the append-only file is kept; made when missing
     * @throws IllegalStateException when the port is taken, the directory is in use or the server does not start
     */
    public static EmbeddedRedis start(int port, Path dataDir) {
        return startWith(port, dataDir, EmbeddedRedis::bundledExecutable);
    }

    /**
     * Starts the given redis-server executable (6.2 or newer), for systems where the shipped one cannot run
     * (it needs OpenSSL 3's {@code libssl.so.3}).
     *
     * @see #start(int, Path)
     */
    public static EmbeddedRedis start(int port, Path dataDir, Path executable) {
        Objects.requireNonNull(executable, "executable");
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalArgumentException("no executable redis-server at " + executable);
        }
        File file = executable.toAbsolutePath().toFile();
        return startWith(port, dataDir, () -> file);
    }

    private static EmbeddedRedis startWith(int port, Path dataDir, ExecutableProvider executable) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is between 1 and 65535, or 0 for a free one; not " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath().normalize();
        String dirSetting = configValue(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Redis data directory " + dir, e);
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel, dir);
            for (int attempt = 1; ; attempt++) {
                int chosen = port == 0 ? freePort() : port;
                try {
                    RedisServer server = launch(chosen, dirSetting, executable);
                    awaitPing(server, chosen);
                    LOG.info("embedded Redis listening on {}:{}, data in {}", HOST, chosen, dir);
                    return new EmbeddedRedis(server, chosen, dir, lockChannel, lock);
                } catch (PortTaken e) {
                    if (port != 0) {
                        throw new IllegalStateException("port " + port + " on " + HOST
                                + " is already in use: stop what listens there, or use port 0 for a free one", e);
                    }
                    if (attempt == FREE_PORT_ATTEMPTS) {
                        throw new IllegalStateException("found no free port for Redis after " + attempt + " tries", e);
                    }
                    LOG.debug("free port {} was taken before Redis could bind it; trying another", chosen);
                }
            }
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new UncheckedIOException("cannot lock the Redis data directory " + dir, e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    /** The port the server listens on at {@link #HOST}. */
    public int port() {
        return port;
    }

    /** Where to connect: {@code redis://127.0.0.1:<port>/0}, no password. */
    public RedisUrl url() {
        return RedisUrl.local(port);
    }

    /** The directory that holds the append-only file. */
    public Path dataDir() {
        return dataDir;
    }

    /** True until {@link #close()}. */
    public synchronized boolean isRunning() {
        return !closed && server.isActive();
    }

    /** Stops the server (it writes its append-only file to disk first) and frees the data directory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
            LOG.info("embedded Redis on port {} stopped", port);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis on port " + port + " did not stop cleanly", e);
        } finally {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("could not release the lock on {}: {}", dataDir, e.toString());
            }
            closeQuietly(lockChannel);
        }
    }

    private static RedisServer launch(int port, String dirSetting, ExecutableProvider executable) throws PortTaken {
        StringBuffer errors = new StringBuffer();
        RedisServer server;
        try {
            server = RedisServer.newRedisServer()
                    .executableProvider(executable)
                    .bind(HOST)
                    .port(port)
                    .setting("dir " + dirSetting)
                    .setting("appendonly yes")
                    .setting("save \"\"")
                    .onShutdownForceStop(false)
                    .serrListener(line -> {
                        LOG.warn("redis-server: {}", line);
                        if (errors.length() < STARTUP_OUTPUT_LIMIT) {
                            errors.append(line).append('\n');
                        }
                    })
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare redis-server: " + e.getMessage(), e);
        }
        try {
            server.start();
            return server;
        } catch (IOException e) {
            String output = startupOutput(e) + errors;
            if (output.contains("Address already in use")) {
                throw new PortTaken(port);
            }
            throw new IllegalStateException("redis-server did not start on port " + port
                    + " (the bundled one needs OpenSSL 3, libssl.so.3; a system redis-server can be given instead). "
                    + "Its output:\n" + shorten(output), e);
        }
    }

    private static void awaitPing(RedisServer server, int port) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(500).socketTimeoutMillis(500).build();
        long deadline = System.nanoTime() + READY_WAIT.toNanos();
        JedisException last = null;
        while (System.nanoTime() < deadline) {
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, port), config)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stopQuietly(server);
        throw new IllegalStateException("redis-server started on port " + port + " but did not answer PING within "
                + READY_WAIT.toSeconds() + " s", last);
    }

    private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IllegalStateException("the Redis data directory " + dir
                    + " is in use by another embedded Redis; give each one its own directory");
        }
        return lock;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    /** The directory as a quoted redis.conf value, which keeps spaces in a path. */
    private static String configValue(Path dir) {
        String path = dir.toString();
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a Redis data directory name cannot hold a line break");
        }
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static File bundledExecutable() throws IOException {
        // extract the 10 MB binary once per JVM, and again only if something removed it from the temp dir
        synchronized (EXTRACTION) {
            if (bundledExecutable == null || !bundledExecutable.canExecute()) {
                bundledExecutable = ExecutableProvider.newJarResourceProvider().get();
            }
            return bundledExecutable;
        }
    }

    private static String startupOutput(IOException e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static String shorten(String text) {
        return text.length() <= STARTUP_OUTPUT_LIMIT ? text : text.substring(text.length() - STARTUP_OUTPUT_LIMIT);
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("could not stop redis-server: {}", e.toString());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("could not close the Redis lock file: {}", e.toString());
            }
        }
    }

    /** The port was bound by someone else before redis-server could bind it. */
    private static final class PortTaken extends Exception {
        PortTaken(int port) {
            super("port " + port + " is taken", null, false, false);
        }
    }
}
