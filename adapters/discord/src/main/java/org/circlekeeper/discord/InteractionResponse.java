package org.circlekeeper.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one interaction (a slash command, a button, a modal) with the engine's replies, the way
 * Discord allows: the first reply is the interaction's response (a message, an edit of the message
 * whose button was pressed, or a modal), the others are follow-ups; private replies are ephemeral.
 * Discord wants a response within three seconds: when the engine takes longer the interaction is
 * deferred first (privately, so nothing leaks) and the replies then fill it in.
 */
final class InteractionResponse {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionResponse.class);

    /** How long the engine may take before the interaction is deferred (Discord allows three seconds). */
    static final long DEFER_AFTER_MILLIS = 2_200;

    private enum State { PENDING, DEFERRED_REPLY, DEFERRED_EDIT, RESPONDED }

    private final IReplyCallback callback;
    private final IMessageEditCallback editable;
    private final IModalCallback modalable;
    private final Message origin;
    private final boolean inServer;
    private State state = State.PENDING;
    private boolean originalUsed;
    private ScheduledFuture<?> deferral;

    /**
     * @param editable  the interaction when it may edit the message it came from, else null
     * @param modalable the interaction when it may open a modal, else null
     * @param origin    the message whose button was pressed (or whose modal was submitted), else null
     */
    InteractionResponse(IReplyCallback callback, IMessageEditCallback editable, IModalCallback modalable, Message origin) {
        this.callback = callback;
        this.editable = origin == null ? null : editable;
        this.modalable = modalable;
        this.origin = origin;
        this.inServer = callback.isFromGuild();
    }

    /** Defers the interaction if no response was given by the deadline. */
    synchronized void deferLater(ScheduledExecutorService timer) {
        deferral = timer.schedule(this::deferIfPending, DEFER_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void deferIfPending() {
        if (state != State.PENDING) {
            return;
        }
        LOG.debug("the engine is slow to answer an interaction; deferring it");
        if (editable != null) {
            editable.deferEdit().queue(null, failure("defer"));
            state = State.DEFERRED_EDIT;
        } else {
            callback.deferReply(true).queue(null, failure("defer"));
            state = State.DEFERRED_REPLY;
        }
    }

    /** Sends the replies, in order, except that a form opens first (a modal must be the response). */
    synchronized void deliver(List<Reply> replies) {
        if (deferral != null) {
            deferral.cancel(false);
        }
        for (Reply reply : formFirst(replies)) {
            deliver(reply);
        }
        finish();
    }

    private void deliver(Reply reply) {
        OutgoingMessage message = reply.message();
        if (message.form() != null) {
            if (state == State.PENDING && modalable != null) {
                modalable.replyModal(DiscordMessages.modal(message.form())).queue(null, failure("modal"));
                state = State.RESPONDED;
                return;
            }
            LOG.warn("a form could not open as a modal (it was not the interaction's first response); its prompt is sent instead");
            message = new OutgoingMessage(message.markup(), message.buttonRows(), message.visibility(), message.attachment(), null);
        }
        boolean ephemeral = inServer && message.visibility() == Visibility.PRIVATE;
        List<MessageCreateData> parts = DiscordMessages.render(message);
        MessageCreateData first = parts.get(0);
        boolean replaces = reply.replacesOrigin() && origin != null && origin.isEphemeral() == ephemeral;
        switch (state) {
            case PENDING -> {
                if (replaces && editable != null) {
                    editable.editMessage(DiscordMessages.asEdit(first)).queue(null, failure("edit"));
                } else {
                    callback.reply(first).setEphemeral(ephemeral).queue(null, failure("reply"));
                }
                state = State.RESPONDED;
            }
            case DEFERRED_EDIT -> {
                if (replaces && !originalUsed) {
                    hook().editOriginal(DiscordMessages.asEdit(first)).queue(null, failure("edit"));
                    originalUsed = true;
                } else {
                    followUp(first, ephemeral);
                }
            }
            case DEFERRED_REPLY -> {
                if (ephemeral && !originalUsed) {
                    hook().editOriginal(DiscordMessages.asEdit(first)).queue(null, failure("edit"));
                    originalUsed = true;
                } else {
                    followUp(first, ephemeral);
                }
            }
            case RESPONDED -> followUp(first, ephemeral);
            default -> throw new IllegalStateException("unhandled state " + state);
        }
        for (MessageCreateData part : parts.subList(1, parts.size())) {
            followUp(part, ephemeral);
        }
    }

    /** Every interaction needs a response, even when the engine had nothing to say. */
    private void finish() {
        if (state == State.PENDING) {
            if (editable != null) {
                editable.deferEdit().queue(null, failure("acknowledge"));
            } else {
                callback.deferReply(true).flatMap(InteractionHook::deleteOriginal).queue(null, failure("acknowledge"));
            }
            state = State.RESPONDED;
        } else if (state == State.DEFERRED_REPLY && !originalUsed) {
            hook().deleteOriginal().queue(null, failure("clean up"));
        }
    }

    private void followUp(MessageCreateData part, boolean ephemeral) {
        hook().sendMessage(part).setEphemeral(ephemeral).queue(null, failure("follow-up"));
    }

    private InteractionHook hook() {
        return callback.getHook();
    }

    private List<Reply> formFirst(List<Reply> replies) {
        int formAt = -1;
        for (int i = 0; i < replies.size() && formAt < 0; i++) {
            formAt = replies.get(i).message().form() != null ? i : -1;
        }
        if (modalable == null || formAt <= 0) {
            return replies;
        }
        List<Reply> ordered = new ArrayList<>(replies.size());
        ordered.add(replies.get(formAt));
        for (int i = 0; i < replies.size(); i++) {
            if (i != formAt) {
                ordered.add(replies.get(i));
            }
        }
        return ordered;
    }

    /** Logs a failed request with its Discord error code, never its content. */
    static Consumer<Throwable> failure(String what) {
        return error -> {
            if (error instanceof ErrorResponseException response) {
                LOG.warn("Discord refused the interaction {}: error {} ({})", what, response.getErrorCode(), response.getErrorResponse());
            } else {
                LOG.warn("the interaction {} failed: {}", what, error.getClass().getName());
            }
        };
    }
}
