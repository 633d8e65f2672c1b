package org.circlekeeper.telegram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.Markup;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;

/**
 * The bot's command menus, built from the core's {@link CommandSpec}s: one per scope (private chats,
 * groups, group administrators) and per language (each the core speaks, plus a default for everyone
 * else in the deployment's language). Telegram menus are flat, so a command with subcommands is one
 * entry; its description is the command's own.
 */
public final class CommandMenu {

    /** Telegram's limits: 100 commands per menu, descriptions of 1 to 256 characters. */
    static final int MAX_COMMANDS = 100;
    static final int MAX_DESCRIPTION = 256;

    /** The places a menu is shown, with who is asking there. */
    public enum Scope {
        PRIVATE_CHATS(ChannelRef.Kind.DIRECT, Role.MEMBER),
        GROUP_CHATS(ChannelRef.Kind.GROUP, Role.MEMBER),
        GROUP_ADMINISTRATORS(ChannelRef.Kind.GROUP, Role.ORGANISER);

        private final ChannelRef.Kind kind;
        private final Role role;

        Scope(ChannelRef.Kind kind, Role role) {
            this.kind = kind;
            this.role = role;
        }

        BotCommandScope telegramScope() {
            return switch (this) {
                case PRIVATE_CHATS -> new BotCommandScopeAllPrivateChats();
                case GROUP_CHATS -> new BotCommandScopeAllGroupChats();
                case GROUP_ADMINISTRATORS -> new BotCommandScopeAllChatAdministrators();
            };
        }
    }

    /**
     * One menu: its scope, its language ({@code null} for the default menu) and its entries.
     *
     * @param locale the language its descriptions are in
     */
    public record Menu(Scope scope, String languageCode, Locale locale, List<BotCommand> commands) {
        public Menu {
            Objects.requireNonNull(scope, "scope");
            commands = List.copyOf(commands);
        }

        /** The Bot API call that sets this menu. */
        public SetMyCommands request() {
            SetMyCommands.SetMyCommandsBuilder<?, ?> builder = SetMyCommands.builder().commands(commands).scope(scope.telegramScope());
            if (languageCode != null) {
                builder.languageCode(languageCode);
            }
            return builder.build();
        }
    }

    private CommandMenu() {
    }

    /** Every menu: each scope in the default language and in each language the core speaks. */
    public static List<Menu> menus(Engine engine, Locale defaultLocale) {
        Locale fallback = Locales.supported(defaultLocale).orElse(Locales.ENGLISH);
        List<Menu> menus = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            menus.add(menu(engine, scope, null, fallback));
            for (Locale locale : Locales.SUPPORTED) {
                menus.add(menu(engine, scope, locale.getLanguage(), locale));
            }
        }
        return menus;
    }

    /** The menu of one scope in one language. */
    public static Menu menu(Engine engine, Scope scope, String languageCode, Locale locale) {
        List<CommandSpec> specs = engine.commandsFor(asker(scope), scope.kind);
        Set<String> names = new LinkedHashSet<>();
        List<BotCommand> commands = new ArrayList<>();
        for (CommandSpec spec : specs) {
            if (!names.add(spec.name())) {
                continue;
            }
            commands.add(BotCommand.builder().command(spec.name()).description(description(engine, spec, locale)).build());
        }
        if (commands.size() > MAX_COMMANDS) {
            throw new IllegalStateException("Telegram shows at most " + MAX_COMMANDS + " commands in a menu; the "
                    + scope + " menu would have " + commands.size());
        }
        return new Menu(scope, languageCode, locale, commands);
    }

    private static String description(Engine engine, CommandSpec spec, Locale locale) {
        String text = Markup.plain(engine.text(spec.description(), locale)).strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalStateException("/" + spec.name() + " has an empty description in " + locale
                    + "; Telegram needs one for the menu");
        }
        if (text.length() > MAX_DESCRIPTION) {
            text = text.substring(0, MAX_DESCRIPTION - 1).strip() + "…";
        }
        return text;
    }

    /** Someone asking in a place of the scope's kind, with the scope's role; ids are placeholders. */
    private static Context asker(Scope scope) {
        MemberRef member = new MemberRef(Platform.TELEGRAM, "menu", null);
        ChannelRef channel = new ChannelRef(Platform.TELEGRAM, "menu", scope.kind);
        CommunityRef community = scope.kind == ChannelRef.Kind.DIRECT ? CommunityRef.unresolved(Platform.TELEGRAM)
                : new CommunityRef(Platform.TELEGRAM, "menu");
        return new Context(member, channel, community, scope.role, null);
    }
}
