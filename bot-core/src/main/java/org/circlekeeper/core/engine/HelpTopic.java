package org.circlekeeper.core.engine;

import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.ref.MessageKey;

/**
 * One topic of {@code /help} (settings, meetings, check-ins…) with the commands of it that one
 * person may use in one place. Features name their topic ({@link Feature#helpTopic()}); features
 * that name the same topic share it.
 *
 * @param id      the topic's token, e.g. {@code meetings}
 * @param label   its name as members read it: {@code help.topic.<id>}
 * @param entries its usable commands, a command with subcommands once per usable subcommand
 */
public record HelpTopic(String id, MessageKey label, List<Entry> entries) {

    public HelpTopic {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        entries = List.copyOf(entries);
    }

    /** The label key of a topic. */
    public static MessageKey labelOf(String id) {
        return MessageKey.of("help.topic." + id);
    }

    /**
     * One usable command: the command as typed first, and what runs (the command itself, or one of
     * its subcommands).
     */
    public record Entry(CommandSpec command, CommandSpec leaf) {

        /** The words typed before the leaf's options, e.g. {@code /share } for {@code /share join}. */
        public String prefix() {
            return leaf == command ? "/" : "/" + command.name() + " ";
        }
    }
}
