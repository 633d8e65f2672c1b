package org.circlekeeper.core.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.Speech;
import org.circlekeeper.core.template.TemplateRenderer;

/**
 * The handle a feature gets for one event: who and where, the language and zone to use, the clock,
 * and the only way to answer. Features never see platform types.
 */
public final class Turn implements Speech {

    private final Context context;
    private final Preferences preferences;
    private final Clock clock;
    private final TemplateRenderer renderer;
    private final Supplier<Map<String, String>> wording;
    private final Function<ChannelRef.Kind, List<CommandSpec>> commands;
    private final Function<ChannelRef.Kind, List<HelpTopic>> helpTopics;
    private Map<String, String> wordingSnapshot;
    private final List<Reply> replies = new ArrayList<>();
    private String refusedOption;

    Turn(Context context, Preferences preferences, Clock clock, TemplateRenderer renderer,
         Supplier<Map<String, String>> wording, Function<ChannelRef.Kind, List<CommandSpec>> commands,
         Function<ChannelRef.Kind, List<HelpTopic>> helpTopics) {
        this.context = context;
        this.preferences = preferences;
        this.clock = clock;
        this.renderer = renderer;
        this.wording = wording;
        this.commands = commands;
        this.helpTopics = helpTopics;
    }

    public Context context() {
        return context;
    }

    public MemberRef member() {
        return context.member();
    }

    public CommunityRef community() {
        return context.community();
    }

    public Locale locale() {
        return preferences.locale();
    }

    public ZoneId zone() {
        return preferences.zone();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ZonedDateTime localNow() {
        return ZonedDateTime.now(clock).withZoneSameInstant(preferences.zone());
    }

    /** Renders a message in this person's language, with the community's own wording where it has one. */
    public String text(MessageKey key, Object... keyValues) {
        return renderer.render(key, locale(), communityWording(), values(keyValues));
    }

    /** Renders a message in a given language (e.g. right after the member changed theirs). */
    public String textIn(Locale locale, MessageKey key, Object... keyValues) {
        return renderer.render(key, locale, Map.of(), values(keyValues));
    }

    /** An option's name in this person's language, e.g. {@code zona}; its token where no label was written. */
    public String label(OptionSpec option) {
        return labelIn(locale(), option.label(), option.name());
    }

    /** A choice in this person's language, e.g. {@code borrar}; its token where no label was written. */
    public String choiceLabel(OptionSpec option, String choice) {
        return labelIn(locale(), option.choiceLabel(choice), choice);
    }

    /**
     * The choice a member typed: its token, or its label in this person's language or any other the
     * bot speaks, compared without case or accents ({@code Si} finds {@code sí}).
     */
    public Optional<String> choiceTyped(OptionSpec option, String typed) {
        String wanted = fold(typed);
        Optional<String> token = option.choices().stream().filter(c -> fold(c).equals(wanted)).findFirst();
        if (token.isPresent()) {
            return token;
        }
        List<Locale> order = new ArrayList<>(List.of(locale()));
        Locales.SUPPORTED.stream().filter(l -> !order.contains(l)).forEach(order::add);
        for (Locale in : order) {
            for (String choice : option.choices()) {
                if (fold(labelIn(in, option.choiceLabel(choice), choice)).equals(wanted)) {
                    return Optional.of(choice);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * How a command, or one of its subcommands ({@code leaf}), is typed, named in this person's language:
     * {@code /language [idioma]}, {@code /checkin ausente [hasta]}.
     */
    public String usage(CommandSpec command, CommandSpec leaf) {
        return leaf == command ? leaf.usage("/", this::label)
                : leaf.usage("/" + command.name() + " ", subcommandLabel(leaf), this::label);
    }

    /** A subcommand's name in this person's language, e.g. {@code historial}; its name where no label was written. */
    public String subcommandLabel(CommandSpec sub) {
        return labelIn(locale(), sub.label(), sub.name());
    }

    /**
     * The subcommand a member typed: by its name, or by its label in this person's language or any other the
     * bot speaks, compared without case or accents ({@code Historial} finds {@code history}).
     */
    public Optional<CommandSpec> subcommandTyped(CommandSpec command, String typed) {
        Optional<CommandSpec> named = command.subcommand(typed);
        if (named.isPresent()) {
            return named;
        }
        String wanted = fold(typed);
        List<Locale> order = new ArrayList<>(List.of(locale()));
        Locales.SUPPORTED.stream().filter(l -> !order.contains(l)).forEach(order::add);
        for (Locale in : order) {
            for (CommandSpec sub : command.subcommands()) {
                if (fold(labelIn(in, sub.label(), sub.name())).equals(wanted)) {
                    return Optional.of(sub);
                }
            }
        }
        return Optional.empty();
    }

    private String labelIn(Locale in, MessageKey key, String token) {
        if (renderer.source().text(in, key.key()) == null && renderer.source().text(Locales.ENGLISH, key.key()) == null) {
            return token;
        }
        Map<String, String> own = in.equals(locale()) ? communityWording() : Map.of();
        return renderer.render(key, in, own, Map.of()).strip();
    }

    private static String fold(String text) {
        return Locales.fold(text);
    }

    /** The commands this person may use here, or in a place of the other kind (for /help). */
    public List<CommandSpec> availableCommands(ChannelRef.Kind where) {
        return commands.apply(where);
    }

    /** The help topics with what this person may use here, or in a place of the other kind. */
    public List<HelpTopic> helpTopics(ChannelRef.Kind where) {
        return helpTopics.apply(where);
    }

    /** A message in this person's language, or {@code fallback} where no locale has a text for it. */
    public String textOr(MessageKey key, String fallback) {
        return labelIn(locale(), key, fallback);
    }

    /** A message in a given language, or {@code fallback} where no locale has a text for it. */
    public String textOrIn(Locale in, MessageKey key, String fallback) {
        return labelIn(in, key, fallback);
    }

    /** A message builder with the rendered text, for adding buttons or an attachment. */
    public OutgoingMessage.Builder compose(MessageKey key, Object... keyValues) {
        return OutgoingMessage.text(text(key, keyValues));
    }

    /** Answers where the event happened, visible to everyone there. */
    public void reply(OutgoingMessage message) {
        replies.add(new Reply(message, false));
    }

    public void reply(MessageKey key, Object... keyValues) {
        reply(compose(key, keyValues).build());
    }

    /** Answers only the member (ephemeral on Discord, the private chat on Telegram). */
    public void replyPrivately(OutgoingMessage message) {
        replies.add(new Reply(message.withVisibility(Visibility.PRIVATE), false));
    }

    public void replyPrivately(MessageKey key, Object... keyValues) {
        replyPrivately(compose(key, keyValues).build());
    }

    /** Replaces the message whose button was pressed (falls back to a new message where that cannot be done). */
    public void replaceOrigin(OutgoingMessage message) {
        replies.add(new Reply(message, true));
    }

    List<Reply> replies() {
        return List.copyOf(replies);
    }

    /**
     * Marks the option whose value the command refused (null: the command as a whole), for a form to show beside it; a
     * handler's own check of a value marks it too.
     */
    public void refusedOption(String option) {
        this.refusedOption = option;
    }

    Optional<String> refusedOption() {
        return Optional.ofNullable(refusedOption);
    }

    private Map<String, String> communityWording() {
        if (wordingSnapshot == null) {
            wordingSnapshot = wording.get();
        }
        return wordingSnapshot;
    }

    static Map<String, Object> values(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("template values come in name, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
