package org.circlekeeper.telegram;

import static org.circlekeeper.telegram.StoreFallback.bestEffort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.HeldCommands;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.message.OnceMarks;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The one consumer of Telegram updates, from long polling or the webhook alike. Each update is claimed
 * once in the shared {@link UpdateLog} (a repeat is dropped), then handled by the {@link ChatWorkers}: one chat's
 * updates keep their order while chats run in parallel on any free thread. Messages, commands and
 * button presses become the core's {@link Inbound} events in the member's context ({@link TelegramContexts});
 * the replies go where their visibility says ({@link TelegramReplies}); inline queries ({@link InlineSearch})
 * and membership updates ({@link TelegramMemberships}) have classes of their own.
 */
public final class TelegramUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);

    /** How long a replica holds a claimed update before another may process a repeat of it. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /**
     * How long no update may be claimed before the done marks that no claim took along are written on their own
     * ({@link UpdateLog#flush}): far inside {@link #CLAIM_LEASE}, so a repeat meets the claim's lease until then and
     * the done mark after. While updates keep coming, each claim takes them along and nothing else is sent.
     */
    static final Duration DONE_FLUSH = Duration.ofSeconds(5);
    private static final Duration FLUSH_CHECK = Duration.ofSeconds(1);
    /** The deep-link payload of the inline results' "search privately" button (see {@link InlineSearch}). */
    static final String START_FROM_INLINE = InlineSearch.START_FROM_INLINE;
    /** The most results one inline answer holds (see {@link InlineSearch}). */
    static final int INLINE_RESULTS = InlineSearch.RESULTS;

    /** {@code /name}, {@code /name@bot}, then the rest of the text. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

    private final Engine engine;
    private final UpdateLog updateLog;
    private final Supplier<String> botUsername;
    private final TelegramContexts contexts;
    private final TelegramReplies replies;
    private final InlineSearch inline;
    private final TelegramMemberships memberships;
    private final Migrations migrations;
    private final AnonymousAdmins anonymousAdmins;
    private final Organisers organisers;
    private final ChatWorkers workers;
    private final ScheduledExecutorService flusher;
    private volatile long lastClaimNanos = System.nanoTime();

    TelegramUpdates(Engine engine, TelegramApi api, TelegramDelivery delivery, UpdateLog updateLog, Reachability reachability,
                    Organisers organisers, Duration unreachableTtl, Supplier<String> botUsername,
                    int workerCount, Refusals refusals, HeldCommands held, OnceMarks marks) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.updateLog = Objects.requireNonNull(updateLog, "updateLog");
        this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
        this.contexts = new TelegramContexts(engine, organisers);
        this.replies = new TelegramReplies(engine, api, delivery, reachability, unreachableTtl, botUsername, refusals, marks, contexts);
        this.inline = new InlineSearch(engine, api);
        this.memberships = new TelegramMemberships(engine, reachability, organisers, unreachableTtl);
        this.migrations = new Migrations(engine, delivery);
        delivery.onMigration(migrations::failedSend);
        this.anonymousAdmins = new AnonymousAdmins(replies, contexts, engine, delivery, Objects.requireNonNull(held, "held"));
        refusals.attach(engine.metrics(), replies::topicGone);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "telegram-updates-done");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastClaimNanos >= DONE_FLUSH.toNanos()) {
                flush();
            }
        }, FLUSH_CHECK.toMillis(), FLUSH_CHECK.toMillis(), TimeUnit.MILLISECONDS);
        this.workers = new ChatWorkers(workerCount, "telegram-updates");
    }

    /**
     * Takes one update (long polling or webhook): claims it once across replicas and queues it on its
     * chat's worker. Returns false for a repeat, which is dropped. The claim's one round trip also carries the
     * adapter's other bookkeeping of the update (see {@link UpdateLog#claim}).
     */
    public boolean accept(Update update) {
        Objects.requireNonNull(update, "update");
        long rolesSeen = organisers.changes();
        UpdateLog.Claimed claimed = claim(List.of(UpdateClaims.claimOf(update, CLAIM_LEASE))).get(0);
        return queue(update, claimed, rolesSeen);
    }

    /**
     * Takes a long poll's batch in order, as {@link #accept} takes each, with one claim round trip for them all. An
     * update whose claim cannot even be put together is logged, counted and dropped; the others go on.
     */
    public void acceptAll(List<Update> batch) {
        long rolesSeen = organisers.changes();
        List<Update> taken = new ArrayList<>();
        List<UpdateLog.Claim> claims = new ArrayList<>();
        for (Update update : batch) {
            try {
                claims.add(UpdateClaims.claimOf(update, CLAIM_LEASE));
                taken.add(update);
            } catch (RuntimeException e) {
                LOG.error("taking a polled update failed: {}", e.getClass().getName(), e);
                engine.metrics().unitFailed(Platform.TELEGRAM, "update");
            }
        }
        List<UpdateLog.Claimed> claimed = claim(claims);
        for (int i = 0; i < taken.size(); i++) {
            try {
                queue(taken.get(i), claimed.get(i), rolesSeen);
            } catch (RuntimeException e) {
                LOG.error("taking a polled update failed: {}", e.getClass().getName(), e);
                engine.metrics().unitFailed(Platform.TELEGRAM, "update");
            }
        }
    }

    /** Queues a claimed update on its chat's worker; false, and dropped, for a repeat. */
    private boolean queue(Update update, UpdateLog.Claimed claimed, long rolesSeen) {
        long id = update.getUpdateId();
        if (!claimed.first()) {
            LOG.debug("update {} was already handled; dropped", id);
            return false;
        }
        UpdateClaims.Prefetched prefetched = new UpdateClaims.Prefetched(claimed.admins(), rolesSeen, claimed.unreachable());
        workers.execute(orderKey(update), () -> {
            try {
                handle(update, prefetched);
            } catch (StoreUnavailable e) {
                // outside the engine (an inline search): nothing to answer with but Telegram's own "no results"
                LOG.warn("handling update {}: the store is unreachable", id);
                engine.metrics().storeUnavailable(Platform.TELEGRAM);
            } catch (Throwable e) {
                // the boundary of one update: whatever it threw is logged (its type, never its text) and
                // counted, and the worker goes on with the next update
                LOG.error("handling update {} failed: {}", id, e.getClass().getName(), e);
                engine.metrics().unitFailed(Platform.TELEGRAM, "update");
            } finally {
                bestEffort("mark the update done", () -> {
                    updateLog.done(Long.toString(id));
                    return null;
                }, null);
            }
        });
        return true;
    }

    /**
     * Claims updates once across replicas, in one round trip. When the update log cannot be reached the update is handled
     * anyway: a repeat can then get a second answer, which beats no answer, and while the store is down every
     * answer is the engine's "try again in a minute".
     */
    private List<UpdateLog.Claimed> claim(List<UpdateLog.Claim> claims) {
        lastClaimNanos = System.nanoTime();
        return bestEffort("claim an update", () -> updateLog.claimAll(claims),
                Collections.nCopies(claims.size(), new UpdateLog.Claimed(true, Optional.empty(), Optional.empty())));
    }

    /**
     * Writes the done marks no claim took along; a Redis out of reach keeps them for the next try. A unit of work of
     * its own: whatever it throws is logged and counted, and the next run comes.
     */
    private void flush() {
        try {
            bestEffort("write the handled updates' marks", () -> {
                updateLog.flush();
                return null;
            }, null);
        } catch (RuntimeException e) {
            LOG.error("writing the handled updates' marks failed: {}", e.getClass().getName(), e);
            engine.metrics().unitFailed(Platform.TELEGRAM, "update-log");
        }
    }


    /** Handles one update now, on the calling thread (after {@link #accept}'s claim). */
    void handle(Update update) {
        handle(update, UpdateClaims.Prefetched.NOTHING);
    }

    /** Handles one update with what its claim read ahead for it. */
    private void handle(Update update, UpdateClaims.Prefetched prefetched) {
        if (update.hasEditedMessage() || update.hasEditedChannelPost() || update.hasChannelPost()) {
            // never asked for (ALLOWED_UPDATES); should one come anyway, an edit is not a new message: the safety
            // check reacted (or not) to what was first written, its private offer stays where it went, and nothing
            // of an edit is read or stored
            LOG.debug("update {}: an edit or a channel post, which the bot does not read", update.getUpdateId());
            return;
        }
        if (update.hasMessage()) {
            onMessage(update.getMessage(), prefetched);
        } else if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery(), prefetched);
        } else if (update.hasInlineQuery()) {
            inline.answer(update.getInlineQuery());
        } else if (update.getMyChatMember() != null) {
            memberships.onBotMembership(update.getMyChatMember());
        } else if (update.getChatMember() != null) {
            memberships.onMembership(update.getChatMember());
        }
    }

    @Override
    public void close() {
        migrations.close();
        flusher.shutdown();
        workers.close();
        replies.close();
        flush();
    }

    // --- messages and commands ---

    private void onMessage(Message message, UpdateClaims.Prefetched prefetched) {
        User from = message.getFrom();
        Chat chat = message.getChat();
        if (chat != null && Migrations.isServiceMessage(message)
                && TelegramContexts.kindOf(chat).filter(kind -> kind == ChannelRef.Kind.GROUP).isPresent()) {
            migrations.serviceMessage(message);
            return;
        }
        if (from == null || chat == null || TelegramContexts.kindOf(chat).isEmpty()) {
            return;
        }
        String text = message.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        TelegramChat place = TelegramContexts.placeOf(message);
        if (message.getSenderChat() != null) {
            onMessageOfAChat(message, place, text.strip());
            return;
        }
        if (Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        // a member writing privately was marked reachable with the update's claim (see wrotePrivately)
        Context context = contexts.context(from, chat, place, prefetched);
        Inbound inbound;
        Matcher command = COMMAND.matcher(text.strip());
        if (command.matches()) {
            String name = command.group(1).toLowerCase(Locale.ROOT);
            String rest = command.group(3) == null ? "" : command.group(3).strip();
            if (!forUs(command, context.channel().isDirect())) {
                return;
            }
            if (name.equals("start")) {
                // a deep link's payload (t.me/bot?start=...) says where the person came from; /start takes no argument
                rest = "";
            }
            inbound = Inbound.CommandInvoked.typed(context, name, rest);
        } else {
            inbound = new Inbound.TextReceived(context, text);
        }
        replies.deliver(context, engine.handle(inbound), null, prefetched.unreachable());
    }

    /** Whether a typed command is ours: addressed to this bot, or bare and known (in a group another bot may own it). */
    private boolean forUs(Matcher command, boolean direct) {
        String addressee = command.group(2);
        if (addressee != null) {
            return addressee.equalsIgnoreCase(botUsername.get());
        }
        return direct || engine.registry().command(command.group(1).toLowerCase(Locale.ROOT)).isPresent();
    }

    /**
     * A message posted on behalf of a chat ({@code sender_chat}; Bot API, "Message"): the group itself is an
     * administrator who posts anonymously, whose commands wait for an administrator to confirm them ({@link
     * AnonymousAdmins}); any other chat is a channel (the group's linked channel, or someone posting as their
     * channel), which is no person: its messages are not read, and a command addressed to the bot gets a kind word.
     */
    private void onMessageOfAChat(Message message, TelegramChat place, String text) {
        Matcher command = COMMAND.matcher(text);
        if (!command.matches() || !forUs(command, false) || TelegramContexts.kindOf(message.getChat()).orElseThrow() != ChannelRef.Kind.GROUP) {
            return;
        }
        CommunityRef community = TelegramContexts.group(message.getChat());
        if (message.getSenderChat().getId().equals(message.getChat().getId())) {
            anonymousAdmins.ask(community, place, command.group(1).toLowerCase(Locale.ROOT),
                    command.group(3) == null ? "" : command.group(3).strip());
            return;
        }
        if (Boolean.TRUE.equals(message.getIsAutomaticForward())) {
            return;
        }
        Locale locale = contexts.groupLocale(community, place);
        replies.sendNote(place, TelegramHtml.render(engine.text(EngineMessages.CHANNEL_COMMAND, locale)), "the note to a channel's command");
    }

    // --- buttons ---

    private void onButton(CallbackQuery query, UpdateClaims.Prefetched prefetched) {
        try {
            MaybeInaccessibleMessage origin = query.getMessage();
            User from = query.getFrom();
            boolean confirmation = query.getData() != null && query.getData().startsWith(AnonymousAdmins.ACTION_PREFIX);
            if (query.getData() == null || origin == null || origin.getChat() == null || from == null
                    || TelegramContexts.kindOf(origin.getChat()).isEmpty()) {
                replies.answer(query);
                return;
            }
            TelegramChat place = origin instanceof Message message ? TelegramContexts.placeOf(message) : TelegramChat.of(origin.getChatId());
            Context context = contexts.context(from, origin.getChat(), place, prefetched);
            TelegramReplies.Origin where = new TelegramReplies.Origin(place, origin.getMessageId());
            if (confirmation) {
                // answered there, with a word for the presser alone when the press changes nothing
                anonymousAdmins.press(query, context, where);
                return;
            }
            CompletableFuture<Void> answered = replies.answerSoon(query);
            try {
                replies.deliver(context, engine.handle(new Inbound.ButtonPressed(context, query.getData(),
                        Integer.toString(origin.getMessageId()))), where, prefetched.unreachable());
            } finally {
                answered.join();
            }
        } catch (Throwable e) {
            LOG.error("a button press could not be handled: {}", e.getClass().getName(), e);
            engine.metrics().unitFailed(Platform.TELEGRAM, "update");
        }
    }


    /** Updates of one chat share a worker, so they are handled in the order Telegram sent them. */
    private static long orderKey(Update update) {
        if (update.hasMessage() && update.getMessage().getChat() != null) {
            return update.getMessage().getChat().getId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return update.getCallbackQuery().getMessage().getChatId();
        }
        if (update.hasInlineQuery() && update.getInlineQuery().getFrom() != null) {
            return update.getInlineQuery().getFrom().getId();
        }
        if (update.getMyChatMember() != null && update.getMyChatMember().getChat() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        if (update.getChatMember() != null && update.getChatMember().getChat() != null) {
            return update.getChatMember().getChat().getId();
        }
        return update.getUpdateId();
    }

    // --- kept here for the tests that name them; the work is done by the classes of each job ---

    /** What the bot's new standing in a group means to the core (see {@link TelegramMemberships#botStanding}). */
    static Optional<MembershipEvent> botStanding(CommunityRef group, ChatMember now) {
        return TelegramMemberships.botStanding(group, now);
    }

    /** Whether a person's new standing means they left the group (see {@link TelegramMemberships#memberLeft}). */
    static Optional<MembershipEvent> memberLeft(CommunityRef group, ChatMember now) {
        return TelegramMemberships.memberLeft(group, now);
    }

    /** A button answer's text cut to Telegram's 200 characters (see {@link TelegramReplies#atMost200}). */
    static String atMost200(String text) {
        return TelegramReplies.atMost200(text);
    }
}
