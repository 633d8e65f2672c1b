package org.circlekeeper.core.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * Who may use what where: the commands and {@code /help} topics a person may use in a place, and whether an audience
 * admits them. The engine's answers to {@link Engine#commandsFor} and {@link Engine#helpTopics} come from here.
 */
final class Permissions {

    private final FeatureRegistry registry;
    private final ChairPolicy chairs;

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
     * subcommands, this person may use in a place of the given kind. Topics with nothing usable are left out.
     */
    List<HelpTopic> helpTopics(Context context, ChannelRef.Kind kind) {
        ChannelRef place = new ChannelRef(context.channel().platform(), context.channel().channelId(), kind);
        Map<String, List<HelpTopic.Entry>> topics = new LinkedHashMap<>();
        for (Feature feature : registry.features()) {
            List<HelpTopic.Entry> entries = topics.computeIfAbsent(feature.helpTopic(), t -> new ArrayList<>());
            for (CommandSpec command : registry.commandsOf(feature)) {
                if (!usable(command, context, place)) {
                    continue;
                }
                if (!command.hasSubcommands()) {
                    entries.add(new HelpTopic.Entry(command, command));
                }
                command.subcommands().stream().filter(sub -> usable(sub, context, place))
                        .forEach(sub -> entries.add(new HelpTopic.Entry(command, sub)));
            }
        }
        return topics.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new HelpTopic(e.getKey(), HelpTopic.labelOf(e.getKey()), e.getValue())).toList();
    }

    private boolean usable(CommandSpec spec, Context context, ChannelRef place) {
        return allowed(spec.audience(), context) && spec.scope().allows(place);
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
