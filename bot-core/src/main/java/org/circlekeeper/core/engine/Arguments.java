package org.circlekeeper.core.engine;

import java.util.Map;

/**
 * A command's arguments as the platform delivers them: typed text to be parsed against the
 * command's spec (console, Telegram), or already named options (Discord slash commands).
 */
public sealed interface Arguments {

    /** The text typed after the command name, parsed by the engine against the spec. */
    record Typed(String text) implements Arguments {
    }

    /** Options the platform already separated by name; {@code subcommand} is null for a plain command. */
    record Named(String subcommand, Map<String, String> options) implements Arguments {
        public Named {
            options = Map.copyOf(options);
        }
    }
}
