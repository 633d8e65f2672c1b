package org.circlekeeper.core.engine;

import java.util.Map;
import java.util.Objects;

/** Everything a platform adapter hands the core. A closed set: the engine handles each kind. */
public sealed interface Inbound {

    Context context();

    /** A slash command or a {@code /command} typed as text. */
    record CommandInvoked(Context context, String command, Arguments arguments) implements Inbound {
        public CommandInvoked {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(arguments, "arguments");
        }

        /** A command typed as text: the words after the command name, as typed. */
        public static CommandInvoked typed(Context context, String command, String rest) {
            return new CommandInvoked(context, command, new Arguments.Typed(rest == null ? "" : rest));
        }
    }

    /**
     * A button pressed. The action id is what the button was created with: {@code feature.action:argument}.
     *
     * @param originMessageId the platform id of the message that carried the button, when known
     */
    record ButtonPressed(Context context, String actionId, String originMessageId) implements Inbound {
        public ButtonPressed {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(actionId, "actionId");
        }
    }

    /** A plain message that is not a command: in a direct chat, or in a group channel the bot can read. */
    record TextReceived(Context context, String text) implements Inbound {
        public TextReceived {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A form (a Discord modal, or a sequence of answers elsewhere) submitted with its fields. */
    record FormSubmitted(Context context, String formId, Map<String, String> fields) implements Inbound {
        public FormSubmitted {
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(formId, "formId");
            fields = Map.copyOf(fields);
        }
    }
}
