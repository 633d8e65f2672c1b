package org.circlekeeper.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.OptionType;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Markup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps Discord events to the core's {@link Inbound} events and delivers the engine's replies:
 * slash commands with their named options, button presses, modal submissions, autocomplete, and
 * plain messages (in direct messages, and in server channels for the opt-in safety check). The
 * engine runs on the adapter's own threads, never on the gateway's.
 */
final class DiscordListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordListener.class);
    /** How long the note about closed direct messages stays in the channel. */
    static final long NOTE_MINUTES = 2;

    private final Engine engine;
    private final SlashCommands commands;
    private final DiscordContexts contexts;
    private final DiscordMessenger messenger;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timer;

    DiscordListener(Engine engine, SlashCommands commands, DiscordContexts contexts, DiscordMessenger messenger,
                    ExecutorService handlers, ScheduledExecutorService timer) {
        this.engine = engine;
        this.commands = commands;
        this.contexts = contexts;
        this.messenger = messenger;
        this.handlers = handlers;
        this.timer = timer;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        guard("slash command", () -> {
            Context context = contexts.context(event.getUser(), event.getMember(), event.getGuild(), event.getChannel(),
                    event.getUserLocale());
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionMapping option : event.getOptions()) {
                options.put(option.getName(), option.getAsString());
            }
            Inbound inbound = new Inbound.CommandInvoked(context, event.getName(),
                    new Arguments.Named(event.getSubcommandName(), options));
            answer(inbound, new InteractionResponse(event, null, event, null));
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        guard("button", () -> {
            Context context = contexts.context(event.getUser(), event.getMember(), event.getGuild(), event.getChannel(),
                    event.getUserLocale());
            Inbound inbound = new Inbound.ButtonPressed(context, event.getComponentId(), event.getMessageId());
            answer(inbound, new InteractionResponse(event, event, event, event.getMessage()));
        });
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        guard("modal", () -> {
            Context context = contexts.context(event.getUser(), event.getMember(), event.getGuild(), event.getChannel(),
                    event.getUserLocale());
            Map<String, String> fields = new LinkedHashMap<>();
            event.getValues().forEach(value -> fields.put(value.getCustomId(), value.getAsString()));
            Inbound inbound = new Inbound.FormSubmitted(context, event.getModalId(), fields);
            answer(inbound, new InteractionResponse(event, event, null, event.getMessage()));
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        guard("autocomplete", () -> {
            AutoCompleteQuery focused = event.getFocusedOption();
            Optional<OptionSpec> option = commands.option(event.getName(), event.getSubcommandName(), focused.getName());
            Context context = contexts.context(event.getUser(), event.getMember(), event.getGuild(), event.getChannel(),
                    event.getUserLocale());
            run(() -> event.replyChoices(option.map(o -> choices(o, context, focused.getValue())).orElse(List.of()))
                    .queue(null, InteractionResponse.failure("autocomplete")));
        });
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        guard("message", () -> {
            Message message = event.getMessage();
            if (event.getAuthor().isBot() || event.isWebhookMessage() || event.getAuthor().isSystem()
                    || (message.getType() != MessageType.DEFAULT && message.getType() != MessageType.INLINE_REPLY)) {
                return;
            }
            String text = message.getContentRaw();
            if (text.isBlank()) {
                return;
            }
            Context context = contexts.context(event.getAuthor(), event.getMember(), event.isFromGuild() ? event.getGuild() : null,
                    event.getChannel(), null);
            run(() -> deliverToChannel(context, event.getChannel(), engine.handle(new Inbound.TextReceived(context, text))));
        });
    }

    private void answer(Inbound inbound, InteractionResponse response) {
        response.deferLater(timer);
        run(() -> {
            List<Reply> replies;
            try {
                replies = engine.handle(inbound);
            } catch (Throwable e) {
                // the engine answers every failure itself; this is a failure while it apologised
                failed("the engine on a " + inbound.getClass().getSimpleName(), e);
                replies = List.of();
            }
            response.deliver(replies);
        });
    }

    private void run(Runnable task) {
        try {
            handlers.execute(() -> {
                try {
                    task.run();
                } catch (Throwable e) {
                    failed("an event on a handler thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("a Discord event arrived while the adapter shuts down; not handled");
        }
    }

    /**
     * The boundary of one event on the gateway's thread: whatever it throws is logged (its type and stack, not
     * what was typed) and counted, and the gateway goes on with the next event. (JDA rethrows an {@link Error}
     * from a listener, which would end its event thread.)
     */
    private void guard(String what, Runnable body) {
        try {
            body.run();
        } catch (Throwable e) {
            failed("a " + what, e);
        }
    }

    private void failed(String what, Throwable e) {
        LOG.error("handling {} from Discord failed: {}", what, e.getClass().getName(), e);
        engine.metrics().unitFailed(Platform.DISCORD, "update");
    }

    private List<Command.Choice> choices(OptionSpec option, Context context, String partial) {
        List<Suggester.Suggestion> suggestions;
        if (option.suggester() != null) {
            suggestions = option.suggester().suggest(context, partial);
        } else if (option.type() == OptionType.CHOICE) {
            String start = partial.strip().toLowerCase(Locale.ROOT);
            Locale locale = engine.preferencesFor(context).locale();
            suggestions = option.choices().stream()
                    .map(c -> new Suggester.Suggestion(Markup.plain(engine.text(option.choiceLabel(c), locale)).strip(), c))
                    .filter(s -> s.value().startsWith(start) || s.label().toLowerCase(locale).startsWith(start))
                    .toList();
        } else {
            suggestions = List.of();
        }
        return suggestions.stream()
                .filter(s -> s.value() != null && !s.value().isBlank() && s.value().length() <= 100)
                .limit(25)
                .map(s -> new Command.Choice(DiscordMessages.shorten(s.label() == null || s.label().isBlank() ? s.value() : s.label(), 100),
                        s.value()))
                .toList();
    }

    /**
     * Replies to a plain message: public ones in its channel; private ones in a server channel go
     * to the member's direct messages (a channel message has no "only you can see this"), with a
     * short note in the channel, without the content, when those are closed.
     */
    private void deliverToChannel(Context context, MessageChannel channel, List<Reply> replies) {
        for (Reply reply : replies) {
            OutgoingMessage message = reply.message();
            if (message.form() != null) {
                LOG.warn("a form was asked for in answer to a plain message, where Discord opens no modal; its prompt is sent instead");
                message = new OutgoingMessage(message.markup(), message.buttonRows(), message.visibility(), message.attachment(), null);
            }
            if (message.visibility() == Visibility.PRIVATE && !context.channel().isDirect()) {
                try {
                    messenger.send(new Target.Member(context.member()), message);
                } catch (Messenger.DeliveryFailed failed) {
                    if (DiscordMessenger.directMessagesClosed(failed)) {
                        noteClosedDirectMessages(context, channel);
                    } else {
                        LOG.warn("a private answer to a message could not be delivered: {}", failed.getMessage());
                    }
                }
                continue;
            }
            for (MessageCreateData part : DiscordMessages.render(message)) {
                channel.sendMessage(part).queue(null, InteractionResponse.failure("message"));
            }
        }
    }

    private void noteClosedDirectMessages(Context context, MessageChannel channel) {
        Locale locale = engine.preferencesFor(context).locale();
        String userId = context.member().userId();
        MessageCreateData note = new MessageCreateBuilder()
                .setContent("<@" + userId + ">, " + DiscordMarkdown.render(engine.text(EngineMessages.PRIVATE_CLOSED, locale)))
                .setAllowedMentions(DiscordMessages.NO_MENTIONS)
                .mentionUsers(userId)
                .build();
        channel.sendMessage(note).queue(sent -> sent.delete().queueAfter(NOTE_MINUTES, TimeUnit.MINUTES, null,
                InteractionResponse.failure("note removal")), InteractionResponse.failure("note"));
    }
}
