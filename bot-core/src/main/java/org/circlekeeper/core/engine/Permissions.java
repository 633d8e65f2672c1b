package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * Who may use what where: the commands and {@code /help} topics a person may use in a place, and whether an audience
 * admits them. The engine's answers to {@link Engine#commandsFor} and {@link Engine#helpTopics} come from here.
 */
final class Permissions {

    private final FeatureRegistry registry;
    private final ChairPolicy chairs;
    /** Help topics by place kind and access, made once the features are fixed (see {@link #helpTopics}). */
    private final Map<Integer, List<HelpTopic>> helpTopics = new ConcurrentHashMap<>();
    private volatile Boolean hasChairCommands;

    Permissions(FeatureRegistry registry, ChairPolicy chairs) {
        this.registry = registry;
        this.chairs = chairs;
    }

    /** The commands this person may use in a place of the given kind, in registration order. */
    List<CommandSpec> commandsFor(Context context, ChannelRef.Kind kind) {
        ChannelRef place = new ChannelRef(context.channel().platform(), context.channel().channelId(), kind);
        return registry.commands().stream()
                .filter(c -> allowed(c.audience(), context) && c.scope().allows(place))
                .toList();
    }

    /**
     * The {@code /help} topics in the order features were added, each with only the commands, and of those only the
     * subcommands, this person may use in a place of the given kind. Topics with nothing usable are left out. Once the
     * features are fixed the answer depends only on the place's kind and on which audiences admit the person, so it is
     * made once per such combination (of twelve) and kept; whether the person chairs is asked at most once per call.
     */
    List<HelpTopic> helpTopics(Context context, ChannelRef.Kind kind) {
        if (!registry.isFrozen()) {
            return helpTopics(context, kind, audience -> allowed(audience, context));
        }
        boolean organiser = context.isOrganiser();
        boolean chair = organiser || hasChairCommands() && chairs.isChair(context);
        int access = kind.ordinal() * 4 + (organiser ? 2 : 0) + (chair ? 1 : 0);
        return helpTopics.computeIfAbsent(access, a -> helpTopics(context, kind, audience -> switch (audience) {
            case MEMBER -> true;
            case ORGANISER -> organiser;
            case CHAIR -> chair;
        }));
    }

    private List<HelpTopic> helpTopics(Context context, ChannelRef.Kind kind, Predicate<Audience> admits) {
        ChannelRef place = new ChannelRef(context.channel().platform(), context.channel().channelId(), kind);
        Map<String, List<HelpTopic.Entry>> topics = new LinkedHashMap<>();
        for (Feature feature : registry.features()) {
            List<HelpTopic.Entry> entries = topics.computeIfAbsent(feature.helpTopic(), t -> new ArrayList<>());
            for (CommandSpec command : registry.commandsOf(feature)) {
                if (!usable(command, admits, place)) {
                    continue;
                }
                if (!command.hasSubcommands()) {
                    entries.add(new HelpTopic.Entry(command, command));
                }
                command.subcommands().stream().filter(sub -> usable(sub, admits, place))
                        .forEach(sub -> entries.add(new HelpTopic.Entry(command, sub)));
            }
        }
        return topics.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new HelpTopic(e.getKey(), HelpTopic.labelOf(e.getKey()), e.getValue())).toList();
    }

    /** True when some command or subcommand is for chairs: only then is a person's chairing asked about. */
    private boolean hasChairCommands() {
        Boolean known = hasChairCommands;
        if (known == null) {
            known = registry.commands().stream().anyMatch(c -> c.audience() == Audience.CHAIR
                    || c.subcommands().stream().anyMatch(sub -> sub.audience() == Audience.CHAIR));
            hasChairCommands = known;
        }
        return known;
    }

    private static boolean usable(CommandSpec spec, Predicate<Audience> admits, ChannelRef place) {
        return admits.test(spec.audience()) && spec.scope().allows(place);
    }

    /** True when this person may use commands of this audience here. */
    boolean allowed(Audience audience, Context context) {
        return switch (audience) {
            case MEMBER -> true;
            case ORGANISER -> context.isOrganiser();
            case CHAIR -> context.isOrganiser() || chairs.isChair(context);
        };
    }
}
