package org.circlekeeper.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.telegram.FakeBotApi;

/**
 * What one scenario runs on, fresh each time: a Redis process with its own append-only file, the fake Bot API, a
 * note key, and the app processes; {@link #close} ends all of them, whatever happened.
 */
final class Stage implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    final Path dir;
    final RedisProcess redis;
    final FakeBotApi telegram;
    final String noteKey = AesGcmNoteCipher.newKey();
    private final Path jar;
    private final List<AppProcess> apps = new ArrayList<>();

    private Stage(Path dir, Path jar, RedisProcess redis, FakeBotApi telegram) {
        this.dir = dir;
        this.jar = jar;
        this.redis = redis;
        this.telegram = telegram;
    }

    static Stage open(Options options, String name) throws IOException, InterruptedException {
        Path dir = options.work().resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        RedisProcess redis = RedisProcess.start(dir.resolve("redis"));
        try {
            return new Stage(dir, options.appJar(), redis, new FakeBotApi(AppProcess.TOKEN));
        } catch (IOException | RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** Starts two apps side by side (named a and b). */
    List<AppProcess> startApps(String prefix) throws IOException {
        for (String name : List.of(prefix + "a", prefix + "b")) {
            apps.add(AppProcess.start(name, jar, dir, redis.url(), noteKey, telegram.url().getPort()));
        }
        return List.copyOf(apps);
    }

    void awaitReady() throws IOException, InterruptedException {
        for (AppProcess app : apps) {
            app.awaitReady(START_TIMEOUT);
        }
    }

    @Override
    public void close() {
        for (AppProcess app : apps) {
            try {
                app.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        telegram.close();
        try {
            redis.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
