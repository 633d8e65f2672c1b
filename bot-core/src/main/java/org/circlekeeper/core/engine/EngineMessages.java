package org.circlekeeper.core.engine;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The engine's own messages: what people are told when a command, an option or a button cannot be used. */
public final class EngineMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code core.yml}. */
    public static final MessageCatalog KEYS = MessageCatalog.of("core");

    public static final MessageKey UNKNOWN_COMMAND = KEYS.key("engine.unknown-command", "command", "suggestion");
    public static final MessageKey DIRECT_ONLY = KEYS.key("engine.scope.direct-only", "command");
    public static final MessageKey GROUP_ONLY = KEYS.key("engine.scope.group-only", "command");
    public static final MessageKey ORGANISERS_ONLY = KEYS.key("engine.permission.organiser", "command");
    public static final MessageKey CHAIR_ONLY = KEYS.key("engine.permission.chair", "command");
    public static final MessageKey OPTION_MISSING = KEYS.key("engine.option.missing", "option", "usage", "example");
    public static final MessageKey OPTION_TOO_LONG = KEYS.key("engine.option.too-long", "option", "max", "length");
    public static final MessageKey OPTION_TOO_SHORT = KEYS.key("engine.option.too-short", "option", "min");
    public static final MessageKey OPTION_NOT_A_NUMBER = KEYS.key("engine.option.not-a-number", "option", "value");
    public static final MessageKey OPTION_OUT_OF_RANGE = KEYS.key("engine.option.out-of-range", "option", "min", "max");
    public static final MessageKey OPTION_NOT_A_CHOICE = KEYS.key("engine.option.not-a-choice", "option", "choices");
    public static final MessageKey OPTION_UNKNOWN = KEYS.key("engine.option.unknown", "option", "usage");
    public static final MessageKey TOO_MANY_WORDS = KEYS.key("engine.option.too-many", "extra", "usage", "example");
    public static final MessageKey SUBCOMMAND_MISSING = KEYS.key("engine.subcommand.missing", "command", "subcommands");
    public static final MessageKey SUBCOMMAND_UNKNOWN = KEYS.key("engine.subcommand.unknown", "command", "given", "subcommands");
    public static final MessageKey BUTTON_STALE = KEYS.key("engine.button.stale");
    public static final MessageKey BUTTON_NOT_YOURS = KEYS.key("engine.button.not-yours");
    /** A chair's button (next step, call the next person) pressed by someone who does not chair. */
    public static final MessageKey BUTTON_CHAIR_ONLY = KEYS.key("engine.button.chair-only");
    /** An organisers' button pressed by a member. */
    public static final MessageKey BUTTON_ORGANISERS_ONLY = KEYS.key("engine.button.organisers-only");
    public static final MessageKey FORM_STALE = KEYS.key("engine.form.stale");
    public static final MessageKey INTERNAL_ERROR = KEYS.key("engine.error.internal");
    /** Said when the bot's storage cannot be reached now: nothing is wrong with what the member did. */
    public static final MessageKey STORE_UNAVAILABLE = KEYS.key("engine.error.store-unavailable");
    public static final MessageKey DIRECT_HINT = KEYS.key("engine.direct-hint");
    /** Said in the group (after the member's mention) when a private answer cannot reach a member whose private messages are closed. */
    public static final MessageKey PRIVATE_CLOSED = KEYS.key("engine.private-closed");
    /**
     * Said in the group (after the member's mention) when a private answer needs a private chat the
     * member never started; {@code link} opens one.
     */
    public static final MessageKey PRIVATE_START = KEYS.key("engine.private-start", "link");
    /** The button above inline search results that opens the private chat (Telegram inline mode). */
    public static final MessageKey INLINE_SEARCH_PRIVATELY = KEYS.key("engine.inline.search-privately");
    /**
     * Said in the group when a command came from the group's anonymous administrator account (the platform does not
     * say who sent it): an administrator confirms with the {@link #ANONYMOUS_ADMIN_CONFIRM} button; {@code command}
     * names it and {@code minutes} is how long the button works.
     */
    public static final MessageKey ANONYMOUS_ADMIN_ASK = KEYS.key("engine.anonymous-admin.ask", "command", "minutes");
    /** The button under {@link #ANONYMOUS_ADMIN_ASK}. */
    public static final MessageKey ANONYMOUS_ADMIN_CONFIRM = KEYS.key("engine.anonymous-admin.confirm");
    /** The question, edited once an administrator confirmed; {@code name} is theirs (pressing shows it). */
    public static final MessageKey ANONYMOUS_ADMIN_CONFIRMED = KEYS.key("engine.anonymous-admin.confirmed", "command", "name");
    /** Shown only to someone who pressed the confirmation without being an administrator (at most 200 characters). */
    public static final MessageKey ANONYMOUS_ADMIN_NOT_ADMIN = KEYS.key("engine.anonymous-admin.not-admin");
    /** Shown only to the presser when the confirmation was used already or expired (at most 200 characters). */
    public static final MessageKey ANONYMOUS_ADMIN_GONE = KEYS.key("engine.anonymous-admin.gone");
    /** Said when a command was posted on behalf of a channel, which is no person the bot could act for. */
    public static final MessageKey CHANNEL_COMMAND = KEYS.key("engine.channel-command");
    /**
     * Said once where the group's organisers can read it when the bot can no longer post in one of the group's topics
     * (closed or deleted); {@code link} opens the topic.
     */
    public static final MessageKey TOPIC_UNREACHABLE = KEYS.key("engine.topic-unreachable", "link");
    /**
     * Said privately to someone whose command in a group got no answer because the group does not let the bot post
     * (its right to send messages taken, or the bot removed).
     */
    public static final MessageKey GROUP_UNWRITABLE = KEYS.key("engine.group-unwritable");


    private EngineMessages() {
    }
}
