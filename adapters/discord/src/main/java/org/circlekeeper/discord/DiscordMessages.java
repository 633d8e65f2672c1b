package org.circlekeeper.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.template.Markup;

/**
 * Renders the core's {@link OutgoingMessage} as Discord messages: markdown cut to 2,000 characters,
 * the buttons (at most five in a row and five rows, as Discord allows) and the attachment on the
 * last part, and no mentions allowed. A {@link FormRequest} becomes a {@link Modal}.
 */
public final class DiscordMessages {

    /** No message of the bot may ping anyone: not @everyone, not roles, not members. */
    public static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    static final int BUTTONS_PER_ROW = 5;
    static final int ROWS_PER_MESSAGE = 5;
    static final int BUTTON_LABEL_LIMIT = 80;
    static final int MODAL_TITLE_LIMIT = 45;
    static final int FIELD_LABEL_LIMIT = 45;
    /** Shown as the text of a message that only carries more buttons than one message can hold. */
    static final String MORE_BUTTONS = "\u2026";

    private DiscordMessages() {
    }

    /** The message as one or more Discord messages, in order. */
    public static List<MessageCreateData> render(OutgoingMessage message) {
        List<String> texts = new ArrayList<>(DiscordMarkdown.split(message.markup()));
        List<List<ActionRow>> rowGroups = rowGroups(message);
        while (texts.size() < rowGroups.size()) {
            texts.add(MORE_BUTTONS);
        }
        if (texts.isEmpty() && message.attachment() == null) {
            texts.add(MORE_BUTTONS);
        }
        List<MessageCreateData> out = new ArrayList<>();
        int buttonsFrom = texts.isEmpty() ? 0 : texts.size() - Math.max(1, rowGroups.size());
        int parts = Math.max(1, texts.size());
        for (int i = 0; i < parts; i++) {
            MessageCreateBuilder builder = new MessageCreateBuilder().setAllowedMentions(NO_MENTIONS);
            if (i < texts.size()) {
                builder.setContent(texts.get(i));
            }
            int group = i - buttonsFrom;
            if (group >= 0 && group < rowGroups.size()) {
                builder.setComponents(rowGroups.get(group));
            }
            if (i == parts - 1 && message.attachment() != null) {
                builder.setFiles(FileUpload.fromData(message.attachment().content(), message.attachment().fileName()));
            }
            out.add(builder.build());
        }
        return out;
    }

    /** A rendered part as a full replacement of an existing message (buttons and files it lacks are removed). */
    public static MessageEditData asEdit(MessageCreateData part) {
        return new MessageEditBuilder().applyCreateData(part).setReplace(true).setAllowedMentions(NO_MENTIONS).build();
    }

    /** The form as a modal whose custom id is the form id, with one text input per field. */
    public static Modal modal(FormRequest form) {
        Modal.Builder modal = Modal.create(form.formId(), shorten(Markup.plain(form.title()), MODAL_TITLE_LIMIT));
        for (FormRequest.Field field : form.fields()) {
            TextInput input = TextInput.create(field.name(), field.multiline() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                    .setRequired(field.required())
                    .setMaxLength(field.maxLength())
                    .build();
            modal.addComponents(Label.of(shorten(Markup.plain(field.label()), FIELD_LABEL_LIMIT), input));
        }
        return modal.build();
    }

    /**
     * The message's buttons in Discord rows: the core's rows are kept when they fit, else reflowed
     * five to a row; every five rows make one message's worth.
     */
    static List<List<ActionRow>> rowGroups(OutgoingMessage message) {
        List<List<Button>> rows = message.buttonRows();
        boolean fits = rows.size() <= ROWS_PER_MESSAGE && rows.stream().allMatch(r -> r.size() <= BUTTONS_PER_ROW);
        List<List<Button>> discordRows = new ArrayList<>();
        if (fits) {
            discordRows.addAll(rows);
        } else {
            List<Button> all = message.buttons();
            for (int i = 0; i < all.size(); i += BUTTONS_PER_ROW) {
                discordRows.add(all.subList(i, Math.min(all.size(), i + BUTTONS_PER_ROW)));
            }
        }
        List<List<ActionRow>> groups = new ArrayList<>();
        for (int i = 0; i < discordRows.size(); i += ROWS_PER_MESSAGE) {
            List<ActionRow> group = new ArrayList<>();
            for (List<Button> row : discordRows.subList(i, Math.min(discordRows.size(), i + ROWS_PER_MESSAGE))) {
                group.add(ActionRow.of(row.stream().map(DiscordMessages::button).toList()));
            }
            groups.add(group);
        }
        return groups;
    }

    private static net.dv8tion.jda.api.components.buttons.Button button(Button button) {
        ButtonStyle style = switch (button.style()) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SECONDARY -> ButtonStyle.SECONDARY;
            case DANGER -> ButtonStyle.DANGER;
        };
        return net.dv8tion.jda.api.components.buttons.Button.of(style, button.actionId(), shorten(button.label(), BUTTON_LABEL_LIMIT));
    }

    static String shorten(String text, int limit) {
        String plain = text.strip();
        if (plain.length() <= limit) {
            return plain;
        }
        int end = limit - 1;
        if (Character.isHighSurrogate(plain.charAt(end - 1))) {
            end--;
        }
        return plain.substring(0, end) + "\u2026";
    }
}
