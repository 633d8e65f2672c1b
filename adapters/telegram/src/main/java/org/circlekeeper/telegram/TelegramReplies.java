package org.circlekeeper.telegram;

import static org.circlekeeper.telegram.StoreFallback.bestEffort;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.message.OnceMarks;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.platform.Reachability;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;

/**
 * Where the engine's answers go: public ones to the chat, private ones to the member's private chat, with a note and a
 * deep link in the group when the bot cannot write there; the adapter's own short notes (a closed topic, a group that
 * does not let the bot answer) and the answers to button presses.
 */
final class TelegramReplies {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramReplies.class);

    /** The deep-link payload of the "open our private chat" note; {@code /start} with it is a plain welcome. */
    static final String START_FROM_GROUP = "from-group";
    /** How often, at most, the organisers hear that one topic cannot be posted in. */
    static final Duration TOPIC_NOTICE_WINDOW = Duration.ofDays(30);

    private final Engine engine;
    private final TelegramApi api;
    private final TelegramDelivery delivery;
    private final Reachability reachability;
    private final Duration unreachableTtl;
    private final Supplier<String> botUsername;
    private final Refusals refusals;
    private final OnceMarks marks;
    private final TelegramContexts contexts;
    /** Answers presses while their update is handled; as many at once as updates are handled, each joined by its own. */
    private final ExecutorService answering = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "telegram-press-answers");
        thread.setDaemon(true);
        return thread;
    });

    TelegramReplies(Engine engine, TelegramApi api, TelegramDelivery delivery, Reachability reachability, Duration unreachableTtl,
                    Supplier<String> botUsername, Refusals refusals, OnceMarks marks, TelegramContexts contexts) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.api = Objects.requireNonNull(api, "api");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.reachability = Objects.requireNonNull(reachability, "reachability");
        this.unreachableTtl = Objects.requireNonNull(unreachableTtl, "unreachableTtl");
        this.botUsername = Objects.requireNonNull(botUsername, "botUsername");
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** Where a button was pressed: the message to replace when a reply asks for it. */
    record Origin(TelegramChat chat, int messageId) {
    }

    /**
     * Sends the engine's replies: in a private chat all go there; in a group, public ones go to the group
     * and private ones to the member's private chat. A reply that replaces its origin edits the pressed
     * message when it goes to the same chat (so a private answer never overwrites a public message).
     */
    void deliver(Context context, List<Reply> replies, Origin origin) {
        deliver(context, replies, origin, Optional.empty());
    }

    /**
     * As {@link #deliver(Context, List, Origin)}, with whether the member was unreachable privately when the update's
     * claim read it ahead ({@link UpdateClaims}): "reachable" is used as read (a send that meets a block since is handled as
     * any refusal); "unreachable" is read again, as the member may have written to the bot since.
     */
    void deliver(Context context, List<Reply> replies, Origin origin, Optional<Boolean> unreachableRead) {
        boolean noted = false;
        boolean toldPrivately = false;
        TelegramChat here = TelegramChat.parse(context.channel().channelId());
        TelegramChat memberChat = TelegramChat.of(Long.parseLong(context.member().userId()));
        for (Reply reply : replies) {
            OutgoingMessage message = reply.message();
            boolean toMember = context.channel().isDirect() || message.visibility() == Visibility.PRIVATE;
            TelegramChat target = context.channel().isDirect() ? here : toMember ? memberChat : here;
            if (toMember && !context.channel().isDirect() && !unreachableRead.equals(Optional.of(false))
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
        Locale locale = contexts.groupLocale(community, topic.chat());
        sendNote(topic.chat(), TelegramHtml.render(engine.text(EngineMessages.TOPIC_UNREACHABLE, locale,
                Map.of("link", topic.link()))), "the notice about a closed topic");
        LOG.info("the organisers of a group were told that one of its topics is closed or deleted");
    }

    /** {@code https://t.me/<bot>?start=<payload>}: opens the private chat with the bot, Start pressed by the member. */
    static String deepLink(String botUsername, String payload) {
        return "https://t.me/" + botUsername + "?start=" + payload;
    }

    /** Stops the button's spinner; Telegram wants it answered whatever happens next. */
    void answer(CallbackQuery query) {
        answer(query, null);
    }

    /**
     * Stops the button's spinner on another thread, so that the press is handled while the answer travels (Bot API,
     * "answerCallbackQuery": the client shows a progress bar until it is called, whatever else the bot sends). The
     * caller joins the future before its update ends.
     */
    CompletableFuture<Void> answerSoon(CallbackQuery query) {
        return CompletableFuture.runAsync(() -> answer(query), answering);
    }

    /** Lets the threads that answer presses end. */
    void close() {
        answering.shutdown();
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
}
