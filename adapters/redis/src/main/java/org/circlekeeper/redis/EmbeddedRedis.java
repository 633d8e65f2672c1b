package org.circlekeeper.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
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
 * <p>It is private to the user running it: the data directory is made (or narrowed to) {@code 0700}, the
 * files in it {@code 0600}, and redis-server runs under {@code umask 077} (through a two-line {@code /bin/sh}
 * wrapper) so that the append-only file and every rewrite or snapshot it makes later are owner-only too; and
 * it asks for a password ({@code requirepass}, in protected mode), which {@link #url()} carries.
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
    private static final SecureRandom RANDOM = new SecureRandom();
    private static File bundledExecutable;

    private final RedisServer server;
    private final int port;
    private final String password;
    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean closed;

    private EmbeddedRedis(RedisServer server, int port, String password, Path dataDir, FileChannel lockChannel, FileLock lock) {
        this.server = server;
        this.port = port;
        this.password = password;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts the redis-server that embedded-redis ships for this system, with a new random password for this
     * run only (what tests want; an application keeps one in a file, {@link #start(int, Path, String)}).
     *
     * @param port    the port on 127.0.0.1, or 0 for a free one
     * @param dataDir where the append-only file is kept; made when missing
     * @throws IllegalStateException when the port is taken, the directory is in use or the server does not start
     */
    public static EmbeddedRedis start(int port, Path dataDir) {
        return startWith(port, dataDir, newPassword(), EmbeddedRedis::bundledExecutable);
    }

    /**
     * Starts the redis-server that embedded-redis ships, asking every client for {@code password} (for example
     * one kept by {@link RedisPasswordFile}).
     *
     * @see #start(int, Path)
     */
    public static EmbeddedRedis start(int port, Path dataDir, String password) {
        return startWith(port, dataDir, password, EmbeddedRedis::bundledExecutable);
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
        return startWith(port, dataDir, newPassword(), () -> file);
    }

    private static EmbeddedRedis startWith(int port, Path dataDir, String password, ExecutableProvider executable) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("a port is between 1 and 65535, or 0 for a free one; not " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        checkPassword(password);
        Path dir = dataDir.toAbsolutePath().normalize();
        String dirSetting = EmbeddedRedisFiles.configValue(dir);
        boolean posix = EmbeddedRedisFiles.makeOwnerOnly(dir);
        ExecutableProvider launched = posix ? EmbeddedRedisFiles.underUmask077(executable) : executable;
        FileChannel lockChannel = null;
        try {
            Path lockFile = dir.resolve(LOCK_FILE);
            lockChannel = posix
                    ? FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            PosixFilePermissions.asFileAttribute(EmbeddedRedisFiles.OWNER_ONLY_FILE))
                    : FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = EmbeddedRedisFiles.tryLock(lockChannel, dir);
            for (int attempt = 1; ; attempt++) {
                int chosen = port == 0 ? freePort() : port;
                try {
                    RedisServer server = launch(chosen, dirSetting, password, launched);
                    awaitPing(server, chosen, password);
                    LOG.info("embedded Redis listening on {}:{} (password required), data in {}", HOST, chosen, dir);
                    return new EmbeddedRedis(server, chosen, password, dir, lockChannel, lock);
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

    /** Where to connect: {@code redis://127.0.0.1:<port>/0} with the server's password. */
    public RedisUrl url() {
        return RedisUrl.local(port, password);
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

    private static RedisServer launch(int port, String dirSetting, String password, ExecutableProvider executable)
            throws PortTaken {
        StringBuffer errors = new StringBuffer();
        RedisServer server;
        try {
            server = RedisServer.newRedisServer()
                    .executableProvider(executable)
                    .bind(HOST)
                    .port(port)
                    .setting("dir " + dirSetting)
                    .setting("protected-mode yes")
                    .setting("requirepass " + password)
                    .setting("appendonly yes")
                    // a rewritten AOF in plain commands, not an (LZF-compressed) RDB preamble: an operator can check
                    // with grep that an erased member is gone from the file
                    .setting("aof-use-rdb-preamble no")
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

    private static void awaitPing(RedisServer server, int port, String password) {
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().password(password)
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

    /** A new password for one server: 32 random bytes in hex. */
    static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void checkPassword(String password) {
        Objects.requireNonNull(password, "password");
        if (password.length() < 16 || !password.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\\')) {
            throw new IllegalArgumentException("the embedded Redis password must be at least 16 printable ASCII characters "
                    + "without spaces, quotes or backslashes");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
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
