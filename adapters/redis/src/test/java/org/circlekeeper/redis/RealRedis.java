package org.circlekeeper.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Redis for tests: one {@link EmbeddedRedis} per test JVM, on a free port with its data in a temporary
 * directory, shared by every test class that uses this extension and stopped when the JVM's tests end. Each
 * test starts on an empty database ({@code FLUSHDB} before it). Tests that use it must not run in parallel.
 *
 * <p>With the system property {@value #TOPOLOGY}{@code =cluster} (the build's {@code redis-cluster} test run) it is a
 * real three-primary Redis Cluster instead ({@link ClusterSetup}), where any piece of work that touches a key of
 * another node's slot, or a transaction or script across slots, fails; {@link #server()} is then not available.
 *
 * <p>Either declare a {@link RedisConnection} (or {@link EmbeddedRedis}) parameter:
 *
 * <pre>{@code
 * @ExtendWith(RealRedis.class)
 * class CircleStoreTest {
 *     @Test
 *     void keepsACircle(RedisConnection redis) { ... }
 * }
 * }</pre>
 *
 * <p>or register it in a static field and ask it:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealRedis REDIS = new RealRedis();
 *
 * private final CircleStore store = new RedisCircleStore(REDIS.connection());
 * }</pre>
 */
public final class RealRedis implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealRedis.class);
    /** The system property that chooses the topology: {@code single} (the default) or {@code cluster}. */
    public static final String TOPOLOGY = "circlekeeper.test.redis";

    /** True when this test JVM runs on a Redis Cluster. */
    public static boolean onCluster() {
        return "cluster".equals(System.getProperty(TOPOLOGY, "single"));
    }

    private volatile Shared shared;

    /**
     * The shared connection; usable from {@code @BeforeAll} on, and so in instance field initialisers under the
     * default per-method test lifecycle.
     */
    public RedisConnection connection() {
        return started().connection;
    }

    /** Where the shared connection goes (the one server, or the cluster's seeds): for a second connection, as another replica of the bot. */
    public RedisTarget target() {
        return started().connection.target();
    }

    /** The shared server, for tests about the server itself (its port or data directory). */
    public EmbeddedRedis server() {
        EmbeddedRedis server = started().server;
        if (server == null) {
            throw new IllegalStateException("this test run is on a Redis Cluster, which has no one embedded server");
        }
        return server;
    }

    /** Every key in the test database now, for checking what a store wrote. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        connection().onPrimaries(jedis -> keys.addAll(jedis.keys("*")));
        return keys;
    }

    /** The fields of the hash at {@code key}; empty when there is none. */
    public Map<String, String> hash(String key) {
        return connection().call(key, jedis -> jedis.hgetAll(key));
    }

    /** True when {@code key} exists. */
    public boolean exists(String key) {
        return connection().call(key, jedis -> jedis.exists(key));
    }

    /** The key's time to live in milliseconds: -1 when it never expires, -2 when there is no such key. */
    public long ttlMillis(String key) {
        return connection().call(key, jedis -> jedis.pttl(key));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RedisConnection connection = shared(context).connection;
        connection.onPrimaries(jedis -> jedis.flushDB());
        // the stores' cache would otherwise still answer with what the last test wrote
        connection.forgetCached();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RedisConnection.class || type == EmbeddedRedis.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Shared redis = shared(context);
        return parameter.getParameter().getType() == EmbeddedRedis.class ? server() : redis.connection;
    }

    private Shared started() {
        Shared current = shared;
        if (current == null) {
            throw new IllegalStateException("RealRedis is not started yet: register it with @RegisterExtension on a "
                    + "static field, or @ExtendWith, and use it from @BeforeAll on");
        }
        return current;
    }

    private Shared shared(ExtensionContext context) {
        Shared current = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, key -> Shared.start(),
                Shared.class);
        shared = current;
        return current;
    }

    /** The server, its connection and its directory; the root store closes it when all tests are done. */
    private static final class Shared implements AutoCloseable {

        private final Path dir;
        private final EmbeddedRedis server;
        private final ClusterSetup cluster;
        private final RedisConnection connection;

        private Shared(Path dir, EmbeddedRedis server, ClusterSetup cluster, RedisConnection connection) {
            this.dir = dir;
            this.server = server;
            this.cluster = cluster;
            this.connection = connection;
        }

        static Shared start() {
            try {
                Path dir = Files.createTempDirectory("circlekeeper-redis-test");
                if (onCluster()) {
                    ClusterSetup cluster = ClusterSetup.start(dir, 3);
                    return new Shared(dir, null, cluster, new RedisConnection(cluster.target()));
                }
                EmbeddedRedis server = EmbeddedRedis.start(0, dir);
                return new Shared(dir, server, null, new RedisConnection(server.url()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a directory for the test Redis", e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                connection.close();
            } finally {
                if (server != null) {
                    server.close();
                }
                if (cluster != null) {
                    cluster.close();
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }
}
