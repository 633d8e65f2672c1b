package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MessageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a check-in, only if the member wants it: a line for the group (or just "checked in"),
 * shown to them exactly as it will be posted, in the group's language, and posted when they confirm. What
 * waits for the confirmation is their line, not their name, and only for {@link #SHARE_WINDOW}.
 */
final class LineSharing {

    /** How long a line waits for the member's confirmation. */
    static final Duration SHARE_WINDOW = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(LineSharing.class);

    private final CheckinSettingsStore settings;
    private final SharedLineStore lines;
    private final Outbox outbox;
    private final Flows flows;

    private final ActionSpec share = new ActionSpec("checkin.share", Audience.MEMBER, this::onShare);
    private final ActionSpec post = new ActionSpec("checkin.post", Audience.MEMBER, this::onPost);
    private final ActionSpec noPost = new ActionSpec("checkin.no-post", Audience.MEMBER, this::onNoPost);
    private final FormSpec line = new FormSpec("checkin.line", this::onLine);

    LineSharing(CheckinSettingsStore settings, SharedLineStore lines, Outbox outbox, Flows flows) {
        this.settings = settings;
        this.lines = lines;
        this.outbox = outbox;
        this.flows = flows;
    }

    /** The share button first, then the confirmation's two. */
    List<ActionSpec> actions() {
        return List.of(share, post, noPost);
    }

    FormSpec form() {
        return line;
    }

    /** A message with the share offer under it when the community has a group channel to share in. */
    OutgoingMessage.Builder withShareOffer(Turn turn, MessageKey key, CommunityRef community, LocalDate day) {
        if (shareChannel(turn, community).isEmpty()) {
            return turn.compose(key);
        }
        String state = ":" + Flows.state(community, day);
        return OutgoingMessage.text(turn.text(key) + "\n\n" + turn.text(CheckinMessages.SHARE_OFFER))
                .button(share.button(turn.text(CheckinMessages.BUTTON_SHARE_PLAIN), "p" + state))
                .button(share.button(turn.text(CheckinMessages.BUTTON_SHARE_LINE), "l" + state));
    }

    /** Where shared lines go: the channel organisers set up in, else the group channel the member is in. */
    private Optional<ChannelRef> shareChannel(Turn turn, CommunityRef community) {
        ChannelRef configured = settings.settings(community).channel();
        if (configured != null) {
            return Optional.of(configured);
        }
        ChannelRef here = turn.context().channel();
        return !here.isDirect() && community.equals(turn.community()) ? Optional.of(here) : Optional.empty();
    }

    private void onShare(Turn turn, String argument) {
        int colon = argument.indexOf(':');
        String kind = colon < 0 ? "" : argument.substring(0, colon);
        Optional<Flows.Flow> flow = colon < 0 ? Optional.empty() : flows.flow(turn, argument.substring(colon + 1));
        Optional<ChannelRef> channel = flow.flatMap(f -> shareChannel(turn, f.community()));
        if (flow.isEmpty() || channel.isEmpty() || !(kind.equals("p") || kind.equals("l"))) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (flows.todays(turn, flow.get()).isEmpty()) {
            return;
        }
        if (kind.equals("p")) {
            preview(turn, flow.get().community(), channel.get(), "");
            return;
        }
        turn.replyPrivately(turn.compose(CheckinMessages.LINE_ASK, "max", CheckinFeature.MAX_LINE)
                .form(lineForm(turn, Flows.state(flow.get().community(), flow.get().day())))
                .build());
    }

    private FormRequest lineForm(Turn turn, String state) {
        return line.request(state, turn.text(CheckinMessages.LINE_TITLE),
                List.of(new FormRequest.Field("line", turn.text(CheckinMessages.LINE_FIELD), false, true, CheckinFeature.MAX_LINE)));
    }

    private void onLine(Turn turn, String state, Map<String, String> fields) {
        Optional<Flows.Flow> flow = flows.flow(turn, state);
        Optional<ChannelRef> channel = flow.flatMap(f -> shareChannel(turn, f.community()));
        if (flow.isEmpty() || channel.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (flows.todays(turn, flow.get()).isEmpty()) {
            return;
        }
        String text = CheckinWords.answer(fields, "line").strip();
        int length = text.codePointCount(0, text.length());
        if (text.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_LINE_EMPTY);
            return;
        }
        if (length > CheckinFeature.MAX_LINE) {
            turn.replyPrivately(turn.compose(CheckinMessages.ERR_LINE_TOO_LONG, "length", length, "max", CheckinFeature.MAX_LINE)
                    .form(lineForm(turn, state))
                    .build());
            return;
        }
        preview(turn, flow.get().community(), channel.get(), text.replaceAll("\\s+", " "));
    }

    /**
     * Shows the member exactly what will be posted, in the group's language, and keeps their line (not their name)
     * for their confirmation.
     */
    private void preview(Turn turn, CommunityRef community, ChannelRef channel, String lineText) {
        String posted = outbox.forCommunity(community).text(CheckinMessages.SHARE_POST, "name", turn.member().displayName(),
                "line", lineText);
        lines.holdShare(community, turn.member(), new PendingShare(channel, lineText), SHARE_WINDOW);
        String tag = CheckinKeys.tag(community);
        turn.replyPrivately(turn.compose(CheckinMessages.SHARE_PREVIEW, "post", posted, "minutes", SHARE_WINDOW.toMinutes())
                .button(post.button(turn.text(CheckinMessages.BUTTON_POST), tag, Button.Style.PRIMARY))
                .button(noPost.button(turn.text(CheckinMessages.BUTTON_NO_POST), tag))
                .build());
    }

    private void onPost(Turn turn, String tag) {
        Optional<CommunityRef> community = flows.communityOf(turn, tag);
        Optional<PendingShare> waiting = community.flatMap(c -> lines.takeShare(c, turn.member()));
        if (waiting.isEmpty()) {
            turn.replyPrivately(CheckinMessages.SHARE_GONE);
            return;
        }
        try {
            Outbox.Voice voice = outbox.forCommunity(community.get());
            voice.send(new Target.Channel(waiting.get().channel()), OutgoingMessage.text(voice.text(CheckinMessages.SHARE_POST,
                    "name", turn.member().displayName(), "line", waiting.get().line())).build());
            LOG.info("a member shared a check-in line with their group on {}", community.get().platform().id());
            turn.replaceOrigin(turn.compose(CheckinMessages.SHARE_POSTED).visibility(Visibility.PRIVATE).build());
        } catch (Messenger.DeliveryFailed e) {
            LOG.warn("a shared check-in line could not be posted on {}", community.get().platform().id());
            turn.replyPrivately(CheckinMessages.SHARE_FAILED);
        }
    }

    private void onNoPost(Turn turn, String tag) {
        flows.communityOf(turn, tag).ifPresent(c -> lines.takeShare(c, turn.member()));
        turn.replaceOrigin(turn.compose(CheckinMessages.SHARE_CANCELLED).visibility(Visibility.PRIVATE).build());
    }
}
