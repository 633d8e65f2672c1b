package org.circlekeeper.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.message.OnceMarks;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.platform.UpdateLog;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberRestricted;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * The one consumer of Telegram updates, from long polling or the webhook alike. Each update is claimed
 * once in the shared {@link UpdateLog} (a repeat is dropped), then handled on a worker chosen by its
 * chat, so one chat's updates keep their order while chats run in parallel. Messages and commands,
 * button presses and inline queries become the core's {@link Inbound} events with the member's role
 * (group administrators are organisers); the replies go where their visibility says: public ones to
 * the chat, private ones to the member's private chat, with a note and a deep link in the group when
 * the bot cannot write there.
 */
public final class TelegramUpdates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramUpdates.class);

    /** How long a replica holds a claimed update before another may process a repeat of it. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    /** The deep-link payload of the "open our private chat" note; {@code /start} with it is a plain welcome. */
    static final String START_FROM_GROUP = "from-group";
    /** The deep-link payload of the inline results' "search privately" button. */
    static final String START_FROM_INLINE = "from-inline";
    /** The command whose suggester answers inline queries, and its option. */
    static final String INLINE_COMMAND = "resource";
    static final int INLINE_RESULTS = 10;
    /** How often, at most, the organisers hear that one topic cannot be posted in. */
    static final Duration TOPIC_NOTICE_WINDOW = Duration.ofDays(30);

    /** {@code /name}, {@code /name@bot}, then the rest of the text. */
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+(.*))?$", Pattern.DOTALL);

    private final Engine engine;
    private final TelegramApi api;
    private final TelegramDelivery delivery;
    private final UpdateLog updateLog;
    private final Reachability reachability;
    private final Organisers organisers;
    private final Duration unreachableTtl;
    private final Supplier<String> botUsername;
    private final Refusals refusals;
    private final OnceMarks marks;
    private final AnonymousAdmins anonymousAdmins;
    private final ExecutorService[] workers;

    TelegramUpdates(Engine engine, TelegramApi api, TelegramDelivery delivery, UpdateLog updateLog, Reachability reachability,
                    Organisers organisers, Duration unreachableTtl, Supplier<String> botUsername,
                    int workerCount, Refusals refusals, HeldCommands held, OnceMarks marks) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.anonymousAdmins = new AnonymousAdmins(this, engine, delivery, Objects.requireNonNull(held, "held"));
        refusals.attach(engine.metrics(), this::topicGone);
        this.engine = Objects.requireNonNull(engine, "engine");
        this.api = Objects.requireNonNull(api, "api");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.updateLog = Objects.requireNonNull(updateLog, "updateLog");
        this.reachability = Objects.requireNonNull(reachability, "reachability");
        this.organisers = Objects.requireNonNull(organisers, "organisers");
        this.unreachableTtl = Objects.requireNonNull(unreachableTtl, "unreachableTtl");
        this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
        this.workers = new ExecutorService[workerCount];
        for (int i = 0; i < workerCount; i++) {
            int number = i;
            workers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "telegram-updates-" + number);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /**
     * Takes one update (long polling or webhook): claims it once across replicas and queues it on its
     * chat's worker. Returns false for a repeat, which is dropped.
     */
    public boolean accept(Update update) {
        Objects.requireNonNull(update, "update");
        long id = update.getUpdateId();
        if (!claim(id)) {
            LOG.debug("update {} was already handled; dropped", id);
            return false;
        }
        workers[Math.floorMod(Long.hashCode(orderKey(update)), workers.length)].execute(() -> {
            try {
                handle(update);
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
     * Claims an update once across replicas. When the update log cannot be reached the update is handled
     * anyway: a repeat can then get a second answer, which beats no answer, and while the store is down every
     * answer is the engine's "try again in a minute".
     */
    private boolean claim(long id) {
        return bestEffort("claim an update", () -> updateLog.claim(Long.toString(id), CLAIM_LEASE), true);
    }

    /**
     * A store read or write the adapter can do without (who is an organiser, who is reachable): when the store
     * cannot be reached, {@code fallback} stands in and the engine, which needs the store, answers the member
     * kindly. Least privilege: a role falls back to member.
     */
    private <T> T bestEffort(String what, Supplier<T> work, T fallback) {
        try {
            return work.get();
        } catch (StoreUnavailable e) {
            LOG.warn("Telegram: could not {}: the store is unreachable", what);
            return fallback;
        }
    }

    /** Handles one update now, on the calling thread (after {@link #accept}'s claim). */
    void handle(Update update) {
        if (update.hasEditedMessage() || update.hasEditedChannelPost() || update.hasChannelPost()) {
            // never asked for (ALLOWED_UPDATES); should one come anyway, an edit is not a new message: the safety
            // check reacted (or not) to what was first written, its private offer stays where it went, and nothing
            // of an edit is read or stored
            LOG.debug("update {}: an edit or a channel post, which the bot does not read", update.getUpdateId());
            return;
        }
        if (update.hasMessage()) {
            onMessage(update.getMessage());
        } else if (update.hasCallbackQuery()) {
            onButton(update.getCallbackQuery());
        } else if (update.hasInlineQuery()) {
            onInlineQuery(update.getInlineQuery());
        } else if (update.getMyChatMember() != null) {
            onBotMembership(update.getMyChatMember());
        } else if (update.getChatMember() != null) {
            onMembership(update.getChatMember());
        }
    }

    @Override
    public void close() {
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
        for (ExecutorService worker : workers) {
            try {
                if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                    worker.shutdownNow();
                }
            } catch (InterruptedException e) {
                worker.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- messages and commands ---

    private void onMessage(Message message) {
        User from = message.getFrom();
        Chat chat = message.getChat();
        if (from == null || chat == null || kindOf(chat).isEmpty()) {
            return;
        }
        if (message.getMigrateToChatId() != null) {
            LOG.info("a group moved to a supergroup; its settings stay with the old id until the core can move them");
            return;
        }
        String text = message.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        TelegramChat place = placeOf(message);
        if (message.getSenderChat() != null) {
            onMessageOfAChat(message, place, text.strip());
            return;
        }
        if (Boolean.TRUE.equals(from.getIsBot())) {
            return;
        }
        Context context = context(from, chat, place);
        if (context.channel().isDirect()) {
            bestEffort("mark a member reachable", () -> {
                reachability.markReachable(context.member());
                return null;
            }, null);
        }
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
        deliver(context, engine.handle(inbound), null);
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
        if (!command.matches() || !forUs(command, false) || kindOf(message.getChat()).orElseThrow() != ChannelRef.Kind.GROUP) {
            return;
        }
        CommunityRef community = group(message.getChat());
        if (message.getSenderChat().getId().equals(message.getChat().getId())) {
            anonymousAdmins.ask(community, place, command.group(1).toLowerCase(Locale.ROOT),
                    command.group(3) == null ? "" : command.group(3).strip());
            return;
        }
        if (Boolean.TRUE.equals(message.getIsAutomaticForward())) {
            return;
        }
        Locale locale = groupLocale(community, place);
        sendNote(place, TelegramHtml.render(engine.text(EngineMessages.CHANNEL_COMMAND, locale)), "the note to a channel's command");
    }

    // --- buttons ---

    private void onButton(CallbackQuery query) {
        try {
            MaybeInaccessibleMessage origin = query.getMessage();
            User from = query.getFrom();
            boolean confirmation = query.getData() != null && query.getData().startsWith(AnonymousAdmins.ACTION_PREFIX);
            if (query.getData() == null || origin == null || origin.getChat() == null || from == null
                    || kindOf(origin.getChat()).isEmpty()) {
                answer(query);
                return;
            }
            TelegramChat place = origin instanceof Message message ? placeOf(message) : TelegramChat.of(origin.getChatId());
            Context context = context(from, origin.getChat(), place);
            Origin where = new Origin(place, origin.getMessageId());
            if (confirmation) {
                // answered there, with a word for the presser alone when the press changes nothing
                anonymousAdmins.press(query, context, where);
                return;
            }
            answer(query);
            deliver(context, engine.handle(new Inbound.ButtonPressed(context, query.getData(), Integer.toString(origin.getMessageId()))), where);
        } catch (Throwable e) {
            LOG.error("a button press could not be handled: {}", e.getClass().getName(), e);
            engine.metrics().unitFailed(Platform.TELEGRAM, "update");
        }
    }

    /** Stops the button's spinner; Telegram wants it answered whatever happens next. */
    void answer(CallbackQuery query) {
        answer(query, null);
    }

    /**
     * Stops the button's spinner, showing {@code text} (when not null) to the presser alone as an alert (Bot API,
     * "answerCallbackQuery": up to 200 characters).
     */
    void answer(CallbackQuery query, String text) {
        try {
            AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(query.getId());
            if (text != null) {
                answer.text(atMost200(text)).showAlert(true);
            }
            AnswerCallbackQuery request = answer.build();
            api.call("answerCallbackQuery", client -> client.execute(request));
        } catch (TelegramApi.Refused | TelegramApi.Unavailable e) {
            // a press older than Telegram's window cannot be answered; the press itself is still handled
            LOG.debug("answerCallbackQuery failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The text cut to Telegram's 200 characters for a button's answer, never between the halves of a surrogate pair. */
    static String atMost200(String text) {
        if (text.length() <= 200) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(198)) ? 198 : 199;
        return text.substring(0, end) + "…";
    }

    // --- inline mode: resource search ---

    private void onInlineQuery(InlineQuery query) {
        User from = query.getFrom();
        if (from == null) {
            return;
        }
        MemberRef member = member(from);
        Locale hint = locale(from);
        ChannelRef direct = new ChannelRef(Platform.TELEGRAM, Long.toString(from.getId()), ChannelRef.Kind.DIRECT);
        CommunityRef community = bestEffort("read a member's home group", () -> engine.homeOf(member), Optional.<CommunityRef>empty())
                .orElse(CommunityRef.unresolved(Platform.TELEGRAM));
        Context settled = new Context(member, direct, community, Role.MEMBER, hint);
        Context asked = new Context(member, direct, CommunityRef.unresolved(Platform.TELEGRAM), Role.MEMBER, hint);
        Locale locale = engine.preferencesFor(settled).locale();
        List<InlineQueryResult> results = new ArrayList<>();
        Optional<Suggester> suggester = inlineSuggester();
        String typed = query.getQuery() == null ? "" : query.getQuery().strip();
        if (suggester.isPresent() && !typed.isEmpty()) {
            for (Suggester.Suggestion suggestion : suggester.get().suggest(settled, typed)) {
                if (results.size() >= INLINE_RESULTS) {
                    break;
                }
                inlineResult(asked, suggestion).ifPresent(results::add);
            }
        }
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> answer = AnswerInlineQuery.builder().inlineQueryId(query.getId())
                .results(results).cacheTime(30).isPersonal(true)
                .button(InlineQueryResultsButton.builder().text(engine.text(EngineMessages.INLINE_SEARCH_PRIVATELY, locale))
                        .startParameter(START_FROM_INLINE).build());
        AnswerInlineQuery request = answer.build();
        try {
            api.call("answerInlineQuery", client -> client.execute(request));
        } catch (TelegramApi.Refused | TelegramApi.Unavailable e) {
            LOG.warn("answerInlineQuery failed: {}", e.getClass().getSimpleName());
        }
    }

    private Optional<Suggester> inlineSuggester() {
        return engine.registry().command(INLINE_COMMAND).stream()
                .flatMap(spec -> spec.options().stream())
                .map(OptionSpec::suggester)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** One result: the entry as the core shows it for {@code /resource <id>}, which the member then posts. */
    private Optional<InlineQueryResult> inlineResult(Context asked, Suggester.Suggestion suggestion) {
        String id = suggestion.value();
        if (id.getBytes(StandardCharsets.UTF_8).length > 64) {
            return Optional.empty();
        }
        List<Reply> replies = engine.handle(Inbound.CommandInvoked.typed(asked, INLINE_COMMAND, id));
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        String markup = replies.get(0).message().markup();
        String html = TelegramHtml.split(markup, TelegramHtml.MESSAGE_LIMIT).get(0);
        String preview = TelegramHtml.visibleText(markup).strip().replaceAll("\\s+", " ");
        return Optional.of(InlineQueryResultArticle.builder().id(id).title(suggestion.label())
                .description(preview.length() > 120 ? preview.substring(0, 119) + "…" : preview)
                .inputMessageContent(InputTextMessageContent.builder().messageText(html).parseMode(ParseMode.HTML)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .build());
    }

    // --- membership changes ---

    /**
     * The bot's own standing changed ({@code my_chat_member}; Bot API, "ChatMemberUpdated"): blocked or unblocked in a
     * private chat, or added to, promoted or restricted in, or removed from a group, which the core hears as {@link
     * #botStanding}.
     */
    private void onBotMembership(ChatMemberUpdated change) {
        Chat chat = change.getChat();
        ChatMember now = change.getNewChatMember();
        String status = now == null ? "" : now.getStatus();
        if (chat == null) {
            return;
        }
        if ("private".equals(chat.getType()) && change.getFrom() != null) {
            MemberRef member = member(change.getFrom());
            if ("kicked".equals(status)) {
                reachability.markUnreachable(member, unreachableTtl);
                LOG.info("a member blocked the bot on Telegram; marked unreachable");
            } else if ("member".equals(status)) {
                reachability.markReachable(member);
            }
            return;
        }
        if (kindOf(chat).isEmpty()) {
            return;
        }
        CommunityRef group = group(chat);
        organisers.changed(group);
        LOG.info("the bot's standing in a Telegram group changed to {}", status);
        botStanding(group, now).ifPresent(engine::membershipChanged);
    }

    /**
     * What the bot's new standing in a group means to the core (Bot API, "ChatMember"): {@code left} or {@code kicked}
     * is the bot removed, and so is {@code restricted} with {@code is_member} false (it is no longer in the group);
     * {@code member}, {@code administrator} or {@code restricted} while still a member is the bot present (added again
     * within the grace period, everything carries on). A bot restricted so that it cannot send ({@code can_send_messages}
     * false) stays present: its data stays, each send the group refuses is counted as {@code no-rights} and not tried
     * again, and whoever asked something there is told privately, as for any refused answer ({@link Refusals}).
     */
    static Optional<MembershipEvent> botStanding(CommunityRef group, ChatMember now) {
        if (now == null) {
            return Optional.empty();
        }
        return switch (now.getStatus()) {
            case "left", "kicked" -> Optional.of(new MembershipEvent.BotRemoved(group));
            case "member", "administrator", "creator" -> Optional.of(new MembershipEvent.BotPresent(group));
            case "restricted" -> Optional.of(stillMember(now)
                    ? new MembershipEvent.BotPresent(group) : new MembershipEvent.BotRemoved(group));
            default -> Optional.empty();
        };
    }

    /**
     * Someone's standing in a group changed ({@code chat_member}, which Telegram sends only to a bot that is an
     * administrator there and names {@code chat_member} in {@code allowed_updates}; Bot API, "Update"): the admin list
     * may differ now, and a person who left or was removed loses their answers there.
     */
    private void onMembership(ChatMemberUpdated change) {
        Chat chat = change.getChat();
        if (chat == null || kindOf(chat).filter(kind -> kind == ChannelRef.Kind.GROUP).isEmpty()) {
            return;
        }
        CommunityRef group = group(chat);
        organisers.changed(group);
        memberLeft(group, change.getNewChatMember()).ifPresent(engine::membershipChanged);
    }

    /**
     * A person (never a bot) whose new standing is {@code left}, {@code kicked}, or {@code restricted} while not a
     * member is gone from the group (Bot API, "ChatMember").
     */
    static Optional<MembershipEvent> memberLeft(CommunityRef group, ChatMember now) {
        if (now == null || now.getUser() == null || Boolean.TRUE.equals(now.getUser().getIsBot())) {
            return Optional.empty();
        }
        boolean gone = switch (now.getStatus()) {
            case "left", "kicked" -> true;
            case "restricted" -> !stillMember(now);
            default -> false;
        };
        return gone ? Optional.of(new MembershipEvent.MemberLeft(group, member(now.getUser()))) : Optional.empty();
    }

    /** A restricted member is still in the group unless {@code is_member} says otherwise (Bot API, "ChatMemberRestricted"). */
    private static boolean stillMember(ChatMember restricted) {
        return !(restricted instanceof ChatMemberRestricted r) || !Boolean.FALSE.equals(r.getIsMember());
    }

    // --- replies ---

    /** Where a button was pressed: the message to replace when a reply asks for it. */
    record Origin(TelegramChat chat, int messageId) {
    }

    /**
     * Sends the engine's replies: in a private chat all go there; in a group, public ones go to the group
     * and private ones to the member's private chat. A reply that replaces its origin edits the pressed
     * message when it goes to the same chat (so a private answer never overwrites a public message).
     */
    void deliver(Context context, List<Reply> replies, Origin origin) {
        boolean noted = false;
        boolean toldPrivately = false;
        TelegramChat here = TelegramChat.parse(context.channel().channelId());
        TelegramChat memberChat = TelegramChat.of(Long.parseLong(context.member().userId()));
        for (Reply reply : replies) {
            OutgoingMessage message = reply.message();
            boolean toMember = context.channel().isDirect() || message.visibility() == Visibility.PRIVATE;
            TelegramChat target = context.channel().isDirect() ? here : toMember ? memberChat : here;
            if (toMember && !context.channel().isDirect()
                    && bestEffort("look up whether a member is reachable", () -> reachability.isUnreachable(context.member()), false)) {
                noted = noteOnce(context, noted);
                continue;
            }
            try {
                if (reply.replacesOrigin() && origin != null && origin.chat().chatId() == target.chatId()
                        && delivery.edit(target, origin.messageId(), message)) {
                    continue;
                }
                delivery.send(target, message);
            } catch (TelegramApi.Refused refused) {
                TelegramApi.Reason reason = refusals.refused("reply", target, refused);
                if (!toMember && (reason == TelegramApi.Reason.NO_RIGHTS || reason == TelegramApi.Reason.REMOVED)) {
                    toldPrivately = tellPrivately(context, toldPrivately);
                }
                if (toMember && TelegramMessenger.unreachable(refused)) {
                    bestEffort("mark a member unreachable", () -> {
                        reachability.markUnreachable(context.member(), unreachableTtl);
                        return null;
                    }, null);
                    LOG.info("a member cannot be written to privately ({}); marked unreachable", refused.code());
                    if (!context.channel().isDirect()) {
                        noted = noteOnce(context, noted);
                    }
                }
            } catch (TelegramApi.Unavailable unavailable) {
                LOG.error("a reply could not be delivered: Telegram is not reachable");
            }
        }
    }

    /**
     * Tells the person, privately and once per event, that the group their command came from does not let the bot
     * answer there; when they never started a private chat, nothing more can be done (the refusal is counted).
     */
    private boolean tellPrivately(Context context, boolean alreadyTold) {
        if (alreadyTold || bestEffort("look up whether a member is reachable", () -> reachability.isUnreachable(context.member()), false)) {
            return true;
        }
        TelegramChat member = TelegramChat.of(Long.parseLong(context.member().userId()));
        Locale locale = engine.preferencesFor(context).locale();
        sendNote(member, TelegramHtml.render(engine.text(EngineMessages.GROUP_UNWRITABLE, locale)),
                "the note that the group does not let the bot answer");
        return true;
    }

    /**
     * Tells the group, once per event, that a private answer waits and how to open the private chat:
     * a mention of the member and a deep link, naming nothing of the answer.
     */
    private boolean noteOnce(Context context, boolean alreadyNoted) {
        if (alreadyNoted) {
            return true;
        }
        TelegramChat group = TelegramChat.parse(context.channel().channelId());
        Locale locale = engine.preferencesFor(context).locale();
        String mention = "<a href=\"tg://user?id=" + context.member().userId() + "\">" + TelegramHtml.escape(context.member().displayName()) + "</a>";
        String text = mention + ", " + TelegramHtml.render(engine.text(EngineMessages.PRIVATE_START, locale,
                Map.of("link", deepLink(botUsername.get(), START_FROM_GROUP))));
        sendNote(group, text, "the note about a waiting private answer");
        return true;
    }

    /** Counts and logs a refusal of a message to {@code where} (see {@link Refusals}). */
    void refused(String what, TelegramChat where, TelegramApi.Refused refused) {
        refusals.refused(what, where, refused);
    }

    /**
     * Posts a short note of the adapter's own (already Telegram HTML) where it belongs; a refusal is counted like any
     * other ({@link Refusals}) and nothing more is tried.
     */
    void sendNote(TelegramChat where, String html, String what) {
        SendMessage note = SendMessage.builder().chatId(where.chatId()).messageThreadId(where.threadId()).text(html)
                .parseMode(ParseMode.HTML).linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build();
        try {
            api.send("sendMessage", where.chatId(), client -> client.execute(note));
        } catch (TelegramApi.Refused refused) {
            refusals.refused("note", where, refused);
        } catch (TelegramApi.Unavailable e) {
            LOG.warn("{} could not be posted: {}", what, e.getClass().getSimpleName());
        }
    }

    /**
     * Tells the group's organisers, in the group's General topic and once a {@link #TOPIC_NOTICE_WINDOW} for each
     * topic, that a topic cannot be posted in any more (closed or deleted). When the mark cannot be read the notice
     * waits for the next refusal rather than risk saying it at every one.
     */
    void topicGone(TelegramChat topic) {
        boolean first = bestEffort("mark a topic's notice", () -> marks.first("telegram topic-gone " + topic.channelId(),
                TOPIC_NOTICE_WINDOW), false);
        if (!first) {
            return;
        }
        CommunityRef community = new CommunityRef(Platform.TELEGRAM, Long.toString(topic.chatId()));
        Locale locale = groupLocale(community, topic.chat());
        sendNote(topic.chat(), TelegramHtml.render(engine.text(EngineMessages.TOPIC_UNREACHABLE, locale,
                Map.of("link", topic.link()))), "the notice about a closed topic");
        LOG.info("the organisers of a group were told that one of its topics is closed or deleted");
    }

    /**
     * The group's language for a note that answers nobody in particular (an anonymous administrator's, a channel's):
     * read as for the group's anonymous administrator account, which has no settings of its own.
     */
    Locale groupLocale(CommunityRef community, TelegramChat place) {
        MemberRef nobody = new MemberRef(Platform.TELEGRAM, Long.toString(AnonymousAdmins.GROUP_ANONYMOUS_BOT), "");
        return engine.preferencesFor(new Context(nobody, place.channel(ChannelRef.Kind.GROUP), community, Role.MEMBER, null)).locale();
    }

    /** {@code https://t.me/<bot>?start=<payload>}: opens the private chat with the bot, Start pressed by the member. */
    static String deepLink(String botUsername, String payload) {
        return "https://t.me/" + botUsername + "?start=" + payload;
    }

    // --- contexts ---

    /**
     * Where a message was written: its chat and, in a forum, its topic. Only a topic message ({@code is_topic_message};
     * Bot API, "Message") names a topic: in a group without topics {@code message_thread_id} is a reply thread, which
     * a send cannot target.
     */
    static TelegramChat placeOf(Message message) {
        boolean topic = Boolean.TRUE.equals(message.getIsTopicMessage()) && message.getChat() != null
                && Boolean.TRUE.equals(message.getChat().getIsForum());
        return TelegramChat.of(message.getChatId(), topic ? message.getMessageThreadId() : null);
    }

    private Context context(User from, Chat chat, TelegramChat place) {
        MemberRef member = member(from);
        ChannelRef.Kind kind = kindOf(chat).orElseThrow();
        ChannelRef channel = kind == ChannelRef.Kind.GROUP ? place.channel(kind) : TelegramChat.of(chat.getId()).channel(kind);
        if (kind == ChannelRef.Kind.GROUP) {
            CommunityRef group = group(chat);
            return new Context(member, channel, group,
                    bestEffort("look up a member's role", () -> organisers.roleIn(group, member.userId()), Role.MEMBER), locale(from));
        }
        // a private chat belongs to no group: the engine settles it to the member's last group, and their
        // role is the one they have there
        Role role = bestEffort("look up a member's role", () -> engine.homeOf(member)
                .map(home -> organisers.roleIn(home, member.userId()))
                .orElse(Role.MEMBER), Role.MEMBER);
        return new Context(member, channel, CommunityRef.unresolved(Platform.TELEGRAM), role, locale(from));
    }

    private static CommunityRef group(Chat chat) {
        return new CommunityRef(Platform.TELEGRAM, Long.toString(chat.getId()));
    }

    private static MemberRef member(User from) {
        String name = from.getFirstName() == null ? "" : from.getFirstName();
        if (from.getLastName() != null && !from.getLastName().isBlank()) {
            name = name + " " + from.getLastName();
        }
        return new MemberRef(Platform.TELEGRAM, Long.toString(from.getId()), name.strip());
    }

    private static Locale locale(User from) {
        String code = from.getLanguageCode();
        return code == null || code.isBlank() ? null : Locale.forLanguageTag(code);
    }

    private static Optional<ChannelRef.Kind> kindOf(Chat chat) {
        String type = chat.getType();
        if ("private".equals(type)) {
            return Optional.of(ChannelRef.Kind.DIRECT);
        }
        if ("group".equals(type) || "supergroup".equals(type)) {
            return Optional.of(ChannelRef.Kind.GROUP);
        }
        return Optional.empty();
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
}
