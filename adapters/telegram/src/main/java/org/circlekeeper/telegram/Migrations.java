package org.circlekeeper.telegram;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.StoreUnavailable;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A basic group upgraded to a supergroup gets a new chat id (Bot API, "Message": {@code migrate_to_chat_id} and
 * {@code migrate_from_chat_id}, "ResponseParameters": {@code migrate_to_chat_id}). Telegram says so three ways, in any
 * order and to any replica: a service message in the old group naming the new id, one in the new supergroup naming the
 * old id, and a 400 to any send to the old id. Each becomes the core's {@link MembershipEvent.CommunityMoved}, which
 * moves the community once however often it is reported. A failed send reports it from a background thread: the send
 * may come from a reminder job of that very group, which the move waits for.
 */
final class Migrations implements AutoCloseable {

    /** Hears that the group {@code from} is now the supergroup {@code to}. */
    @FunctionalInterface
    interface Listener {
        void migrated(long from, long to);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private final Engine engine;
    private final TelegramDelivery delivery;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "telegram-migrations");
        thread.setDaemon(true);
        return thread;
    });

    Migrations(Engine engine, TelegramDelivery delivery) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
    }

    /** Whether the message is one of the two service messages of an upgrade. */
    static boolean isServiceMessage(Message message) {
        return message.getMigrateToChatId() != null || message.getMigrateFromChatId() != null;
    }

    /**
     * A service message of an upgrade, handled now (on the chat's worker): in the old group it names the new id
     * ({@code migrate_to_chat_id}), in the new supergroup the old one ({@code migrate_from_chat_id}).
     */
    void serviceMessage(Message message) {
        long here = message.getChatId();
        long from = message.getMigrateToChatId() != null ? here : message.getMigrateFromChatId();
        long to = message.getMigrateToChatId() != null ? message.getMigrateToChatId() : here;
        delivery.upgraded(from, to);
        move(from, to);
    }

    /** A send to {@code from} answered that it is {@code to} now: the move runs in the background (see the class). */
    void failedSend(long from, long to) {
        background.execute(() -> {
            try {
                move(from, to);
            } catch (RuntimeException e) {
                // the boundary of one unit of work: the service messages, or the next failed send, report it again
                LOG.error("moving an upgraded Telegram group failed: {}", e.getClass().getName(), e);
                engine.metrics().unitFailed(Platform.TELEGRAM, "migration");
            }
        });
    }

    private void move(long from, long to) {
        if (from == to) {
            return;
        }
        try {
            // the group's chat is the community: its stored places follow it
            engine.membershipChanged(new MembershipEvent.CommunityMoved(group(from), group(to),
                    Map.of(TelegramChat.of(from).channel(ChannelRef.Kind.GROUP), TelegramChat.of(to).channel(ChannelRef.Kind.GROUP))));
        } catch (StoreUnavailable e) {
            LOG.warn("an upgraded Telegram group could not be moved now: the store is unreachable; it is moved when reported again");
            engine.metrics().storeUnavailable(Platform.TELEGRAM);
        } catch (UnsupportedOperationException e) {
            // the store cannot move a group (a Redis Cluster): the group's data stays under its old id; the reason has no personal data
            LOG.warn("an upgraded Telegram group could not be moved: {}", e.getMessage());
            engine.metrics().unitFailed(Platform.TELEGRAM, "migration");
        }
    }

    private static CommunityRef group(long chatId) {
        return new CommunityRef(Platform.TELEGRAM, Long.toString(chatId));
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(10, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
