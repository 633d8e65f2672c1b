package org.circlekeeper.discord;

import java.util.List;
import java.util.Map;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.TextListener;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;

/**
 * A test-only feature: {@code /note} asks for free text with a form (a modal on Discord) and thanks
 * the member privately with what they wrote; {@code /slow} answers late; the word "psst" in any channel gets a
 * private answer.
 */
final class NotesFeature implements Feature {

    static final MessageKey CMD_NOTE = MessageKey.of("cmd.note");
    static final MessageKey CMD_SLOW = MessageKey.of("cmd.slow");
    static final MessageKey SLOW_DONE = MessageKey.of("notes.slow-done");
    /** Longer than the adapter waits before deferring an interaction. */
    static final long SLOW_MILLIS = InteractionResponse.DEFER_AFTER_MILLIS + 800;
    static final MessageKey TITLE = MessageKey.of("notes.title");
    static final MessageKey FIELD = MessageKey.of("notes.field");
    static final MessageKey THANKS = MessageKey.of("notes.thanks", "name", "text");
    static final MessageKey SECRET = MessageKey.of("notes.secret");
    static final String FORM = "notes.note";

    @Override
    public String id() {
        return "notes";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("note", CMD_NOTE).handler(this::ask).build(),
                CommandSpec.command("slow", CMD_SLOW).handler(this::slow).build());
    }

    @Override
    public List<FormSpec> forms() {
        return List.of(new FormSpec(FORM, this::submitted));
    }

    @Override
    public List<TextListener> textListeners() {
        return List.of(this::psst);
    }

    @Override
    public List<MessageKey> messages() {
        return List.of(TITLE, FIELD, THANKS, SECRET, SLOW_DONE);
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    private void ask(Turn turn, Args args) {
        turn.replyPrivately(turn.compose(TITLE)
                .form(new FormRequest(FORM, turn.text(TITLE), List.of(new FormRequest.Field("text", turn.text(FIELD), true, true, 1000))))
                .build());
    }

    /** Answers publicly after longer than Discord waits for a response, as a slow store would. */
    private void slow(Turn turn, Args args) {
        try {
            Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        turn.reply(SLOW_DONE);
    }

    private void submitted(Turn turn, String state, Map<String, String> fields) {
        turn.replyPrivately(THANKS, "name", turn.member().displayName(), "text", fields.getOrDefault("text", ""));
    }

    private boolean psst(Turn turn, String text) {
        if (!text.strip().equals("psst")) {
            return false;
        }
        turn.replyPrivately(turn.compose(SECRET).build());
        return true;
    }
}
