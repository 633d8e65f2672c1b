package org.circlekeeper.core.checkin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checking in: the mood (buttons from 1, really hard, to 5, great), the care a low answer gets, then a
 * private note (a button that asks with a form: a modal on Discord, the next private message elsewhere; or
 * skip) and then the offer of a line for the group ({@link LineSharing}). Also today's check-in changed
 * ({@code /checkin edit}) or deleted ({@code /checkin delete}), and the prompt's message with its mood
 * buttons. Notes are sealed with the {@link NoteCipher} before they reach the store.
 */
final class CheckinFlow {

    private static final String NEW_FLOW = "n";
    private static final String EDIT_FLOW = "e";
    private static final Logger LOG = LoggerFactory.getLogger(CheckinFlow.class);

    private final CheckinStore checkins;
    private final CheckinProfileStore profiles;
    private final NoteCipher cipher;
    private final Duration retention;
    private final PendingForms pendingForms;
    private final QuestionSets questions;
    private final CheckinCare care;
    private final LineSharing sharing;
    private final Flows flows;
    private final Metrics metrics;

    private final ActionSpec mood = new ActionSpec("checkin.mood", Audience.MEMBER, this::onMood);
    private final ActionSpec addNote = new ActionSpec("checkin.add-note", Audience.MEMBER, this::onAddNote);
    private final ActionSpec skip = new ActionSpec("checkin.skip", Audience.MEMBER, this::onSkip);
    private final ActionSpec renote = new ActionSpec("checkin.renote", Audience.MEMBER, this::onRenote);
    private final ActionSpec unnote = new ActionSpec("checkin.unnote", Audience.MEMBER, this::onUnnote);
    private final ActionSpec tellBuddy = new ActionSpec("checkin.tell-buddy", Audience.MEMBER, this::onTellBuddy);
    private final FormSpec note = new FormSpec("checkin.note", this::onNote);

    /** @param forms so that "skip" also stops waiting for a note typed as a private message */
    CheckinFlow(CheckinStores stores, CheckinOptions options, PendingForms forms, QuestionSets questions, CheckinCare care,
                LineSharing sharing, Flows flows, Metrics metrics) {
        this.checkins = stores.checkins();
        this.profiles = stores.profiles();
        this.cipher = options.cipher();
        this.retention = options.retention();
        this.pendingForms = forms;
        this.questions = questions;
        this.care = care;
        this.sharing = sharing;
        this.flows = flows;
        this.metrics = metrics;
    }

    /** The mood, note and edit buttons. */
    List<ActionSpec> actions() {
        return List.of(mood, addNote, skip, renote, unnote);
    }

    /** The button that lets a member's buddy know after a low day. */
    ActionSpec tellBuddyAction() {
        return tellBuddy;
    }

    FormSpec form() {
        return note;
    }

    // ---- checking in ----

    void ask(Turn turn, Args args) {
        CommunityRef community = turn.community();
        LocalDate today = flows.today(turn, community);
        Optional<Checkin> existing = checkins.find(community, turn.member(), today);
        OutgoingMessage.Builder message = existing.isPresent()
                ? turn.compose(CheckinMessages.ASK_AGAIN, "mood", CheckinWords.moodLabel(turn, existing.get().mood()))
                : turn.compose(CheckinMessages.ASK);
        moodButtons(message, turn, community, today);
        turn.replyPrivately(message.build());
    }

    /** The mood buttons for a day, one row each from great to really hard: {@code checkin.mood:<level>:<day>:<tag>}. */
    private void moodButtons(OutgoingMessage.Builder message, Speech speech, CommunityRef community, LocalDate day) {
        String state = ":" + Flows.state(community, day);
        for (int level = Mood.GREAT.level(); level >= Mood.REALLY_HARD.level(); level--) {
            Mood m = Mood.of(level).orElseThrow();
            message.button(mood.button(CheckinWords.moodLabel(speech, m), level + state,
                    m == Mood.GREAT ? Button.Style.PRIMARY : Button.Style.SECONDARY));
            message.row();
        }
    }

    /** A prompt's message: the day's question and the mood buttons for the member's day. */
    OutgoingMessage promptMessage(Outbox.Voice voice, CommunityRef community, CheckinSettings settings, LocalDate day) {
        OutgoingMessage.Builder message = voice.compose(CheckinMessages.PROMPT,
                "question", questions.question(settings.questions(), voice.locale(), day));
        moodButtons(message, voice, community, day);
        return message.build();
    }

    private void onMood(Turn turn, String argument) {
        String[] parts = argument.split(":", -1);
        Optional<Mood> chosen = Mood.parse(parts[0]);
        if (chosen.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_MOOD, "given", CheckinWords.shorten(parts[0]));
            return;
        }
        Optional<Flows.Flow> flow = parts.length == 3 ? flows.flow(turn, parts[1], parts[2]) : Optional.empty();
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (!flow.get().isToday()) {
            turn.replyPrivately(CheckinMessages.ERR_PASSED, "day", CheckinWords.dayText(flow.get().day(), turn.locale()));
            return;
        }
        save(turn, flow.get().community(), chosen.get(), flow.get().day());
    }

    private void save(Turn turn, CommunityRef community, Mood chosen, LocalDate today) {
        MemberRef member = turn.member();
        Instant now = turn.now();
        // today's check-in and the latest of the week before it, in one read of the store (oldest first)
        List<Checkin> week = checkins.between(community, member, today.minusDays(CheckinCare.IN_A_ROW_DAYS), today);
        Optional<Checkin> existing = week.stream().filter(c -> c.day().equals(today)).reduce((a, b) -> b);
        Optional<Checkin> previous = week.stream().filter(c -> c.day().isBefore(today)).reduce((a, b) -> b);
        boolean inARow = CheckinCare.lowInARow(chosen, previous, today);
        if (existing.isPresent()) {
            checkins.put(community, member, existing.get().withMood(chosen, now), now.plus(retention));
            LOG.debug("a check-in was changed on {}", community.platform().id());
            care(turn, community, chosen, inARow);
            turn.replyPrivately(CheckinMessages.MOOD_CHANGED, "mood", CheckinWords.moodLabel(turn, chosen));
            return;
        }
        checkins.put(community, member, new Checkin(today, chosen, null, now), now.plus(retention));
        metrics.checkIn(member.platform());
        CheckinProfile profile = profiles.profile(community, member);
        boolean first = profile.since() == null;
        LocalDate since = first ? today : profile.since();
        profiles.saveProfile(community, member, profile.withSince(since), now.plus(retention));
        LOG.debug("a check-in was saved on {}", community.platform().id());
        care(turn, community, chosen, inARow);
        StringBuilder text = new StringBuilder(turn.text(CheckinMessages.SAVED, "mood", CheckinWords.moodLabel(turn, chosen)));
        celebrations(turn, community, today, since, first).forEach(c -> text.append("\n").append(c));
        text.append("\n\n").append(turn.text(CheckinMessages.NOTE_OFFER));
        String state = Flows.state(community, today);
        turn.replyPrivately(OutgoingMessage.text(text.toString())
                .button(addNote.button(turn.text(CheckinMessages.BUTTON_ADD_NOTE), state, Button.Style.PRIMARY))
                .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), state))
                .build());
    }

    /** The care the answer asks for, before anything else is said: the crisis lines for the hardest, warmth for a low day. */
    private void care(Turn turn, CommunityRef community, Mood chosen, boolean inARow) {
        switch (CheckinCare.careFor(chosen)) {
            case CRISIS -> turn.replyPrivately(care.crisis(turn, community));
            case GENTLE -> turn.replyPrivately(care.gentle(turn, community, inARow,
                    tellBuddy.button(turn.text(CheckinMessages.BUTTON_TELL_BUDDY), CheckinKeys.tag(community))));
            case NONE -> {
                // an okay day or better needs no word of care
            }
        }
    }

    /** After a low day the member chose to let their buddy know. */
    private void onTellBuddy(Turn turn, String tag) {
        Optional<CommunityRef> community = flows.communityOf(turn, tag);
        if (community.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        turn.replyPrivately(OutgoingMessage.text(care.tellBuddy(turn, community.get())).visibility(Visibility.PRIVATE).build());
    }

    /** Gentle words for showing up: a first check-in, a streak milestone, a time with the group. */
    private List<String> celebrations(Turn turn, CommunityRef community, LocalDate today, LocalDate since, boolean first) {
        List<String> out = new ArrayList<>();
        if (first) {
            out.add(turn.text(CheckinMessages.CELEBRATE_FIRST));
            return out;
        }
        Set<LocalDate> days = checkins.between(community, turn.member(), today.minusDays(retention.toDays()), today).stream()
                .map(Checkin::day).collect(Collectors.toSet());
        Streaks.streakMilestone(Streaks.endingOn(days, today))
                .ifPresent(n -> out.add(turn.text(CheckinMessages.CELEBRATE_STREAK, "days", n)));
        LocalDate previous = days.stream().filter(d -> d.isBefore(today)).max(LocalDate::compareTo).orElse(null);
        Streaks.monthsMilestone(since, previous, today).ifPresent(m -> out.add(turn.text(CheckinMessages.together(m))));
        return out;
    }

    // ---- the private note ----

    private FormRequest noteForm(Turn turn, CommunityRef community, LocalDate day, String flowKind) {
        return note.request(Flows.state(community, day) + ":" + flowKind, turn.text(CheckinMessages.NOTE_TITLE),
                List.of(new FormRequest.Field("note", turn.text(CheckinMessages.NOTE_FIELD), true, false, CheckinFeature.MAX_NOTE)));
    }

    private void onNote(Turn turn, String state, Map<String, String> fields) {
        String[] parts = state.split(":", -1);
        Optional<Flows.Flow> flow = parts.length == 3 ? flows.flow(turn, parts[0], parts[1]) : Optional.empty();
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        Optional<Checkin> checkin = flows.todays(turn, flow.get());
        if (checkin.isEmpty()) {
            return;
        }
        String text = CheckinWords.answer(fields, "note");
        int length = text.codePointCount(0, text.length());
        CommunityRef community = flow.get().community();
        if (text.isBlank()) {
            turn.replyPrivately(CheckinMessages.ERR_NOTE_EMPTY);
            return;
        }
        if (length > CheckinFeature.MAX_NOTE) {
            turn.replyPrivately(turn.compose(CheckinMessages.ERR_NOTE_TOO_LONG, "length", length, "max", CheckinFeature.MAX_NOTE)
                    .form(noteForm(turn, community, flow.get().day(), parts[2]))
                    .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), Flows.state(community, flow.get().day())))
                    .build());
            return;
        }
        if (care.soundsLikeCrisis(text)) {
            // what the safety check would catch in a group gets the crisis lines first here too
            turn.replyPrivately(OutgoingMessage.text(turn.text(CheckinMessages.NOTE_HEAVY) + "\n\n" + care.crisisLines(turn))
                    .visibility(Visibility.PRIVATE).build());
        }
        String sealed = cipher.seal(text.strip(), noteContext(community, turn.member(), flow.get().day()));
        checkins.put(community, turn.member(), checkin.get().withNote(sealed, turn.now()), turn.now().plus(retention));
        LOG.debug("a check-in note was saved on {}", community.platform().id());
        turn.replyPrivately((NEW_FLOW.equals(parts[2])
                ? sharing.withShareOffer(turn, CheckinMessages.NOTE_SAVED, community, flow.get().day())
                : turn.compose(CheckinMessages.NOTE_SAVED)).build());
    }

    /**
     * Asks for the note only when the member chose to write one, so that the form is the answer to a
     * button (a modal on Discord opens only as the first answer) and no message is taken as a note unasked.
     */
    private void onAddNote(Turn turn, String argument) {
        Optional<Flows.Flow> flow = flows.flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (flows.todays(turn, flow.get()).isPresent()) {
            turn.replyPrivately(turn.compose(CheckinMessages.NOTE_ASK)
                    .form(noteForm(turn, flow.get().community(), flow.get().day(), NEW_FLOW))
                    .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), argument))
                    .build());
        }
    }

    private void onSkip(Turn turn, String argument) {
        pendingForms.clear(turn.member());
        Optional<Flows.Flow> flow = flows.flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (flows.todays(turn, flow.get()).isEmpty()) {
            return;
        }
        turn.replyPrivately(sharing.withShareOffer(turn, CheckinMessages.NOTE_SKIPPED, flow.get().community(), flow.get().day()).build());
    }

    /** The note context bound into the sealed text: whose, where and which day. */
    static String noteContext(CommunityRef community, MemberRef member, LocalDate day) {
        return "checkin-note|" + community.key() + "|" + member.key() + "|" + day;
    }

    // ---- today's check-in: edit, delete ----

    void edit(Turn turn, Args args) {
        CommunityRef community = turn.community();
        LocalDate today = flows.today(turn, community);
        Optional<Checkin> checkin = checkins.find(community, turn.member(), today);
        if (checkin.isEmpty()) {
            turn.replyPrivately(CheckinMessages.EDIT_NONE);
            return;
        }
        Optional<String> opened = checkin.get().hasNote()
                ? cipher.open(checkin.get().note(), noteContext(community, turn.member(), today)) : Optional.empty();
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.EDIT_SHOW,
                "mood", CheckinWords.moodLabel(turn, checkin.get().mood()), "hasNote", opened.isPresent(), "note", opened.orElse(""),
                "unreadable", checkin.get().hasNote() && opened.isEmpty());
        moodButtons(message, turn, community, today);
        String state = Flows.state(community, today);
        message.button(renote.button(turn.text(CheckinMessages.BUTTON_NOTE), state));
        if (checkin.get().hasNote()) {
            message.button(unnote.button(turn.text(CheckinMessages.BUTTON_REMOVE_NOTE), state, Button.Style.DANGER));
        }
        turn.replyPrivately(message.build());
    }

    private void onRenote(Turn turn, String argument) {
        Optional<Flows.Flow> flow = flows.flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (flows.todays(turn, flow.get()).isPresent()) {
            turn.replyPrivately(turn.compose(CheckinMessages.NOTE_ASK_EDIT)
                    .form(noteForm(turn, flow.get().community(), flow.get().day(), EDIT_FLOW)).build());
        }
    }

    private void onUnnote(Turn turn, String argument) {
        Optional<Flows.Flow> flow = flows.flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        Optional<Checkin> checkin = flows.todays(turn, flow.get());
        if (checkin.isPresent()) {
            checkins.put(flow.get().community(), turn.member(), checkin.get().withNote(null, turn.now()), turn.now().plus(retention));
            turn.replyPrivately(CheckinMessages.NOTE_REMOVED);
        }
    }

    void delete(Turn turn, Args args) {
        CommunityRef community = turn.community();
        if (checkins.remove(community, turn.member(), flows.today(turn, community))) {
            LOG.debug("a check-in was deleted on {}", community.platform().id());
            turn.replyPrivately(CheckinMessages.DELETED);
        } else {
            turn.replyPrivately(CheckinMessages.DELETE_NONE);
        }
    }
}
