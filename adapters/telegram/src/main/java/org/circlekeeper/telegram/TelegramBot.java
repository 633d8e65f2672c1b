package org.circlekeeper.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.HeldCommands;
import org.circlekeeper.core.message.OnceMarks;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Telegram adapter at work: at {@link #start()} it asks Telegram who the bot is, sets the command
 * menus from the core's specs, and then either polls for updates (the default) or registers its webhook
 * with a secret; both hand updates to the same {@link TelegramUpdates}. The webhook endpoint of the
 * application passes each request to {@link #receiveWebhook}, which refuses any without the secret.
 */
public final class TelegramBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);

    /** The updates the bot asks for; {@code chat_member} must be named to be sent at all. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query",
            "my_chat_member", "chat_member");
    /** How often (seconds) {@link #health()} asks Telegram again; in between it reports the last answer. */
    static final int HEALTH_CHECK_EVERY_SECONDS = 30;
    private static final Duration HEALTH_CHECK_EVERY = Duration.ofSeconds(HEALTH_CHECK_EVERY_SECONDS);

    /** What the webhook endpoint answers a request. */
    public enum WebhookAnswer {
        /** Handed on (or a repeat, dropped): 200; from {@link #admit}, the request may be read. */
        ACCEPTED,
        /** No or the wrong secret: 401, and nothing was read. */
        WRONG_SECRET,
        /** Not an update: 400. */
        MALFORMED,
        /** The bot runs long polling, not a webhook: 404. */
        NOT_A_WEBHOOK
    }

    /** The connection as {@link #health()} sees it. */
    public record Health(boolean up, String mode, String bot, String detail) {
    }

    private final TelegramConnection connection;
    private final TelegramSettings settings;
    private final Engine engine;
    private final Locale defaultLocale;
    private final TelegramUpdates updates;
    private final Organisers organisers;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final byte[] secretDigest;
    private volatile String username;
    private volatile TelegramBotsLongPollingApplication polling;
    private volatile OkHttpClient pollingHttp;
    private volatile ScheduledExecutorService pollingThread;
    private volatile BotSession session;
    private volatile Instant lastCheck = Instant.EPOCH;
    private volatile Health lastHealth;

    /**
     * The bot on {@code connection}, handing updates to {@code engine}, which also says where a private chat
     * belongs and keeps the time; {@code held} keeps anonymous administrators' commands until an administrator
     * confirms them, {@code marks} makes a notice to organisers go out once.
     */
    public TelegramBot(TelegramConnection connection, Engine engine, HeldCommands held, OnceMarks marks,
                       Locale defaultLocale) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.settings = connection.settings();
        this.engine = Objects.requireNonNull(engine, "engine");
        this.defaultLocale = Objects.requireNonNull(defaultLocale, "defaultLocale");
        this.organisers = new Organisers(connection.api(), connection.state().roles(), settings.adminCacheTtl());
        this.updates = new TelegramUpdates(engine, connection.api(), connection.delivery(), connection.state().updates(),
                connection.state().reachability(), organisers, settings.unreachableTtl(), this::username, settings.workers(),
                connection.refusals(), held, marks);
        this.secretDigest = settings.webhook() ? Ids.sha256(settings.webhookSecret()) : null;
        this.lastHealth = new Health(false, mode(), "", "not started");
    }

    /**
     * Whether a member is an organiser of a group, decided as chat decides it: a group's administrators (and its
     * creator) as {@code getChatAdministrators} lists them, through the shared cache of
     * {@link TelegramSettings#adminCacheTtl()} that a change in the group's members drops. The organisers' page asks it
     * before every change and on every page load; when Telegram cannot be reached the answer is unknown.
     */
    public OrganiserCheck organiserCheck() {
        return new OrganiserCheck() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public Answer ask(CommunityRef community, MemberRef member) {
                if (community.platform() != Platform.TELEGRAM || member.platform() != Platform.TELEGRAM) {
                    return Answer.NOT_ORGANISER;
                }
                return organisers.listed(community).map(admins -> admins.contains(member.userId())
                        ? Answer.ORGANISER : Answer.NOT_ORGANISER).orElse(Answer.UNKNOWN);
            }
        };
    }

    /**
     * Connects: {@code getMe} (a wrong token fails here, loudly), the command menus, then long polling or
     * the webhook registration.
     */
    public synchronized void start() {
        User me = connection.api().call("getMe", client -> client.execute(new GetMe()));
        username = me.getUserName();
        if (username == null || username.isBlank()) {
            throw new IllegalStateException("Telegram did not tell the bot's username; deep links need it");
        }
        LOG.info("Telegram: connected as the bot @{}", username);
        setMenus();
        if (settings.webhook()) {
            SetWebhook request = SetWebhook.builder().url(settings.webhookUrl().toString()).secretToken(settings.webhookSecret())
                    .allowedUpdates(ALLOWED_UPDATES).build();
            connection.api().call("setWebhook", client -> client.execute(request));
            LOG.info("Telegram: webhook registered; updates arrive at the web endpoint");
        } else {
            try {
                // our own client and thread, so that close() can end an open getUpdates and the poller
                pollingHttp = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get();
                pollingThread = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "telegram-long-polling");
                    thread.setDaemon(true);
                    return thread;
                });
                polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> pollingHttp, () -> pollingThread);
                session = polling.registerBot(settings.token(), settings::apiUrl, new DefaultGetUpdatesGenerator(ALLOWED_UPDATES),
                        this::acceptPolled);
            } catch (TelegramApiException e) {
                throw new IllegalStateException("long polling could not start: " + e.getClass().getSimpleName());
            }
            LOG.info("Telegram: long polling started");
        }
        lastHealth = new Health(true, mode(), username, "connected");
        lastCheck = engine.clock().instant();
    }

    /** Sets every command menu (per scope and language) from the core's command specs. */
    void setMenus() {
        List<CommandMenu.Menu> menus = CommandMenu.menus(engine, defaultLocale);
        for (CommandMenu.Menu menu : menus) {
            var request = menu.request();
            connection.api().call("setMyCommands", client -> client.execute(request));
        }
        LOG.info("Telegram: {} command menus set (scopes x languages)", menus.size());
    }

    /**
     * Whether a webhook request with this {@code X-Telegram-Bot-Api-Secret-Token} may be read at all: {@link
     * WebhookAnswer#ACCEPTED} for the configured secret (compared in constant time), else what to answer
     * without reading its body. The endpoint asks this first, so an unauthenticated body is never buffered.
     */
    public WebhookAnswer admit(String secretHeader) {
        if (secretDigest == null) {
            return WebhookAnswer.NOT_A_WEBHOOK;
        }
        byte[] given = Ids.sha256(secretHeader == null ? "" : secretHeader);
        if (!MessageDigest.isEqual(secretDigest, given) || secretHeader == null) {
            LOG.warn("Telegram webhook: a request without the right secret was refused");
            return WebhookAnswer.WRONG_SECRET;
        }
        return WebhookAnswer.ACCEPTED;
    }

    /**
     * One webhook request: refused unless its {@code X-Telegram-Bot-Api-Secret-Token} is the configured
     * secret (compared in constant time), else read as an update and handed on.
     */
    public WebhookAnswer receiveWebhook(String secretHeader, byte[] body) {
        WebhookAnswer gate = admit(secretHeader);
        if (gate != WebhookAnswer.ACCEPTED) {
            return gate;
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            LOG.warn("Telegram webhook: a request that is not an update was refused");
            return WebhookAnswer.MALFORMED;
        }
        if (update == null || update.getUpdateId() == null) {
            return WebhookAnswer.MALFORMED;
        }
        updates.accept(update);
        return WebhookAnswer.ACCEPTED;
    }

    /**
     * One long poll's updates, claimed in one round trip ({@link TelegramUpdates#acceptAll}); whatever fails in taking
     * them is logged and counted, and the next poll comes.
     */
    private void acceptPolled(List<Update> received) {
        try {
            updates.acceptAll(received);
        } catch (Throwable e) {
            LOG.error("taking polled updates failed: {}", e.getClass().getName(), e);
            engine.metrics().unitFailed(Platform.TELEGRAM, "update");
        }
    }

    /** Hands an update in directly (what long polling does); false for a repeat. */
    public boolean accept(Update update) {
        return updates.accept(update);
    }

    /** The bot's username, known once started. */
    public String username() {
        return username;
    }

    /**
     * Whether Telegram answers: a live {@code getMe} at most every {@value #HEALTH_CHECK_EVERY_SECONDS} seconds,
     * and for long polling whether the polling session runs.
     */
    public Health health() {
        Instant now = engine.clock().instant();
        if (username == null || Duration.between(lastCheck, now).compareTo(HEALTH_CHECK_EVERY) < 0) {
            return lastHealth;
        }
        lastCheck = now;
        Health health;
        try {
            connection.api().call("getMe", client -> client.execute(new GetMe()));
            boolean polls = settings.webhook() || session != null && session.isRunning();
            health = new Health(polls, mode(), username, polls ? "Telegram answers" : "long polling stopped");
        } catch (TelegramApi.Refused refused) {
            health = new Health(false, mode(), username, "Telegram refused getMe (" + refused.code() + ")");
        } catch (TelegramApi.Unavailable unavailable) {
            health = new Health(false, mode(), username, "Telegram does not answer");
        }
        lastHealth = health;
        return health;
    }

    /** Stops polling, finishes the updates in hand, and releases the connection. */
    @Override
    public synchronized void close() {
        if (polling != null) {
            try {
                polling.close();
            } catch (Exception e) {
                LOG.warn("stopping long polling failed: {}", e.getClass().getSimpleName());
            }
            pollingThread.shutdownNow();
            pollingHttp.dispatcher().cancelAll();
            try {
                pollingThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pollingHttp.dispatcher().executorService().shutdown();
            pollingHttp.connectionPool().evictAll();
            polling = null;
        }
        updates.close();
        lastHealth = new Health(false, mode(), username == null ? "" : username, "stopped");
    }

    private String mode() {
        return settings.webhook() ? "webhook" : "long polling";
    }
}
