package org.circlekeeper.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.circlekeeper.core.platform.AdapterState;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The outbound half of the adapter, which exists before the core does: the Bot API client, the shared
 * state (send budget, update log, role cache, reachability), and the {@link TelegramMessenger} the core's
 * features send through. A {@link TelegramBot} then connects it to the core's engine for inbound updates.
 */
public final class TelegramConnection implements AutoCloseable {

    private final TelegramSettings settings;
    private final AdapterState state;
    private final OkHttpClient http;
    private final TelegramApi api;
    private final TelegramDelivery delivery;
    private final TelegramMessenger messenger;
    private final Refusals refusals = new Refusals();

    /**
     * Connects to the Bot API server of the settings, with the state every replica shares and the bot's one
     * clock (the moment a message held by Telegram's limits may be tried again is told by it).
     */
    public TelegramConnection(TelegramSettings settings, AdapterState state, Clock clock) {
        this(settings, state, clock, new OkHttpClient.Builder()
                .dispatcher(dispatcher())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .build(), duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    TelegramConnection(TelegramSettings settings, AdapterState state, Clock clock, OkHttpClient http,
                       TelegramApi.Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.state = Objects.requireNonNull(state, "state");
        this.http = Objects.requireNonNull(http, "http");
        TelegramClient client = new OkHttpTelegramClient(http, settings.token(), settings.apiUrl());
        this.api = new TelegramApi(client, state.budget(), settings.limits(), sleeper);
        this.delivery = new TelegramDelivery(api);
        this.messenger = new TelegramMessenger(delivery, state.reachability(), settings.unreachableTtl(),
                Objects.requireNonNull(clock, "clock"), refusals);
    }

    /**
     * The Bot API client's call dispatcher. The library runs every call through OkHttp's asynchronous queue, which by
     * default lets only 5 calls to one host run at once: the update workers and the scheduler's deliveries would queue
     * behind each other on the client. Telegram paces a bot by messages (the shared send budget keeps its limits), not by
     * connections, so calls to the one Bot API host may run as many at once as the client allows overall.
     */
    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
        return dispatcher;
    }

    /** The core's outbound port for Telegram (reminders, prompts, alerts). */
    public TelegramMessenger messenger() {
        return messenger;
    }

    public TelegramSettings settings() {
        return settings;
    }

    TelegramApi api() {
        return api;
    }

    TelegramDelivery delivery() {
        return delivery;
    }

    AdapterState state() {
        return state;
    }

    Refusals refusals() {
        return refusals;
    }

    /** Releases the HTTP client's threads and connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
