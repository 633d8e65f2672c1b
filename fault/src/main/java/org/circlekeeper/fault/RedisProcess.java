package org.circlekeeper.fault;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} (the one embedded-redis ships, as the app's embedded Redis uses) in a child process of
 * the suite, so it can be killed with SIGKILL and started again on the same port and append-only file. Its settings
 * are the deploy's: {@code appendonly yes}, {@code appendfsync everysec} (deploy/docker-compose.yml and the
 * Kubernetes StatefulSet), no RDB snapshots.
 */
final class RedisProcess implements AutoCloseable {

    static final String FSYNC = "everysec";

    private final File executable;
    private final int port;
    private final Path dir;
    private Process process;

    private RedisProcess(File executable, int port, Path dir) {
        this.executable = executable;
        this.port = port;
        this.dir = dir;
    }

    static RedisProcess start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        RedisProcess redis = new RedisProcess(ExecutableProvider.newJarResourceProvider().get(), Ports.free(), dir);
        redis.launch();
        return redis;
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: the server ends at once, with no chance to flush or rewrite anything; returns its exit code. */
    int kill() throws InterruptedException {
        int code = Children.sigkill(process);
        process = null;
        return code;
    }

    /** Starts the server again on the same port and directory: it loads its append-only file. */
    void restart() throws IOException, InterruptedException {
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        List<String> command = List.of(executable.getAbsolutePath(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", FSYNC, "--save", "");
        process = Children.track(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-server.log").toFile()))
                .start());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(2000).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server ended at start (exit " + process.exitValue() + "); see "
                        + dir.resolve("redis-server.log"));
            }
            try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
                // LOADING while it reads the append-only file; PONG once it serves
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within 30 s");
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            Children.sigkill(process);
            process = null;
        }
    }
}
