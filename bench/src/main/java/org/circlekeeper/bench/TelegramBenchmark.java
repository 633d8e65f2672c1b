package org.circlekeeper.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.redis.EmbeddedRedis;
import org.circlekeeper.redis.RedisAdapterState;
import org.circlekeeper.redis.RedisConnection;
import org.circlekeeper.redis.RedisHeldCommands;
import org.circlekeeper.redis.RedisOnceMarks;
import org.circlekeeper.redis.RedisStores;
import org.circlekeeper.telegram.FakeBotApi;
import org.circlekeeper.telegram.TelegramBot;
import org.circlekeeper.telegram.TelegramConnection;
import org.circlekeeper.telegram.TelegramSettings;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.LongPollingSingleThreadUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The Telegram adapter beside a bare TelegramBots consumer, both long polling the same fake Bot API (the adapter tests'
 * {@link FakeBotApi} on 127.0.0.1): members go through a realistic mix of updates (a setting, {@code /checkin} and a press
 * of its mood button, {@code /next} in their group, {@code /resource}, {@code /help}), each member sending their next
 * update when the bot has answered the last, a fixed number of members at a time. The bare consumer answers each update
 * once ({@code sendMessage}, or {@code answerCallbackQuery} for a press) and does nothing else; the adapter runs the whole
 * bot on the Redis stores. Prints updates/s of each and their ratio (issue #15: ≥ 0.8). A program that prints figures,
 * not a test; see bench/README.md.
 */
public final class TelegramBenchmark {

    private static final PrintStream OUT = System.out;
    private static final String TOKEN = "123456789:AAE-bench_TOKEN-for-benchmarks";
    /** Issue #15's target: adapter updates/s ÷ bare consumer updates/s. */
    private static final double TARGET_RATIO = 0.8;
    static final Duration REPLY_WAIT = Duration.ofSeconds(30);
    private static final List<String> MIX = List.of("settings", "checkin", "mood press", "next", "resource", "help");

    private TelegramBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --members=300 --concurrency=8 --runs=2; got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int members = Integer.parseInt(options.getOrDefault("members", "300"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "2"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));

        OUT.printf(Locale.ROOT, "circlekeeper Telegram adapter beside a bare TelegramBots consumer: mix %s, %d members a run, %d at a "
                        + "time, %d runs; the fake Bot API on 127.0.0.1 (no send limits enforced); %d CPU cores, Java %s; load average %s%n",
                MIX, members, concurrency, runs, Runtime.getRuntime().availableProcessors(), Runtime.version(), Summary.loadAverage());
        Path dir = Files.createTempDirectory("circlekeeper-bench-redis");
        List<double[]> results = new ArrayList<>();
        try (EmbeddedRedis server = EmbeddedRedis.start(0, dir); RedisConnection redis = new RedisConnection(server.url())) {
            // one warm-up of each, not counted: the JIT and class loading are not measured
            OUT.println("... warming up (not counted)");
            measure(new Bare(), warmup, concurrency, "warm");
            measure(new Adapter(redis), warmup, concurrency, "warm");
            for (int run = 1; run <= runs; run++) {
                Result bare = measure(new Bare(), members, concurrency, "b" + run);
                Result adapter = measure(new Adapter(redis), members, concurrency, "a" + run);
                double ratio = adapter.perSecond() / bare.perSecond();
                OUT.printf(Locale.ROOT, "  run %d: adapter %.0f updates/s (%d not done: %s), bare consumer %.0f updates/s = %.2f; "
                                + "load average %s%n", run, adapter.perSecond(), adapter.notDone(), adapter.outcomes(), bare.perSecond(), ratio,
                        Summary.loadAverage());
                results.add(new double[] {adapter.perSecond(), bare.perSecond(), ratio, adapter.p50(), adapter.p99(), bare.p50(),
                        bare.p99()});
                Summary.figure("telegram", Summary.f("adapter updates/s, %d members × %d updates, %d at a time, run %d "
                                + "(events not done: %d)", members, MIX.size(), concurrency, run, adapter.notDone()),
                        Summary.f("%,.0f", adapter.perSecond()), Summary.f("bare TelegramBots consumer %,.0f", bare.perSecond()),
                        Summary.f("%.2f", ratio), Summary.f("≥ %.1f", TARGET_RATIO), ratio >= TARGET_RATIO && adapter.notDone() == 0);
            }
        } finally {
            deleteTree(dir);
        }
        OUT.println();
        OUT.println("| run | adapter updates/s | bare consumer updates/s | ratio (target ≥ 0.8) | adapter reply p50 / p99 | bare reply p50 / p99 |");
        OUT.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < results.size(); i++) {
            double[] r = results.get(i);
            OUT.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f | %.1f / %.1f ms | %.1f / %.1f ms |%n", i + 1, r[0], r[1], r[2], r[3], r[4],
                    r[5], r[6]);
        }
    }

    /** One consumer under measurement: starts long polling against {@code fake}, counting each update it finished. */
    private interface Consumer extends AutoCloseable {
        void start(FakeBotApi fake, Metrics counter) throws Exception;

        /** Before the clock starts: a circle in each group, as the mix's {@code /next} expects. */
        default void prepare(FakeBotApi fake, TelegramDriver driver) throws InterruptedException {
        }

        @Override
        void close() throws Exception;
    }

    /** The bare TelegramBots consumer: each update answered once, nothing else (the library's own long polling). */
    private static final class Bare implements Consumer {
        private OkHttpClient http;
        private ScheduledExecutorService poller;
        private TelegramBotsLongPollingApplication polling;

        @Override
        public void start(FakeBotApi fake, Metrics counter) throws TelegramApiException {
            TelegramClient client = new OkHttpTelegramClient(TOKEN, fake.url());
            // its own client and thread, as the adapter has, so that closing ends an open getUpdates at once
            http = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get();
            poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "bare-long-polling");
                thread.setDaemon(true);
                return thread;
            });
            polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> poller);
            polling.registerBot(TOKEN, fake::url, new DefaultGetUpdatesGenerator(),
                    (LongPollingSingleThreadUpdateConsumer) update -> answer(client, update, counter));
        }

        private static void answer(TelegramClient client, Update update, Metrics counter) {
            try {
                if (update.hasCallbackQuery()) {
                    client.execute(AnswerCallbackQuery.builder().callbackQueryId(update.getCallbackQuery().getId()).text("ok").build());
                    counter.buttonPressed(Platform.TELEGRAM, "bare", Metrics.Outcome.DONE);
                } else if (update.hasMessage()) {
                    client.execute(SendMessage.builder().chatId(update.getMessage().getChatId()).text("ok").build());
                    counter.commandHandled(Platform.TELEGRAM, "bare", Metrics.Outcome.DONE);
                }
            } catch (TelegramApiException e) {
                counter.commandHandled(Platform.TELEGRAM, "bare", Metrics.Outcome.FAILED);
            }
        }

        @Override
        public void close() throws Exception {
            polling.close();
            poller.shutdownNow();
            http.dispatcher().cancelAll();
            poller.awaitTermination(5, TimeUnit.SECONDS);
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The whole bot on Telegram as the app wires it: the adapter, the engine, the Redis stores and adapter state. */
    private static final class Adapter implements Consumer {
        private final RedisConnection redis;
        private TelegramConnection connection;
        private TelegramBot bot;

        Adapter(RedisConnection redis) {
            this.redis = redis;
        }

        @Override
        public void start(FakeBotApi fake, Metrics counter) {
            // limits far above the mix's pace: the benchmark measures the adapter's work, not Telegram's send limits
            TelegramSettings settings = TelegramSettings.longPolling(TOKEN).withApiUrl(fake.url())
                    .withLimits(new TelegramSettings.Limits(100_000, 10_000, 1_000_000));
            connection = new TelegramConnection(settings, RedisAdapterState.create(redis, Platform.TELEGRAM), Clock.systemUTC());
            Bot.Assembly core = Bot.builder().stores(RedisStores.create(redis, Clock.systemUTC())).clock(Clock.systemUTC())
                    .messengers(new Messengers(List.of(connection.messenger())))
                    .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey())))
                    .metrics(counter).build();
            bot = new TelegramBot(connection, core.engine(), new RedisHeldCommands(redis), new RedisOnceMarks(redis), Locale.ENGLISH);
            bot.start();
        }

        @Override
        public void prepare(FakeBotApi fake, TelegramDriver driver) throws InterruptedException {
            for (int slot = 0; slot < driver.concurrency; slot++) {
                long group = TelegramDriver.group(driver.run, slot);
                long organiser = TelegramDriver.ORGANISERS + slot;
                fake.admins(group, organiser);
                driver.ask(slot, TelegramDriver.text(organiser, group, "/circle create \"Tuesday circle\" every tuesday 19:00"), "chat:" + group);
            }
        }

        @Override
        public void close() {
            bot.close();
            connection.close();
        }
    }

    private record Result(double perSecond, long notDone, String outcomes, double p50, double p99) {
    }

    /** Counts what the consumer finished, by outcome. */
    private static final class Counter implements Metrics {
        final AtomicLong done = new AtomicLong();
        final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();

        @Override
        public void commandHandled(Platform platform, String command, Outcome outcome) {
            count(outcome);
        }

        @Override
        public void buttonPressed(Platform platform, String action, Outcome outcome) {
            count(outcome);
        }

        private void count(Outcome outcome) {
            outcomes.computeIfAbsent(outcome.name(), o -> new AtomicLong()).incrementAndGet();
            done.incrementAndGet();
        }

        long notDone() {
            return outcomes.entrySet().stream().filter(e -> !e.getKey().equals("DONE")).mapToLong(e -> e.getValue().get()).sum();
        }
    }

    private static Result measure(Consumer consumer, int members, int concurrency, String run) throws Exception {
        Counter counter = new Counter();
        try (FakeBotApi fake = new FakeBotApi(TOKEN)) {
            TelegramDriver driver = new TelegramDriver(fake, concurrency, run);
            consumer.start(fake, counter);
            consumer.prepare(fake, driver);
            long preparedEvents = counter.done.get();
            counter.outcomes.clear();
            List<Long> latencies = new ArrayList<>();
            long began = System.nanoTime();
            driver.members(members, latencies);
            long expected = preparedEvents + (long) members * MIX.size();
            long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
            while (counter.done.get() < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumer finished " + (counter.done.get() - preparedEvents) + " of "
                            + (expected - preparedEvents) + " updates");
                }
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            consumer.close();
            latencies.sort(Comparator.naturalOrder());
            double p50 = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2) / 1e6;
            double p99 = latencies.isEmpty() ? 0 : latencies.get((int) (latencies.size() * 0.99)) / 1e6;
            return new Result(members * MIX.size() / seconds, counter.notDone(), new HashMap<>(counter.outcomes).toString(), p50, p99);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
