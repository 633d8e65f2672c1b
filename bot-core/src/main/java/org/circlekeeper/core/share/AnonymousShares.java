package org.circlekeeper.core.share;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.FormRequest;

/**
 * Shares without a name: asked for with a form (or the member's next private message), and posted at once or queued
 * as "an anonymous share" until the turns before it end. The author is never kept; the text only until it is posted.
 */
final class AnonymousShares {

    private static final String FIELD = "share";

    private final ShareStore store;
    private final Sessions sessions;
    private final FormSpec form = new FormSpec(Actions.ANON, this::onShare);

    AnonymousShares(ShareStore store, Sessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** The form a share without a name comes back through. */
    FormSpec form() {
        return form;
    }

    /**
     * Asks for a share without a name: a form on platforms that have one, else the member's next private
     * message. The form carries only the session's id.
     */
    void ask(Turn turn, String sessionId) {
        Optional<ShareRoom> room = ShareRoom.of(turn.context());
        if (room.isEmpty() || !store.settings(room.get().community()).anonymous()) {
            turn.replyPrivately(ShareMessages.ANON_NOT_ALLOWED);
            return;
        }
        Optional<ShareSession> live = store.live(room.get()).filter(s -> sessionId == null || s.id().equals(sessionId));
        if (live.isEmpty()) {
            turn.replyPrivately(sessionId == null ? ShareMessages.ANON_NO_SESSION : ShareMessages.ENDED_ALREADY);
            return;
        }
        if (!live.get().includes(turn.member())) {
            turn.replyPrivately(ShareMessages.ANON_NOT_JOINED);
            return;
        }
        if (sessions.format(live.get()).step(live.get().step()).kind() != ShareFormat.Kind.OPEN) {
            turn.replyPrivately(ShareMessages.ANON_NOT_OPEN);
            return;
        }
        FormRequest request = form.request(live.get().id(), turn.text(ShareMessages.ANON_TITLE),
                List.of(new FormRequest.Field(FIELD, turn.text(ShareMessages.ANON_FIELD), true, true, ShareFeature.ANON_MAX_LENGTH)));
        turn.replyPrivately(turn.compose(ShareMessages.ANON_ASK).form(request).build());
    }

    /** The share comes back: it is posted without a name, at once or when the turns before it end; its author is never kept. */
    private void onShare(Turn turn, String sessionId, Map<String, String> fields) {
        String text = fields.getOrDefault(FIELD, fields.getOrDefault(FormSpec.ANSWER, "")).strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > ShareFeature.ANON_MAX_LENGTH) {
            turn.replyPrivately(ShareMessages.ANON_EMPTY, "max", ShareFeature.ANON_MAX_LENGTH);
            return;
        }
        Optional<ShareRoom> room = store.rooms(turn.member()).stream()
                .filter(r -> store.live(r).filter(s -> s.id().equals(sessionId) && s.includes(turn.member())).isPresent())
                .findFirst();
        if (room.isEmpty()) {
            turn.replyPrivately(ShareMessages.ANON_GONE);
            return;
        }
        if (!store.settings(room.get().community()).anonymous()) {
            turn.replyPrivately(ShareMessages.ANON_NOT_ALLOWED);
            return;
        }
        if (store.countAnonymous(turn.member(), ShareFeature.ANON_WINDOW) > ShareFeature.ANON_MAX) {
            turn.replyPrivately(ShareMessages.ANON_TOO_MANY);
            return;
        }
        Sessions.Outcome outcome = sessions.apply(room.get(), sessionId, (s, f) -> Rules.anonymous(s, f, turn.member(), text));
        if (outcome instanceof Sessions.Outcome.Applied applied) {
            SessionCommands.note(turn, applied.moved().ack());
        } else if (outcome instanceof Sessions.Outcome.Stayed stayed) {
            SessionCommands.note(turn, stayed.note());
        } else {
            turn.replyPrivately(ShareMessages.ANON_GONE);
        }
    }
}
