package org.circlekeeper.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.Markup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Discord slash commands from the core's {@link CommandSpec}s, the one source of truth:
 * options with their types, limits and choices, subcommands, descriptions in every language the
 * core speaks, option names and choice names in every language too (the values Discord sends back
 * stay the core's tokens), autocomplete where the core suggests, and organiser-only commands hidden
 * from members by default (Manage Server).
 */
public final class SlashCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SlashCommands.class);

    /** Which Discord client languages show which of the core's languages. */
    static final Map<DiscordLocale, Locale> LOCALIZATIONS;

    static {
        Map<DiscordLocale, Locale> map = new LinkedHashMap<>();
        map.put(DiscordLocale.ENGLISH_US, Locales.ENGLISH);
        map.put(DiscordLocale.ENGLISH_UK, Locales.ENGLISH);
        map.put(DiscordLocale.SPANISH, Locales.SPANISH);
        map.put(DiscordLocale.SPANISH_LATAM, Locales.SPANISH);
        LOCALIZATIONS = Map.copyOf(map);
    }

    /** Discord's largest exact integer for option limits (2^53 - 1). */
    static final long MAX_SAFE = (1L << 53) - 1;
    private static final int MAX_TEXT = OptionData.MAX_STRING_OPTION_LENGTH;
    private static final int MAX_DESCRIPTION = OptionData.MAX_DESCRIPTION_LENGTH;

    private final Engine engine;
    private final Locale defaultLocale;

    /**
     * @param defaultLocale the language of the names Discord shows where no localization matches
     */
    public SlashCommands(Engine engine, Locale defaultLocale) {
        this.engine = engine;
        this.defaultLocale = defaultLocale;
    }

    /**
     * Every command the engine knows, as slash commands.
     *
     * @param global true for global registration, which also says where a command works (servers,
     *               direct messages); per-server commands work in their server only
     */
    public List<SlashCommandData> build(boolean global) {
        List<SlashCommandData> commands = new ArrayList<>();
        for (CommandSpec spec : engine.registry().commands()) {
            Set<InteractionContextType> contexts = contexts(spec);
            if (contexts.isEmpty()) {
                LOG.info("/{} is for organisers in direct messages only, which Discord cannot tell apart; not registered", spec.name());
                continue;
            }
            SlashCommandData command = Commands.slash(spec.name(), description(spec.description()));
            localize(spec.description(), command::setDescriptionLocalization);
            if (organiserOnly(spec)) {
                command.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
            }
            if (global) {
                command.setContexts(contexts);
                command.setIntegrationTypes(IntegrationType.GUILD_INSTALL);
            }
            for (CommandSpec sub : spec.subcommands()) {
                SubcommandData data = new SubcommandData(sub.name(), description(sub.description()));
                localize(sub.description(), data::setDescriptionLocalization);
                sub.options().forEach(o -> data.addOptions(option(o)));
                command.addSubcommands(data);
            }
            spec.options().forEach(o -> command.addOptions(option(o)));
            commands.add(command);
        }
        return commands;
    }

    /** The option of a command (or of its subcommand) by name, to answer autocomplete. */
    public Optional<OptionSpec> option(String command, String subcommand, String option) {
        return engine.registry().command(command)
                .flatMap(spec -> subcommand == null ? Optional.of(spec) : spec.subcommand(subcommand))
                .flatMap(leaf -> leaf.options().stream().filter(o -> o.name().equals(option)).findFirst());
    }

    /**
     * Commands only organisers may use are hidden from members; the server can show them to its
     * organiser role under Server Settings, Integrations.
     */
    static boolean organiserOnly(CommandSpec spec) {
        return spec.audience() == Audience.ORGANISER
                && spec.subcommands().stream().allMatch(s -> s.audience() == Audience.ORGANISER);
    }

    /**
     * Where Discord offers the command. Organiser commands are offered in servers only: in a direct
     * message Discord says nothing about a person's standing in a server.
     */
    static Set<InteractionContextType> contexts(CommandSpec spec) {
        boolean organisers = organiserOnly(spec);
        EnumSet<InteractionContextType> contexts = EnumSet.noneOf(InteractionContextType.class);
        if (spec.scope() != Scope.DIRECT) {
            contexts.add(InteractionContextType.GUILD);
        }
        if (spec.scope() != Scope.GROUP && !organisers) {
            contexts.add(InteractionContextType.BOT_DM);
        }
        return contexts;
    }

    private OptionData option(OptionSpec spec) {
        OptionData option;
        switch (spec.type()) {
            case INTEGER -> {
                option = new OptionData(OptionType.INTEGER, spec.name(), description(spec.description()), spec.required());
                if (spec.min() > -MAX_SAFE) {
                    option.setMinValue(spec.min());
                }
                if (spec.max() < MAX_SAFE) {
                    option.setMaxValue(spec.max());
                }
            }
            case CHOICE -> {
                boolean fits = spec.choices().size() <= OptionData.MAX_CHOICES;
                option = new OptionData(OptionType.STRING, spec.name(), description(spec.description()), spec.required(), !fits);
                if (fits) {
                    for (String choice : spec.choices()) {
                        Command.Choice shown = new Command.Choice(choiceName(spec, choice, defaultLocale), choice);
                        LOCALIZATIONS.forEach((discord, locale) -> shown.setNameLocalization(discord, choiceName(spec, choice, locale)));
                        option.addChoices(shown);
                    }
                }
            }
            case TEXT -> {
                option = new OptionData(OptionType.STRING, spec.name(), description(spec.description()), spec.required(),
                        spec.suggester() != null);
                if (spec.minLength() > 0) {
                    option.setMinLength(Math.min(spec.minLength(), MAX_TEXT));
                }
                option.setMaxLength(Math.min(spec.maxLength(), MAX_TEXT));
            }
            default -> throw new IllegalStateException("unhandled option type " + spec.type());
        }
        localize(spec.description(), option::setDescriptionLocalization);
        LOCALIZATIONS.forEach((discord, locale) -> option.setNameLocalization(discord, optionName(spec, locale)));
        return option;
    }

    /** An option's name as a member of this language reads it; Discord takes lower-case names without spaces. */
    private String optionName(OptionSpec spec, Locale locale) {
        String name = Markup.plain(engine.text(spec.label(), locale)).strip().toLowerCase(locale).replaceAll("\\s+", "-");
        return name.isEmpty() || name.length() > 32 ? spec.name() : name;
    }

    /** A choice as a member of this language reads it. */
    String choiceName(OptionSpec spec, String choice, Locale locale) {
        String name = Markup.plain(engine.text(spec.choiceLabel(choice), locale)).strip();
        return name.isEmpty() ? choice : DiscordMessages.shorten(name, 100);
    }

    private String description(MessageKey key) {
        return describe(key, defaultLocale);
    }

    private String describe(MessageKey key, Locale locale) {
        String text = Markup.plain(engine.text(key, locale)).replace('\n', ' ').strip();
        return DiscordMessages.shorten(text.isEmpty() ? key.key() : text, MAX_DESCRIPTION);
    }

    private void localize(MessageKey key, BiConsumer<DiscordLocale, String> into) {
        LOCALIZATIONS.forEach((discord, locale) -> into.accept(discord, describe(key, locale)));
    }
}
