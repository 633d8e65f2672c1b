package org.circlekeeper.core.checkin;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.resource.CrisisLines;
import org.circlekeeper.core.resource.ResourceCatalog;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.resource.SafetyPhrases;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Check-ins. {@code /checkin} asks for a mood (buttons from 1, really hard, to 5, great), then
 * offers a private note (a button that asks with a form: a modal on Discord, the next private
 * message elsewhere; or skip) and then,
 * only if the member wants, a line for the group that they see exactly before it is posted. The
 * same command edits or deletes today's check-in, shows the member's history (a chart, streaks,
 * their journey), and sets their prompts, a pause and a buddy; organisers set the community's
 * prompt ({@code /checkin setup}) and see the group's {@code /pulse} (aggregates of the last closed
 * week only, from five members on). Everything about a member's check-ins is answered privately; notes are sealed
 * with the {@link NoteCipher} before they reach the store. Bad input changes nothing.
 */
public final class CheckinFeature implements Feature {

    /** The most characters a note holds (a form field allows up to 4,000; a check-in note is shorter). */
    public static final int MAX_NOTE = 1_000;
    /** The most characters of a line shared with the group. */
    public static final int MAX_LINE = 280;
    /** How long a line waits for the member's confirmation. */
    static final Duration SHARE_WINDOW = Duration.ofMinutes(30);
    /** How many days {@code /checkin history} shows. */
    static final int HISTORY_DAYS = 28;
    /** How many journey marks history and the journey view show. */
    static final int JOURNEY_SHOWN = 8;
    static final List<String> ACTIONS = List.of("edit", "delete", "history", "journey", "prompts", "away", "back", "buddy",
            "setup");
    private static final String NEW_FLOW = "n";
    private static final String EDIT_FLOW = "e";
    private static final Logger LOG = LoggerFactory.getLogger(CheckinFeature.class);

    private final CheckinStore store;
    private final NoteCipher cipher;
    private final Duration retention;
    private final Outbox outbox;
    private final PreferenceResolver preferences;
    private final PendingForms pendingForms;
    private final QuestionSets questions = QuestionSets.shipped();
    private final Prompts prompts;
    private final Support support;

    private final ActionSpec mood = new ActionSpec("checkin.mood", Audience.MEMBER, this::onMood);
    private final ActionSpec addNote = new ActionSpec("checkin.add-note", Audience.MEMBER, this::onAddNote);
    private final ActionSpec skip = new ActionSpec("checkin.skip", Audience.MEMBER, this::onSkip);
    private final ActionSpec renote = new ActionSpec("checkin.renote", Audience.MEMBER, this::onRenote);
    private final ActionSpec unnote = new ActionSpec("checkin.unnote", Audience.MEMBER, this::onUnnote);
    private final ActionSpec share = new ActionSpec("checkin.share", Audience.MEMBER, this::onShare);
    private final ActionSpec post = new ActionSpec("checkin.post", Audience.MEMBER, this::onPost);
    private final ActionSpec noPost = new ActionSpec("checkin.no-post", Audience.MEMBER, this::onNoPost);
    private final ActionSpec journey = new ActionSpec("checkin.journey", Audience.MEMBER, this::onJourney);
    private final ActionSpec tellBuddy = new ActionSpec("checkin.tell-buddy", Audience.MEMBER, this::onTellBuddy);
    private final FormSpec note = new FormSpec("checkin.note", this::onNote);
    private final FormSpec line = new FormSpec("checkin.line", this::onLine);

    /**
     * @param preferences each member's zone and language in a community (their "today")
     * @param resources   where the organisers' support-alert channel is kept ({@code /safety alerts on})
     * @param forms       so that "skip" also stops waiting for a note typed as a private message
     */
    private final org.circlekeeper.core.ref.Metrics metrics;

    public CheckinFeature(CheckinStore store, CheckinOptions options, JobQueue jobs, Outbox outbox,
                          PreferenceResolver preferences, MemberSettingsStore members, CrisisLines crisisLines,
                          ResourceCatalog catalog, ResourceStore resources, PendingForms forms, Clock clock,
                          org.circlekeeper.core.ref.Metrics metrics) {
        this.metrics = metrics;
        this.store = store;
        this.cipher = options.cipher();
        this.retention = options.retention();
        this.outbox = outbox;
        this.preferences = preferences;
        this.pendingForms = forms;
        this.prompts = new Prompts(store, jobs, outbox, preferences, clock, retention, this::promptMessage);
        this.support = new Support(store, members, crisisLines, catalog, resources, outbox);
    }

    @Override
    public String id() {
        return "checkin";
    }

    @Override
    public String helpTopic() {
        return "checkins";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("checkin", CheckinMessages.CMD_CHECKIN).example(CheckinMessages.CMD_CHECKIN_EXAMPLE)
                        .option(OptionSpec.choice("action", CheckinMessages.OPT_ACTION, ACTIONS))
                        .option(OptionSpec.text("value", CheckinMessages.OPT_VALUE).length(1, 200))
                        .handler(this::checkin).build(),
                CommandSpec.command("pulse", CheckinMessages.CMD_PULSE).audience(Audience.ORGANISER).handler(this::pulse).build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(mood, addNote, skip, renote, unnote, share, post, noPost, journey, tellBuddy);
    }

    @Override
    public List<FormSpec> forms() {
        return List.of(note, line);
    }

    @Override
    public List<JobHandler> jobHandlers() {
        return prompts.handlers();
    }

    /** The community's prompt jobs; its prompt settings and pulse activity go with the community's stores. */
    @Override
    public List<org.circlekeeper.core.ref.CommunityData> communityData() {
        return List.of(new org.circlekeeper.core.ref.CommunityData() {
            @Override
            public String section() {
                return "checkin-jobs";
            }

            @Override
            public void erase(CommunityRef community) {
                prompts.cancelAll(community);
            }
        });
    }

    @Override
    public List<MessageKey> messages() {
        return CheckinMessages.ALL;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new CheckinData());
    }

    private void checkin(Turn turn, Args args) {
        Optional<String> value = args.optional("value").map(String::strip);
        switch (args.optional("action").orElse("")) {
            case "" -> ask(turn);
            case "edit" -> edit(turn);
            case "delete" -> delete(turn);
            case "history" -> history(turn);
            case "journey" -> journeyView(turn, value);
            case "prompts" -> promptChoice(turn, value);
            case "away" -> away(turn, value);
            case "back" -> back(turn);
            case "buddy" -> buddy(turn, value);
            case "setup" -> setup(turn, value);
            default -> throw new IllegalStateException("an action the spec allows is not handled");
        }
    }

    // ---- checking in ----

    private void ask(Turn turn) {
        CommunityRef community = turn.community();
        LocalDate today = today(turn, community);
        Optional<Checkin> existing = store.find(community, turn.member(), today);
        OutgoingMessage.Builder message = existing.isPresent()
                ? turn.compose(CheckinMessages.ASK_AGAIN, "mood", moodLabel(turn::text, existing.get().mood()))
                : turn.compose(CheckinMessages.ASK);
        moodButtons(message, turn::text, community, today);
        turn.replyPrivately(message.build());
    }

    /** The mood buttons for a day, one row each from great to really hard: {@code checkin.mood:<level>:<day>:<tag>}. */
    private void moodButtons(OutgoingMessage.Builder message, Texts texts, CommunityRef community, LocalDate day) {
        String state = ":" + CheckinKeys.day(day) + ":" + CheckinKeys.tag(community);
        for (int level = Mood.GREAT.level(); level >= Mood.REALLY_HARD.level(); level--) {
            Mood m = Mood.of(level).orElseThrow();
            message.button(mood.button(moodLabel(texts, m), level + state, m == Mood.GREAT ? Button.Style.PRIMARY : Button.Style.SECONDARY));
            message.row();
        }
    }

    private void onMood(Turn turn, String argument) {
        String[] parts = argument.split(":", -1);
        Optional<Mood> chosen = Mood.parse(parts[0]);
        if (chosen.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_MOOD, "given", shorten(parts[0]));
            return;
        }
        Optional<Flow> flow = parts.length == 3 ? flow(turn, parts[1], parts[2]) : Optional.empty();
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (!flow.get().isToday()) {
            turn.replyPrivately(CheckinMessages.ERR_PASSED, "day", dayText(flow.get().day(), turn.locale()));
            return;
        }
        save(turn, flow.get().community(), chosen.get(), flow.get().day());
    }

    private void save(Turn turn, CommunityRef community, Mood chosen, LocalDate today) {
        MemberRef member = turn.member();
        Instant now = turn.now();
        Optional<Checkin> existing = store.find(community, member, today);
        Optional<Checkin> previous = store.between(community, member, today.minusDays(Support.IN_A_ROW_DAYS), today.minusDays(1))
                .stream().reduce((a, b) -> b);
        boolean inARow = Support.lowInARow(chosen, previous, today);
        if (existing.isPresent()) {
            store.put(community, member, existing.get().withMood(chosen, now), now.plus(retention));
            LOG.debug("a check-in was changed on {}", community.platform().id());
            care(turn, community, chosen, inARow);
            turn.replyPrivately(CheckinMessages.MOOD_CHANGED, "mood", moodLabel(turn::text, chosen));
            return;
        }
        store.put(community, member, new Checkin(today, chosen, null, now), now.plus(retention));
        metrics.checkIn(member.platform());
        CheckinProfile profile = store.profile(community, member);
        boolean first = profile.since() == null;
        LocalDate since = first ? today : profile.since();
        store.saveProfile(community, member, profile.withSince(since), now.plus(retention));
        LOG.debug("a check-in was saved on {}", community.platform().id());
        care(turn, community, chosen, inARow);
        StringBuilder text = new StringBuilder(turn.text(CheckinMessages.SAVED, "mood", moodLabel(turn::text, chosen)));
        celebrations(turn, community, today, since, first).forEach(c -> text.append("\n").append(c));
        text.append("\n\n").append(turn.text(CheckinMessages.NOTE_OFFER));
        String state = flowState(community, today);
        turn.replyPrivately(OutgoingMessage.text(text.toString())
                .button(addNote.button(turn.text(CheckinMessages.BUTTON_ADD_NOTE), state, Button.Style.PRIMARY))
                .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), state))
                .build());
    }

    /** The care the answer asks for, before anything else is said: the crisis lines for the hardest, warmth for a low day. */
    private void care(Turn turn, CommunityRef community, Mood chosen, boolean inARow) {
        switch (Support.careFor(chosen)) {
            case CRISIS -> turn.replyPrivately(support.crisis(turn, community));
            case GENTLE -> turn.replyPrivately(support.gentle(turn, community, inARow,
                    tellBuddy.button(turn.text(CheckinMessages.BUTTON_TELL_BUDDY), CheckinKeys.tag(community))));
            case NONE -> {
                // an okay day or better needs no word of care
            }
        }
    }

    /** After a low day the member chose to let their buddy know. */
    private void onTellBuddy(Turn turn, String tag) {
        Optional<CommunityRef> community = communityOf(turn, tag);
        if (community.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        turn.replyPrivately(OutgoingMessage.text(support.tellBuddy(turn, community.get())).visibility(Visibility.PRIVATE).build());
    }

    /** Gentle words for showing up: a first check-in, a streak milestone, a time with the group. */
    private List<String> celebrations(Turn turn, CommunityRef community, LocalDate today, LocalDate since, boolean first) {
        List<String> out = new ArrayList<>();
        if (first) {
            out.add(turn.text(CheckinMessages.CELEBRATE_FIRST));
            return out;
        }
        Set<LocalDate> days = store.between(community, turn.member(), today.minusDays(retention.toDays()), today).stream()
                .map(Checkin::day).collect(Collectors.toSet());
        Streaks.streakMilestone(Streaks.endingOn(days, today))
                .ifPresent(n -> out.add(turn.text(CheckinMessages.CELEBRATE_STREAK, "days", n)));
        LocalDate previous = days.stream().filter(d -> d.isBefore(today)).max(LocalDate::compareTo).orElse(null);
        Streaks.monthsMilestone(since, previous, today).ifPresent(m -> out.add(turn.text(CheckinMessages.together(m))));
        return out;
    }

    private FormRequest noteForm(Turn turn, CommunityRef community, LocalDate day, String flowKind) {
        return note.request(flowState(community, day) + ":" + flowKind, turn.text(CheckinMessages.NOTE_TITLE),
                List.of(new FormRequest.Field("note", turn.text(CheckinMessages.NOTE_FIELD), true, false, MAX_NOTE)));
    }

    private void onNote(Turn turn, String state, Map<String, String> fields) {
        String[] parts = state.split(":", -1);
        Optional<Flow> flow = parts.length == 3 ? flow(turn, parts[0], parts[1]) : Optional.empty();
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        Optional<Checkin> checkin = todays(turn, flow.get());
        if (checkin.isEmpty()) {
            return;
        }
        String text = answer(fields, "note");
        int length = text.codePointCount(0, text.length());
        CommunityRef community = flow.get().community();
        if (text.isBlank()) {
            turn.replyPrivately(CheckinMessages.ERR_NOTE_EMPTY);
            return;
        }
        if (length > MAX_NOTE) {
            turn.replyPrivately(turn.compose(CheckinMessages.ERR_NOTE_TOO_LONG, "length", length, "max", MAX_NOTE)
                    .form(noteForm(turn, community, flow.get().day(), parts[2]))
                    .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), flowState(community, flow.get().day())))
                    .build());
            return;
        }
        if (SafetyPhrases.shipped().matches(text)) {
            // what the safety check would catch in a group gets the crisis lines first here too
            turn.replyPrivately(OutgoingMessage.text(turn.text(CheckinMessages.NOTE_HEAVY) + "\n\n" + support.crisisLines(turn))
                    .visibility(Visibility.PRIVATE).build());
        }
        String sealed = cipher.seal(text.strip(), noteContext(community, turn.member(), flow.get().day()));
        store.put(community, turn.member(), checkin.get().withNote(sealed, turn.now()), turn.now().plus(retention));
        LOG.debug("a check-in note was saved on {}", community.platform().id());
        turn.replyPrivately((NEW_FLOW.equals(parts[2])
                ? withShareOffer(turn, CheckinMessages.NOTE_SAVED, community, flow.get().day())
                : turn.compose(CheckinMessages.NOTE_SAVED)).build());
    }

    /**
     * Asks for the note only when the member chose to write one, so that the form is the answer to a
     * button (a modal on Discord opens only as the first answer) and no message is taken as a note unasked.
     */
    private void onAddNote(Turn turn, String argument) {
        Optional<Flow> flow = flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (todays(turn, flow.get()).isPresent()) {
            turn.replyPrivately(turn.compose(CheckinMessages.NOTE_ASK)
                    .form(noteForm(turn, flow.get().community(), flow.get().day(), NEW_FLOW))
                    .button(skip.button(turn.text(CheckinMessages.BUTTON_SKIP), argument))
                    .build());
        }
    }

    private void onSkip(Turn turn, String argument) {
        pendingForms.clear(turn.member());
        Optional<Flow> flow = flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (todays(turn, flow.get()).isEmpty()) {
            return;
        }
        turn.replyPrivately(withShareOffer(turn, CheckinMessages.NOTE_SKIPPED, flow.get().community(), flow.get().day()).build());
    }

    /** The note context bound into the sealed text: whose, where and which day. */
    static String noteContext(CommunityRef community, MemberRef member, LocalDate day) {
        return "checkin-note|" + community.key() + "|" + member.key() + "|" + day;
    }

    // ---- sharing a line with the group ----

    /** A message with the share offer under it when the community has a group channel to share in. */
    private OutgoingMessage.Builder withShareOffer(Turn turn, MessageKey key, CommunityRef community, LocalDate day) {
        if (shareChannel(turn, community).isEmpty()) {
            return turn.compose(key);
        }
        String state = ":" + flowState(community, day);
        return OutgoingMessage.text(turn.text(key) + "\n\n" + turn.text(CheckinMessages.SHARE_OFFER))
                .button(share.button(turn.text(CheckinMessages.BUTTON_SHARE_PLAIN), "p" + state))
                .button(share.button(turn.text(CheckinMessages.BUTTON_SHARE_LINE), "l" + state));
    }

    /** Where shared lines go: the channel organisers set up in, else the group channel the member is in. */
    private Optional<ChannelRef> shareChannel(Turn turn, CommunityRef community) {
        ChannelRef configured = store.settings(community).channel();
        if (configured != null) {
            return Optional.of(configured);
        }
        ChannelRef here = turn.context().channel();
        return !here.isDirect() && community.equals(turn.community()) ? Optional.of(here) : Optional.empty();
    }

    private void onShare(Turn turn, String argument) {
        int colon = argument.indexOf(':');
        String kind = colon < 0 ? "" : argument.substring(0, colon);
        Optional<Flow> flow = colon < 0 ? Optional.empty() : flow(turn, argument.substring(colon + 1));
        Optional<ChannelRef> channel = flow.flatMap(f -> shareChannel(turn, f.community()));
        if (flow.isEmpty() || channel.isEmpty() || !(kind.equals("p") || kind.equals("l"))) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (todays(turn, flow.get()).isEmpty()) {
            return;
        }
        if (kind.equals("p")) {
            preview(turn, flow.get().community(), channel.get(), "");
            return;
        }
        turn.replyPrivately(turn.compose(CheckinMessages.LINE_ASK, "max", MAX_LINE)
                .form(line.request(flowState(flow.get().community(), flow.get().day()), turn.text(CheckinMessages.LINE_TITLE),
                        List.of(new FormRequest.Field("line", turn.text(CheckinMessages.LINE_FIELD), false, true, MAX_LINE))))
                .build());
    }

    private void onLine(Turn turn, String state, Map<String, String> fields) {
        Optional<Flow> flow = flow(turn, state);
        Optional<ChannelRef> channel = flow.flatMap(f -> shareChannel(turn, f.community()));
        if (flow.isEmpty() || channel.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (todays(turn, flow.get()).isEmpty()) {
            return;
        }
        String text = answer(fields, "line").strip();
        int length = text.codePointCount(0, text.length());
        if (text.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_LINE_EMPTY);
            return;
        }
        if (length > MAX_LINE) {
            turn.replyPrivately(turn.compose(CheckinMessages.ERR_LINE_TOO_LONG, "length", length, "max", MAX_LINE)
                    .form(line.request(state, turn.text(CheckinMessages.LINE_TITLE),
                            List.of(new FormRequest.Field("line", turn.text(CheckinMessages.LINE_FIELD), false, true, MAX_LINE))))
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
        store.holdShare(community, turn.member(), new PendingShare(channel, lineText), SHARE_WINDOW);
        String tag = CheckinKeys.tag(community);
        turn.replyPrivately(turn.compose(CheckinMessages.SHARE_PREVIEW, "post", posted, "minutes", SHARE_WINDOW.toMinutes())
                .button(post.button(turn.text(CheckinMessages.BUTTON_POST), tag, Button.Style.PRIMARY))
                .button(noPost.button(turn.text(CheckinMessages.BUTTON_NO_POST), tag))
                .build());
    }

    private void onPost(Turn turn, String tag) {
        Optional<CommunityRef> community = communityOf(turn, tag);
        Optional<PendingShare> waiting = community.flatMap(c -> store.takeShare(c, turn.member()));
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
        communityOf(turn, tag).ifPresent(c -> store.takeShare(c, turn.member()));
        turn.replaceOrigin(turn.compose(CheckinMessages.SHARE_CANCELLED).visibility(Visibility.PRIVATE).build());
    }

    // ---- today's check-in: edit, delete ----

    private void edit(Turn turn) {
        CommunityRef community = turn.community();
        LocalDate today = today(turn, community);
        Optional<Checkin> checkin = store.find(community, turn.member(), today);
        if (checkin.isEmpty()) {
            turn.replyPrivately(CheckinMessages.EDIT_NONE);
            return;
        }
        Optional<String> opened = checkin.get().hasNote()
                ? cipher.open(checkin.get().note(), noteContext(community, turn.member(), today)) : Optional.empty();
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.EDIT_SHOW, "mood", moodLabel(turn::text, checkin.get().mood()),
                "hasNote", opened.isPresent(), "note", opened.orElse(""),
                "unreadable", checkin.get().hasNote() && opened.isEmpty());
        moodButtons(message, turn::text, community, today);
        String state = flowState(community, today);
        message.button(renote.button(turn.text(CheckinMessages.BUTTON_NOTE), state));
        if (checkin.get().hasNote()) {
            message.button(unnote.button(turn.text(CheckinMessages.BUTTON_REMOVE_NOTE), state, Button.Style.DANGER));
        }
        turn.replyPrivately(message.build());
    }

    private void onRenote(Turn turn, String argument) {
        Optional<Flow> flow = flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        if (todays(turn, flow.get()).isPresent()) {
            turn.replyPrivately(turn.compose(CheckinMessages.NOTE_ASK_EDIT)
                    .form(noteForm(turn, flow.get().community(), flow.get().day(), EDIT_FLOW)).build());
        }
    }

    private void onUnnote(Turn turn, String argument) {
        Optional<Flow> flow = flow(turn, argument);
        if (flow.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        Optional<Checkin> checkin = todays(turn, flow.get());
        if (checkin.isPresent()) {
            store.put(flow.get().community(), turn.member(), checkin.get().withNote(null, turn.now()), turn.now().plus(retention));
            turn.replyPrivately(CheckinMessages.NOTE_REMOVED);
        }
    }

    private void delete(Turn turn) {
        CommunityRef community = turn.community();
        if (store.remove(community, turn.member(), today(turn, community))) {
            LOG.debug("a check-in was deleted on {}", community.platform().id());
            turn.replyPrivately(CheckinMessages.DELETED);
        } else {
            turn.replyPrivately(CheckinMessages.DELETE_NONE);
        }
    }

    // ---- the member's own view ----

    private void history(Turn turn) {
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        LocalDate today = today(turn, community);
        LocalDate from = today.minusDays(HISTORY_DAYS - 1L);
        List<Checkin> kept = store.between(community, member, today.minusDays(retention.toDays()), today);
        Map<LocalDate, Mood> moods = new LinkedHashMap<>();
        kept.stream().filter(c -> !c.day().isBefore(from)).forEach(c -> moods.put(c.day(), c.mood()));
        List<JourneyMark> marks = store.journey(community, member);
        if (moods.isEmpty() && marks.isEmpty()) {
            turn.replyPrivately(CheckinMessages.HISTORY_EMPTY);
            return;
        }
        Locale locale = turn.locale();
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(today); start = start.plusDays(7)) {
            StringBuilder days = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                Mood m = moods.get(start.plusDays(i));
                days.append(i == 0 ? "" : " ").append(m == null ? "·" : turn.text(m.emoji()));
            }
            weeks.add(Map.of("label", shortDay.format(start) + " – " + shortDay.format(start.plusDays(6)), "days", days.toString()));
        }
        Set<LocalDate> days = kept.stream().map(Checkin::day).collect(Collectors.toSet());
        int streak = Streaks.current(days, today);
        String legend = java.util.Arrays.stream(Mood.values()).sorted((a, b) -> b.level() - a.level())
                .map(m -> turn.text(m.emoji()) + " " + turn.text(m.word()).toLowerCase(locale)).collect(Collectors.joining(" · "));
        Map<Mood, String> words = new EnumMap<>(Mood.class);
        for (Mood m : Mood.values()) {
            words.put(m, turn.text(m.word()));
        }
        Optional<byte[]> chart = moods.isEmpty() ? Optional.empty()
                : MoodChart.render(turn.text(CheckinMessages.CHART_TITLE), from, today, moods, words, locale);
        String since = store.profile(community, member).sinceDay().map(d -> dayText(d, locale)).orElse("");
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.HISTORY, "count", moods.size(), "legend", legend,
                "weeks", weeks, "streak", streak == 0 ? "" : Integer.toString(streak), "since", since,
                "journey", journeyText(turn, marks), "chart", chart.isPresent());
        chart.ifPresent(png -> message.attachment(new Attachment("checkins.png", "image/png", png)));
        turn.replyPrivately(message.build());
    }

    private void journeyView(Turn turn, Optional<String> value) {
        CommunityRef community = turn.community();
        if (value.map(CheckinParsing::fold).filter(CheckinParsing.CLEAR::contains).isPresent()) {
            store.clearJourney(community, turn.member());
            turn.replyPrivately(CheckinMessages.JOURNEY_CLEARED);
            return;
        }
        List<JourneyMark> marks = store.journey(community, turn.member());
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.JOURNEY, "marks", journeyText(turn, marks));
        String tag = ":" + CheckinKeys.tag(community);
        JourneyStage[] stages = JourneyStage.values();
        for (int i = 0; i < stages.length; i++) {
            message.button(journey.button(turn.text(stages[i].word()), stages[i].id() + tag));
            if (i % 2 == 1) {
                message.row();
            }
        }
        turn.replyPrivately(message.build());
    }

    /** The latest marks as "3 Nov: reserved → 20 Nov: sharing"; empty when there are none. */
    private static String journeyText(Turn turn, List<JourneyMark> marks) {
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("d MMM", turn.locale());
        return marks.subList(Math.max(0, marks.size() - JOURNEY_SHOWN), marks.size()).stream()
                .map(j -> shortDay.format(j.day()) + ": " + turn.text(j.stage().word()).toLowerCase(turn.locale()))
                .collect(Collectors.joining(" → "));
    }

    private void onJourney(Turn turn, String argument) {
        int colon = argument.indexOf(':');
        Optional<JourneyStage> stage = colon < 0 ? Optional.empty() : JourneyStage.fromId(argument.substring(0, colon));
        Optional<CommunityRef> community = colon < 0 ? Optional.empty() : communityOf(turn, argument.substring(colon + 1));
        if (stage.isEmpty() || community.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        LocalDate today = today(turn, community.get());
        store.mark(community.get(), turn.member(), new JourneyMark(today, stage.get()), turn.now().plus(retention));
        touchProfile(community.get(), turn.member(), turn.now());
        turn.replyPrivately(CheckinMessages.JOURNEY_MARKED, "stage", turn.text(stage.get().word()));
    }

    // ---- prompts, pause, buddy: the member's choices ----

    private void promptChoice(Turn turn, Optional<String> value) {
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        CheckinProfile profile = store.profile(community, member);
        CheckinSettings settings = store.settings(community);
        if (value.isEmpty()) {
            turn.replyPrivately(CheckinMessages.PROMPTS_STATUS, "group", settings.promptsOn(), "days", daysText(turn, settings),
                    "time", settings.time().toString(), "questions", questions.name(settings.questions(), turn.locale()),
                    "on", profile.prompts(), "own", profile.ownTime().map(LocalTime::toString).orElse(""),
                    "away", profile.awayUntil().map(d -> dayText(d, turn.locale())).orElse(""), "zone", turn.zone().getId());
            return;
        }
        String folded = CheckinParsing.fold(value.get());
        Optional<LocalTime> time = CheckinParsing.time(value.get());
        CheckinProfile updated;
        MessageKey reply;
        if (CheckinParsing.ON.contains(folded)) {
            updated = profile.withPrompts(true);
            reply = CheckinMessages.PROMPTS_ON;
        } else if (CheckinParsing.OFF.contains(folded)) {
            updated = profile.withPrompts(false);
            reply = CheckinMessages.PROMPTS_OFF;
        } else if (CheckinParsing.GROUP.contains(folded)) {
            updated = profile.withPrompts(true).withTime(null);
            reply = CheckinMessages.PROMPTS_ON;
        } else if (time.isPresent()) {
            updated = profile.withPrompts(true).withTime(time.get());
            reply = CheckinMessages.PROMPTS_TIME;
        } else {
            turn.replyPrivately(CheckinMessages.PROMPTS_BAD, "given", shorten(value.get()));
            return;
        }
        saveChoice(community, member, updated, turn.now());
        LOG.debug("a member changed their check-in prompts on {}", community.platform().id());
        if (reply == CheckinMessages.PROMPTS_OFF) {
            turn.replyPrivately(reply);
            return;
        }
        turn.replyPrivately(reply, "group", settings.promptsOn(), "days", daysText(turn, settings),
                "time", updated.ownTime().orElse(settings.time()).toString(), "zone", turn.zone().getId());
    }

    private void away(Turn turn, Optional<String> value) {
        CommunityRef community = turn.community();
        LocalDate today = today(turn, community);
        Optional<LocalDate> until = value.flatMap(CheckinParsing::date);
        String example = today.plusDays(14).toString();
        if (until.isEmpty() || until.get().isBefore(today) || until.get().isAfter(today.plusYears(1))) {
            turn.replyPrivately(CheckinMessages.AWAY_BAD, "given", shorten(value.orElse("")), "example", example);
            return;
        }
        saveChoice(community, turn.member(), store.profile(community, turn.member()).withAway(until.get()), turn.now());
        turn.replyPrivately(CheckinMessages.AWAY_SET, "date", dayText(until.get(), turn.locale()));
    }

    private void back(Turn turn) {
        CommunityRef community = turn.community();
        CheckinProfile profile = store.profile(community, turn.member());
        if (profile.away() == null || profile.away().isBefore(today(turn, community))) {
            turn.replyPrivately(CheckinMessages.BACK_NOT_AWAY);
            return;
        }
        saveChoice(community, turn.member(), profile.withAway(null), turn.now());
        turn.replyPrivately(CheckinMessages.BACK, "prompts", profile.prompts());
    }

    private void buddy(Turn turn, Optional<String> value) {
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        CheckinProfile profile = store.profile(community, member);
        if (value.isEmpty()) {
            Optional<Buddy> current = profile.buddySetting();
            turn.replyPrivately(CheckinMessages.BUDDY_STATUS, "name", current.filter(b -> !b.isOrganisers())
                    .map(b -> b.member().displayName()).orElse(""), "organisers", current.filter(Buddy::isOrganisers).isPresent());
            return;
        }
        String folded = CheckinParsing.fold(value.get());
        if (CheckinParsing.OFF.contains(folded)) {
            saveChoice(community, member, profile.withBuddy(null), turn.now());
            turn.replyPrivately(CheckinMessages.BUDDY_OFF);
            return;
        }
        if (CheckinParsing.ORGANISERS.contains(folded)) {
            if (!support.organisersReachable(community)) {
                turn.replyPrivately(CheckinMessages.BUDDY_NO_CHANNEL);
                return;
            }
            saveChoice(community, member, profile.withBuddy(Buddy.ORGANISERS), turn.now());
            turn.replyPrivately(CheckinMessages.BUDDY_ORGANISERS);
            return;
        }
        Optional<MemberRef> chosen = CheckinParsing.mention(value.get(), member.platform());
        if (chosen.isEmpty()) {
            turn.replyPrivately(CheckinMessages.BUDDY_BAD, "given", shorten(value.get()));
            return;
        }
        if (chosen.get().sameMember(member)) {
            turn.replyPrivately(CheckinMessages.BUDDY_SELF);
            return;
        }
        try {
            Outbox.Voice voice = outbox.forMember(chosen.get(), community);
            voice.send(new Target.Member(chosen.get()), voice.compose(CheckinMessages.BUDDY_NOTICE, "name", member.displayName())
                    .visibility(Visibility.PRIVATE).build());
        } catch (Messenger.DeliveryFailed e) {
            LOG.info("a chosen check-in buddy could not be reached on {}", community.platform().id());
            turn.replyPrivately(CheckinMessages.BUDDY_UNREACHABLE, "name", chosen.get().displayName());
            return;
        }
        saveChoice(community, member, profile.withBuddy(Buddy.member(chosen.get())), turn.now());
        turn.replyPrivately(CheckinMessages.BUDDY_SET, "name", chosen.get().displayName());
    }

    /** Saves a member's choice and moves their planned prompt along with it. */
    private void saveChoice(CommunityRef community, MemberRef member, CheckinProfile profile, Instant now) {
        store.saveProfile(community, member, profile, now.plus(retention));
        prompts.replan(community, member, profile);
    }

    /** Keeps the member's profile (their first day, their choices) for another retention period. */
    private void touchProfile(CommunityRef community, MemberRef member, Instant now) {
        CheckinProfile profile = store.profile(community, member);
        if (!profile.isEmpty()) {
            store.saveProfile(community, member, profile, now.plus(retention));
        }
    }

    // ---- organisers ----

    private void setup(Turn turn, Optional<String> value) {
        if (!turn.context().isOrganiser()) {
            turn.replyPrivately(EngineMessages.ORGANISERS_ONLY, "command", "/checkin setup");
            return;
        }
        CommunityRef community = turn.community();
        CheckinSettings current = store.settings(community);
        String sets = String.join(", ", questions.ids());
        if (value.isEmpty()) {
            turn.replyPrivately(CheckinMessages.SETUP_SHOW, "on", current.promptsOn(), "days", daysText(turn, current),
                    "time", current.time().toString(), "questions", current.questions(), "sets", sets,
                    "channel", current.channel() != null);
            return;
        }
        if (CheckinParsing.OFF.contains(CheckinParsing.fold(value.get()))) {
            store.saveSettings(community, current.withoutPrompts());
            prompts.replanCommunity(community);
            LOG.info("check-in prompts turned off on {}", community.platform().id());
            turn.reply(CheckinMessages.SETUP_OFF);
            return;
        }
        Optional<CheckinSettings> parsed = parseSetup(value.get(), current);
        if (parsed.isEmpty()) {
            turn.replyPrivately(CheckinMessages.SETUP_BAD, "given", shorten(value.get()), "sets", sets);
            return;
        }
        CheckinSettings settings = turn.context().channel().isDirect() ? parsed.get() : parsed.get().withChannel(turn.context().channel());
        store.saveSettings(community, settings);
        prompts.replanCommunity(community);
        LOG.info("check-in prompts set on {}", community.platform().id());
        turn.reply(CheckinMessages.SETUP_DONE, "days", daysText(turn, settings), "time", settings.time().toString(),
                "questions", questions.name(settings.questions(), turn.locale()),
                "channel", !turn.context().channel().isDirect(), "members", store.prompted(community).size());
    }

    /** Reads {@code days <days> time <hh:mm> questions <set>} in any order; a part not given keeps its current value. */
    private Optional<CheckinSettings> parseSetup(String text, CheckinSettings current) {
        List<String> words = CheckinParsing.words(text);
        Set<DayOfWeek> days = current.days();
        LocalTime time = current.time();
        String set = current.questions();
        for (int i = 0; i < words.size(); i += 2) {
            if (i + 1 >= words.size()) {
                return Optional.empty();
            }
            String keyword = CheckinParsing.fold(words.get(i));
            String given = words.get(i + 1);
            switch (keyword) {
                case "days", "dias" -> {
                    Optional<Set<DayOfWeek>> parsed = CheckinParsing.days(given);
                    if (parsed.isEmpty()) {
                        return Optional.empty();
                    }
                    days = parsed.get();
                }
                case "time", "hora" -> {
                    Optional<LocalTime> parsed = CheckinParsing.time(given);
                    if (parsed.isEmpty()) {
                        return Optional.empty();
                    }
                    time = parsed.get();
                }
                case "questions", "preguntas" -> {
                    String id = CheckinParsing.fold(given);
                    if (!questions.exists(id)) {
                        return Optional.empty();
                    }
                    set = id;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(current.withPrompt(days, time, set));
    }

    private void pulse(Turn turn, Args args) {
        CommunityRef community = turn.community();
        PulseWeek week = PulseWeek.lastClosed(turn.now(), preferences.resolve(community).zone());
        Pulse pulse = Pulse.of(store.moodsSince(community, week.previous().monday()), week);
        String from = dayText(week.monday(), turn.locale());
        String to = dayText(week.sunday(), turn.locale());
        if (!pulse.shown()) {
            turn.replyPrivately(CheckinMessages.PULSE_HIDDEN, "min", Pulse.MIN_CONTRIBUTORS, "from", from, "to", to);
            return;
        }
        List<Map<String, Object>> spread = new ArrayList<>();
        for (int level = Mood.GREAT.level(); level >= Mood.REALLY_HARD.level(); level--) {
            Mood m = Mood.of(level).orElseThrow();
            int count = pulse.spread().getOrDefault(m, 0);
            long percent = Math.round(100.0 * count / pulse.checkins());
            spread.add(Map.of("mood", moodLabel(turn::text, m), "count", count, "percent", percent,
                    "bar", "█".repeat((int) Math.round(percent / 10.0))));
        }
        Optional<Integer> trend = pulse.trend();
        turn.replyPrivately(CheckinMessages.PULSE, "from", from, "to", to, "checkins", pulse.checkins(), "spread", spread,
                "average", String.format(turn.locale(), "%.1f", pulse.average()), "compare", trend.isPresent(),
                "lighter", trend.filter(t -> t > 0).isPresent(), "same", trend.filter(t -> t == 0).isPresent(),
                "heavier", trend.filter(t -> t < 0).isPresent());
    }

    // ---- prompts' message ----

    private OutgoingMessage promptMessage(Outbox.Voice voice, CommunityRef community, CheckinSettings settings, LocalDate day) {
        OutgoingMessage.Builder message = voice.compose(CheckinMessages.PROMPT,
                "question", questions.question(settings.questions(), voice.locale(), day));
        moodButtons(message, voice::text, community, day);
        return message.build();
    }

    // ---- helpers ----

    /** Renders a message in some voice: a turn's or an outbox voice's. */
    @FunctionalInterface
    private interface Texts {
        String text(MessageKey key, Object... values);
    }

    private static String moodLabel(Texts texts, Mood m) {
        return texts.text(m.emoji()) + " " + texts.text(m.word());
    }

    /** The community and day a button or form of the check-in flow was made for, and whether that day is still today. */
    private record Flow(CommunityRef community, LocalDate day, LocalDate today) {
        boolean isToday() {
            return day.equals(today);
        }
    }

    private static String flowState(CommunityRef community, LocalDate day) {
        return CheckinKeys.day(day) + ":" + CheckinKeys.tag(community);
    }

    /** Reads {@code <day>:<tag>}. */
    private Optional<Flow> flow(Turn turn, String state) {
        String[] parts = state.split(":", -1);
        return parts.length == 2 ? flow(turn, parts[0], parts[1]) : Optional.empty();
    }

    private Optional<Flow> flow(Turn turn, String day, String tag) {
        Optional<LocalDate> parsed = CheckinKeys.parseDay(day);
        Optional<CommunityRef> community = communityOf(turn, tag);
        if (parsed.isEmpty() || community.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(community.get(), parsed.get(), today(turn, community.get())));
    }

    /** Today's check-in the flow is about, or a kind reply when the day has passed or the check-in is gone. */
    private Optional<Checkin> todays(Turn turn, Flow flow) {
        if (!flow.isToday()) {
            turn.replyPrivately(CheckinMessages.ERR_PASSED, "day", dayText(flow.day(), turn.locale()));
            return Optional.empty();
        }
        Optional<Checkin> checkin = store.find(flow.community(), turn.member(), flow.day());
        if (checkin.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_NO_CHECKIN);
        }
        return checkin;
    }

    /**
     * The community a button was made for: the one it was pressed in, or, for a private prompt answered
     * in a direct chat, whichever of the member's communities carries the button's tag.
     */
    private Optional<CommunityRef> communityOf(Turn turn, String tag) {
        if (tag.equals(CheckinKeys.tag(turn.community()))) {
            return Optional.of(turn.community());
        }
        if (!turn.context().channel().isDirect()) {
            return Optional.empty();
        }
        return store.communities(turn.member()).stream().filter(c -> tag.equals(CheckinKeys.tag(c))).findFirst();
    }

    /** The member's local date in a community (their zone there). */
    private LocalDate today(Turn turn, CommunityRef community) {
        ZoneId zone = community.equals(turn.community()) ? turn.zone() : preferences.resolve(turn.member(), community).zone();
        return LocalDate.ofInstant(turn.now(), zone);
    }

    private String daysText(Turn turn, CheckinSettings settings) {
        return CheckinParsing.daysText(settings.days(), turn.locale(), turn.text(CheckinMessages.DAYS_DAILY),
                turn.text(CheckinMessages.DAYS_WEEKDAYS));
    }

    private static String dayText(LocalDate day, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    private static String answer(Map<String, String> fields, String field) {
        String value = fields.get(field);
        if (value == null) {
            value = fields.get(FormSpec.ANSWER);
        }
        return value == null ? "" : value;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    // ---- personal data ----

    /** A member's check-ins (notes opened for them), journey, prompt choices and buddy, in every community. */
    private final class CheckinData implements PersonalData {
        @Override
        public String section() {
            return "checkins";
        }

        @Override
        public Map<String, Object> export(MemberRef member) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (CommunityRef community : sortedCommunities(member)) {
                Map<String, Object> section = new LinkedHashMap<>();
                List<Map<String, Object>> checkins = new ArrayList<>();
                for (Checkin checkin : store.between(community, member, LocalDate.EPOCH, LocalDate.of(9999, 12, 31))) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("day", checkin.day().toString());
                    item.put("mood", checkin.mood().level());
                    if (checkin.hasNote()) {
                        item.put("note", cipher.open(checkin.note(), noteContext(community, member, checkin.day()))
                                .orElse("(sealed with an earlier key; it cannot be read any more)"));
                    }
                    item.put("savedAt", checkin.at().toString());
                    checkins.add(item);
                }
                section.put("checkins", checkins);
                List<Map<String, Object>> marks = store.journey(community, member).stream()
                        .map(j -> Map.<String, Object>of("day", j.day().toString(), "stage", j.stage().id())).toList();
                if (!marks.isEmpty()) {
                    section.put("journey", marks);
                }
                CheckinProfile profile = store.profile(community, member);
                if (!profile.isEmpty()) {
                    Map<String, Object> choices = new LinkedHashMap<>();
                    choices.put("prompts", profile.prompts());
                    profile.ownTime().ifPresent(t -> choices.put("ownTime", t.toString()));
                    profile.awayUntil().ifPresent(d -> choices.put("awayUntil", d.toString()));
                    profile.buddySetting().ifPresent(b -> choices.put("buddy", b.isOrganisers() ? "organisers" : b.member().key()));
                    profile.sinceDay().ifPresent(d -> choices.put("firstCheckin", d.toString()));
                    section.put("choices", choices);
                }
                store.heldShare(community, member).ifPresent(waiting -> section.put("lineWaitingForYourConfirmation",
                        Map.of("line", waiting.line(), "channel", waiting.channel().channelId())));
                out.put(community.key(), section);
            }
            Map<CommunityRef, Set<MemberRef>> buddyOf = store.buddyOf(member);
            if (!buddyOf.isEmpty()) {
                Map<String, Object> counts = new LinkedHashMap<>();
                buddyOf.forEach((community, who) -> counts.put(community.key(), who.size()));
                out.put("buddyForMembers", counts);
            }
            return out;
        }

        @Override
        public void erase(MemberRef member) {
            for (CommunityRef community : store.communities(member)) {
                prompts.cancel(community, member);
            }
            store.eraseMember(member);
            // a note or a line the member was asked for would otherwise wait, under their id, for their next message
            pendingForms.clear(member);
            LOG.info("a member's check-ins were erased on {}", member.platform().id());
        }

        private List<CommunityRef> sortedCommunities(MemberRef member) {
            return new LinkedHashSet<>(store.communities(member)).stream()
                    .sorted(java.util.Comparator.comparing(CommunityRef::key)).toList();
        }
    }
}
