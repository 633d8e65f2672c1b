package org.circlekeeper.core.share;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.circlekeeper.core.circle.Circle;
import org.circlekeeper.core.circle.CircleStore;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.template.Speech;

/**
 * The share circle ({@code /share …}): the chair (or an organiser) starts a circle in a group channel,
 * members join, and the bot posts each step of the format, keeps the talking piece, the rounds and the
 * queue, and rotates the chair among volunteers. Members may share without their name through a
 * private message when the group allows it; the share waits its turn in the queue so that it never
 * interrupts a speaker, its author is never kept, and its text only until it is posted. Everything a
 * member does here is answered privately; what the circle should see is posted in the channel.
 */
public final class ShareFeature implements Feature {

    /** The window and limit of shares without a name per member; the counter holds no text and no circle. */
    static final Duration ANON_WINDOW = Duration.ofMinutes(15);
    static final int ANON_MAX = 3;
    /** The longest share without a name, in characters (Discord's modals take 4,000). */
    static final int ANON_MAX_LENGTH = 2_000;
    private static final String ANON_FIELD = "share";

    private final ShareStore store;
    private final CircleStore circles;
    private final CircleFormats formats;
    private final Outbox outbox;
    private final Clock clock;
    private final Meetings meetings;
    private final Rotations rotations;
    private final ShareChairs chairs;
    private final SecureRandom random = new SecureRandom();
    private final FormSpec anonymousForm = new FormSpec(Actions.ANON, this::onAnonymousShare);

    public ShareFeature(ShareStore store, CircleStore circles, JobQueue jobs, Outbox outbox, Messengers messengers, Clock clock) {
        this(store, circles, CircleFormats.shipped(), jobs, outbox, messengers, clock);
    }

    ShareFeature(ShareStore store, CircleStore circles, CircleFormats formats, JobQueue jobs, Outbox outbox, Messengers messengers,
                 Clock clock) {
        this.store = store;
        this.circles = circles;
        this.formats = formats;
        this.outbox = outbox;
        this.clock = clock;
        this.rotations = new Rotations(store, clock);
        this.meetings = new Meetings(store, formats, jobs, outbox, messengers, clock, new Posts(circles, clock), rotations);
        this.chairs = new ShareChairs(store);
    }

    /** Who chairs the meeting running in a place (or accepted to chair the next one there), for the engine. */
    public ChairPolicy chairs() {
        return chairs;
    }

    @Override
    public String id() {
        return "share";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("share", ShareMessages.CMD_SHARE).scope(Scope.GROUP)
                .subcommand(group("start", ShareMessages.CMD_START).audience(Audience.CHAIR)
                        .option(OptionSpec.choice("format", ShareMessages.OPT_FORMAT, formats.ids()))
                        .handler(this::start).build())
                .subcommand(group("join", ShareMessages.CMD_JOIN).handler((turn, args) -> join(turn, null)).build())
                .subcommand(group("leave", ShareMessages.CMD_LEAVE).handler(this::leave).build())
                .subcommand(group("raise", ShareMessages.CMD_RAISE).handler((turn, args) -> raise(turn, null)).build())
                .subcommand(group("lower", ShareMessages.CMD_LOWER).handler((turn, args) -> lower(turn, null)).build())
                .subcommand(group("place", ShareMessages.CMD_PLACE).handler((turn, args) -> place(turn, null)).build())
                .subcommand(group("done", ShareMessages.CMD_DONE).handler((turn, args) -> finishTurn(turn, null, null, false)).build())
                .subcommand(group("pass", ShareMessages.CMD_PASS).handler((turn, args) -> finishTurn(turn, null, null, true)).build())
                .subcommand(chair("call", ShareMessages.CMD_CALL).handler((turn, args) -> call(turn, null, null)).build())
                .subcommand(chair("next", ShareMessages.CMD_NEXT).handler((turn, args) -> nextStep(turn, null, null)).build())
                .subcommand(chair("move", ShareMessages.CMD_MOVE).example(ShareMessages.CMD_MOVE_EXAMPLE)
                        .option(OptionSpec.text("name", ShareMessages.OPT_NAME).required().length(1, 64))
                        .option(OptionSpec.integer("position", ShareMessages.OPT_POSITION).required().range(1, 500))
                        .handler(this::move).build())
                .subcommand(chair("remove", ShareMessages.CMD_REMOVE)
                        .option(OptionSpec.text("name", ShareMessages.OPT_NAME).required().length(1, 64))
                        .handler(this::remove).build())
                .subcommand(chair("pause", ShareMessages.CMD_PAUSE)
                        .handler((turn, args) -> act(turn, null, (c, f) -> Rules.pause(c, clock.instant()))).build())
                .subcommand(chair("resume", ShareMessages.CMD_RESUME)
                        .handler((turn, args) -> act(turn, null, (c, f) -> Rules.resume(c, f, clock.instant()))).build())
                .subcommand(chair("end", ShareMessages.CMD_END)
                        .handler((turn, args) -> act(turn, null, (c, f) -> Rules.end(c, f, clock.instant()))).build())
                .subcommand(group("status", ShareMessages.CMD_STATUS).handler(this::status).build())
                .subcommand(group("anon", ShareMessages.CMD_ANON).handler((turn, args) -> askAnonymous(turn, null)).build())
                .subcommand(group("volunteer", ShareMessages.CMD_VOLUNTEER)
                        .option(OptionSpec.choice("off", ShareMessages.OPT_VOLUNTEER, List.of("off")))
                        .handler(this::volunteer).build())
                .subcommand(group("formats", ShareMessages.CMD_FORMATS).handler(this::listFormats).build())
                .subcommand(organiser("format", ShareMessages.CMD_FORMAT).example(ShareMessages.CMD_FORMAT_EXAMPLE)
                        .option(OptionSpec.text("circle", ShareMessages.OPT_CIRCLE).required().length(1, 32))
                        .option(OptionSpec.choice("format", ShareMessages.OPT_FORMAT, formats.ids()).required())
                        .handler(this::chooseFormat).build())
                .subcommand(organiser("anonymous", ShareMessages.CMD_ANONYMOUS)
                        .option(OptionSpec.choice("switch", ShareMessages.OPT_SWITCH, List.of("on", "off")).required())
                        .handler(this::allowAnonymous).build())
                .subcommand(organiser("history", ShareMessages.CMD_HISTORY).handler(this::history).build())
                .build());
    }

    private static CommandSpec.Builder group(String name, MessageKey description) {
        return CommandSpec.command(name, description).scope(Scope.GROUP);
    }

    private static CommandSpec.Builder chair(String name, MessageKey description) {
        return group(name, description).audience(Audience.CHAIR);
    }

    private static CommandSpec.Builder organiser(String name, MessageKey description) {
        return group(name, description).audience(Audience.ORGANISER);
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(
                new ActionSpec(Actions.JOIN, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 0, parts -> join(turn, parts[0]))),
                new ActionSpec(Actions.STEP, Audience.CHAIR, (turn, arg) -> onMeeting(turn, arg, 1,
                        parts -> nextStep(turn, parts[0], Integer.valueOf(parts[1])))),
                new ActionSpec(Actions.RAISE, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 0, parts -> raise(turn, parts[0]))),
                new ActionSpec(Actions.LOWER, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 0, parts -> lower(turn, parts[0]))),
                new ActionSpec(Actions.PLACE, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 0, parts -> place(turn, parts[0]))),
                new ActionSpec(Actions.ANON, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 0,
                        parts -> askAnonymous(turn, parts[0]))),
                new ActionSpec(Actions.DONE, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 1,
                        parts -> finishTurn(turn, parts[0], Integer.valueOf(parts[1]), false))),
                new ActionSpec(Actions.PASS, Audience.MEMBER, (turn, arg) -> onMeeting(turn, arg, 1,
                        parts -> finishTurn(turn, parts[0], Integer.valueOf(parts[1]), true))),
                new ActionSpec(Actions.CALL, Audience.CHAIR, (turn, arg) -> onMeeting(turn, arg, 1,
                        parts -> call(turn, parts[0], Integer.valueOf(parts[1])))),
                new ActionSpec(Actions.SUPPORT, Audience.MEMBER, this::onSupport),
                new ActionSpec(Actions.ACCEPT, Audience.MEMBER, (turn, arg) -> onChairAnswer(turn, arg, true)),
                new ActionSpec(Actions.DECLINE, Audience.MEMBER, (turn, arg) -> onChairAnswer(turn, arg, false)));
    }

    @Override
    public List<FormSpec> forms() {
        return List.of(anonymousForm);
    }

    @Override
    public List<JobHandler> jobHandlers() {
        return meetings.handlers();
    }

    /** The time boxes of the community's share circles; the circles themselves go with the community's stores. */
    @Override
    public List<org.circlekeeper.core.ref.CommunityData> communityData() {
        return List.of(new org.circlekeeper.core.ref.CommunityData() {
            @Override
            public String section() {
                return "share-jobs";
            }

            @Override
            public void erase(CommunityRef community) {
                meetings.cancelAll(community);
            }
        });
    }

    @Override
    public List<MessageKey> messages() {
        List<MessageKey> keys = new ArrayList<>(ShareMessages.ALL);
        keys.addAll(formats.messageKeys());
        return keys;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new ShareData());
    }

    // ---- running a circle ----

    private static Optional<ShareRoom> room(Turn turn) {
        if (turn.context().channel().isDirect() || turn.context().channel().platform() != turn.community().platform()) {
            return Optional.empty();
        }
        return Optional.of(new ShareRoom(turn.community(), turn.context().channel()));
    }

    private void start(Turn turn, Args args) {
        ShareRoom room = room(turn).orElseThrow();
        Optional<LiveCircle> running = store.live(room);
        if (running.isPresent()) {
            replyRunning(turn, running.get());
            return;
        }
        CircleFormat format = args.optional("format").flatMap(formats::find).orElseGet(() -> chosenFormat(room));
        Change.Moved opened = Rules.open(meetingId(), format, Person.of(turn.member()), clock.instant());
        if (!meetings.start(room, opened)) {
            store.live(room).ifPresentOrElse(other -> replyRunning(turn, other), () -> turn.replyPrivately(ShareMessages.BUSY));
            return;
        }
        store.remember(turn.member(), room);
        rotations.useUp(room);
    }

    private void replyRunning(Turn turn, LiveCircle running) {
        turn.replyPrivately(ShareMessages.ALREADY_RUNNING, "format", turn.text(meetings.format(running).name()),
                "chair", running.chair() == null ? "" : running.chair().name());
    }

    /** The format chosen for this channel's circle, or the standard one. */
    private CircleFormat chosenFormat(ShareRoom room) {
        ShareSettings settings = store.settings(room.community());
        return circles.all(room.community()).stream()
                .filter(c -> !c.cancelled() && c.channel().equals(room.channel()))
                .sorted(Comparator.comparing(Circle::id))
                .map(c -> settings.formats().get(c.id())).filter(id -> id != null)
                .map(formats::find).flatMap(Optional::stream)
                .findFirst().orElseGet(formats::standard);
    }

    /** A short random id for a meeting: 40 bits in base 36, at most 8 characters. */
    private String meetingId() {
        return Long.toString(random.nextLong() >>> 24, 36);
    }

    private void join(Turn turn, String meeting) {
        if (act(turn, meeting, (c, f) -> Rules.join(c, f, Person.of(turn.member()), clock.instant())) instanceof Meetings.Outcome.Applied) {
            room(turn).ifPresent(room -> store.remember(turn.member(), room));
        }
    }

    private void leave(Turn turn, Args args) {
        act(turn, null, (c, f) -> Rules.leave(c, f, turn.member(), false, clock.instant()));
    }

    private void raise(Turn turn, String meeting) {
        act(turn, meeting, (c, f) -> Rules.raise(c, f, turn.member(), clock.instant()));
    }

    private void lower(Turn turn, String meeting) {
        act(turn, meeting, (c, f) -> Rules.lower(c, f, turn.member()));
    }

    private void finishTurn(Turn turn, String meeting, Integer expectedTurn, boolean passed) {
        act(turn, meeting, (c, f) -> Rules.finishTurn(c, f, turn.member(), expectedTurn, passed, clock.instant()));
    }

    private void call(Turn turn, String meeting, Integer expectedTurn) {
        act(turn, meeting, (c, f) -> Rules.callNext(c, f, expectedTurn, clock.instant()));
    }

    private void nextStep(Turn turn, String meeting, Integer expectedStep) {
        act(turn, meeting, (c, f) -> Rules.nextStep(c, f, expectedStep, clock.instant()));
    }

    private void move(Turn turn, Args args) {
        act(turn, null, (c, f) -> Rules.move(c, args.text("name"), (int) args.integer("position")));
    }

    private void remove(Turn turn, Args args) {
        act(turn, null, (c, f) -> Rules.remove(c, args.text("name")));
    }

    private void place(Turn turn, String meeting) {
        Optional<LiveCircle> live = room(turn).flatMap(store::live).filter(c -> meeting == null || c.id().equals(meeting));
        if (live.isEmpty()) {
            turn.replyPrivately(meeting == null ? ShareMessages.NOT_RUNNING : ShareMessages.ENDED_ALREADY);
            return;
        }
        LiveCircle circle = live.get();
        if (!circle.includes(turn.member())) {
            turn.replyPrivately(ShareMessages.NOT_IN_CIRCLE);
        } else if (meetings.format(circle).step(circle.step()).kind() != CircleFormat.Kind.OPEN) {
            turn.replyPrivately(ShareMessages.NOT_OPEN);
        } else if (circle.holds(turn.member())) {
            turn.replyPrivately(ShareMessages.HAND_SPEAKING);
        } else if (circle.position(turn.member()) > 0) {
            turn.replyPrivately(ShareMessages.PLACE, "position", circle.position(turn.member()), "count", circle.queue().size());
        } else {
            turn.replyPrivately(ShareMessages.PLACE_NONE);
        }
    }

    private void status(Turn turn, Args args) {
        Optional<LiveCircle> live = room(turn).flatMap(store::live);
        if (live.isEmpty()) {
            turn.replyPrivately(ShareMessages.NOT_RUNNING);
            return;
        }
        LiveCircle circle = live.get();
        CircleFormat format = meetings.format(circle);
        turn.replyPrivately(ShareMessages.STATUS, "format", turn.text(format.name()), "step", circle.step() + 1,
                "steps", format.steps().size() - 1, "chair", circle.chair() == null ? "" : circle.chair().name(),
                "present", Posts.names(turn, circle.present()), "speaker", circle.speaker() == null ? "" : circle.speaker().name(),
                "queue", Posts.names(turn, circle.queue()), "paused", circle.onPause(),
                "minutes", Duration.between(circle.startedAt(), clock.instant()).toMinutes());
    }

    /** Applies a rule to the circle of the turn's channel and answers the person privately. */
    private Meetings.Outcome act(Turn turn, String meeting, Meetings.Rule rule) {
        Optional<ShareRoom> room = room(turn);
        if (room.isEmpty()) {
            turn.replyPrivately(ShareMessages.NOT_RUNNING);
            return new Meetings.Outcome.NotRunning();
        }
        Meetings.Outcome outcome = meetings.apply(room.get(), meeting, rule);
        if (outcome instanceof Meetings.Outcome.NotRunning) {
            turn.replyPrivately(meeting == null ? ShareMessages.NOT_RUNNING : ShareMessages.ENDED_ALREADY);
        } else if (outcome instanceof Meetings.Outcome.Stayed stayed) {
            note(turn, stayed.note());
        } else {
            note(turn, ((Meetings.Outcome.Applied) outcome).moved().ack());
        }
        return outcome;
    }

    private static void note(Turn turn, Change.Note note) {
        if (note != null) {
            turn.replyPrivately(note.key(), note.values());
        }
    }

    /** Reads a button's {@code <meeting>[:<n>]} argument; a malformed one is treated as a button of an ended circle. */
    private static void onMeeting(Turn turn, String argument, int numbers, Consumer<String[]> run) {
        String[] parts = argument.split(":");
        boolean valid = parts.length == 1 + numbers && !parts[0].isEmpty();
        for (int i = 1; valid && i < parts.length; i++) {
            valid = parts[i].matches("\\d{1,9}");
        }
        if (!valid) {
            turn.replyPrivately(ShareMessages.ENDED_ALREADY);
            return;
        }
        run.accept(parts);
    }

    private void onSupport(Turn turn, String argument) {
        String[] parts = argument.split(":");
        Optional<Support> kind = parts.length == 3 && parts[1].matches("\\d{1,9}") ? Support.fromCode(parts[2]) : Optional.empty();
        if (kind.isEmpty()) {
            turn.replyPrivately(ShareMessages.ENDED_ALREADY);
            return;
        }
        int expected = Integer.parseInt(parts[1]);
        act(turn, parts[0], (c, f) -> Rules.support(c, turn.member(), expected, kind.get()));
    }

    // ---- shares without a name ----

    /**
     * Asks for a share without a name: a form on platforms that have one, else the member's next private
     * message. The form carries only the meeting's id.
     */
    private void askAnonymous(Turn turn, String meeting) {
        Optional<ShareRoom> room = room(turn);
        if (room.isEmpty() || !store.settings(room.get().community()).anonymous()) {
            turn.replyPrivately(ShareMessages.ANON_NOT_ALLOWED);
            return;
        }
        Optional<LiveCircle> live = store.live(room.get()).filter(c -> meeting == null || c.id().equals(meeting));
        if (live.isEmpty()) {
            turn.replyPrivately(meeting == null ? ShareMessages.ANON_NO_CIRCLE : ShareMessages.ENDED_ALREADY);
            return;
        }
        if (!live.get().includes(turn.member())) {
            turn.replyPrivately(ShareMessages.ANON_NOT_JOINED);
            return;
        }
        if (meetings.format(live.get()).step(live.get().step()).kind() != CircleFormat.Kind.OPEN) {
            turn.replyPrivately(ShareMessages.ANON_NOT_OPEN);
            return;
        }
        FormRequest form = anonymousForm.request(live.get().id(), turn.text(ShareMessages.ANON_TITLE),
                List.of(new FormRequest.Field(ANON_FIELD, turn.text(ShareMessages.ANON_FIELD), true, true, ANON_MAX_LENGTH)));
        turn.replyPrivately(turn.compose(ShareMessages.ANON_ASK).form(form).build());
    }

    /** The share comes back: it is posted without a name, at once or when the turns before it end; its author is never kept. */
    private void onAnonymousShare(Turn turn, String meeting, Map<String, String> fields) {
        String text = fields.getOrDefault(ANON_FIELD, fields.getOrDefault(FormSpec.ANSWER, "")).strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > ANON_MAX_LENGTH) {
            turn.replyPrivately(ShareMessages.ANON_EMPTY, "max", ANON_MAX_LENGTH);
            return;
        }
        Optional<ShareRoom> room = store.rooms(turn.member()).stream()
                .filter(r -> store.live(r).filter(c -> c.id().equals(meeting) && c.includes(turn.member())).isPresent())
                .findFirst();
        if (room.isEmpty()) {
            turn.replyPrivately(ShareMessages.ANON_GONE);
            return;
        }
        if (!store.settings(room.get().community()).anonymous()) {
            turn.replyPrivately(ShareMessages.ANON_NOT_ALLOWED);
            return;
        }
        if (store.countAnonymous(turn.member(), ANON_WINDOW) > ANON_MAX) {
            turn.replyPrivately(ShareMessages.ANON_TOO_MANY);
            return;
        }
        Meetings.Outcome outcome = meetings.apply(room.get(), meeting, (c, f) -> Rules.anonymous(c, f, turn.member(), text));
        if (outcome instanceof Meetings.Outcome.Applied applied) {
            note(turn, applied.moved().ack());
        } else if (outcome instanceof Meetings.Outcome.Stayed stayed) {
            note(turn, stayed.note());
        } else {
            turn.replyPrivately(ShareMessages.ANON_GONE);
        }
    }

    // ---- the chair rotation ----

    private void volunteer(Turn turn, Args args) {
        ShareRoom room = room(turn).orElseThrow();
        MemberRef member = turn.member();
        boolean listed = store.volunteers(turn.community()).stream().anyMatch(v -> v.person().same(member));
        if (args.has("off")) {
            turn.replyPrivately(listed && store.removeVolunteer(turn.community(), member.key())
                    ? ShareMessages.VOLUNTEER_OFF : ShareMessages.VOLUNTEER_NOT);
            return;
        }
        if (listed) {
            turn.replyPrivately(ShareMessages.VOLUNTEER_ALREADY);
            return;
        }
        store.saveVolunteer(turn.community(), new Volunteer(Person.of(member), clock.instant(), null));
        store.remember(member, room);
        turn.replyPrivately(ShareMessages.VOLUNTEERED, "name", member.displayName());
    }

    private void onChairAnswer(Turn turn, String argument, boolean accept) {
        Optional<ShareRoom> room = room(turn);
        if (room.isEmpty() || !argument.matches("\\d{1,9}")) {
            turn.replyPrivately(ShareMessages.CHAIR_STALE);
            return;
        }
        int round = Integer.parseInt(argument);
        Speech words = outbox.forCommunity(room.get().community());
        Rotations.Answer answer = accept ? rotations.accept(room.get(), turn.member(), round, words)
                : rotations.decline(room.get(), turn.member(), round, words);
        if (answer.message() != null) {
            turn.replaceOrigin(answer.message());
        } else {
            note(turn, answer.note());
        }
    }

    // ---- formats and organisers' settings ----

    /** Lists the formats by their short names in the reader's language (what /share start takes). */
    private void listFormats(Turn turn, Args args) {
        OptionSpec formatOption = OptionSpec.choice("format", ShareMessages.OPT_FORMAT, formats.ids()).build();
        List<Map<String, Object>> items = new ArrayList<>();
        for (CircleFormat format : formats.all()) {
            List<String> steps = format.steps().stream().map(s -> turn.text(stepName(s.kind()))).toList();
            items.add(Map.of("id", turn.choiceLabel(formatOption, format.id()), "name", turn.text(format.name()), "about", turn.text(format.about()),
                    "steps", String.join(" → ", steps)));
        }
        turn.replyPrivately(ShareMessages.FORMATS, "formats", items);
    }

    private static MessageKey stepName(CircleFormat.Kind kind) {
        switch (kind) {
            case OPENING:
                return ShareMessages.STEP_OPENING;
            case ROUND:
                return ShareMessages.STEP_ROUND;
            case OPEN:
                return ShareMessages.STEP_OPEN;
            default:
                return ShareMessages.STEP_CLOSING;
        }
    }

    private void chooseFormat(Turn turn, Args args) {
        String typed = args.text("circle").strip().toLowerCase(Locale.ROOT);
        Optional<Circle> circle = Circle.ID.matcher(typed).matches() ? circles.find(turn.community(), typed) : Optional.empty();
        if (circle.isEmpty() || circle.get().cancelled()) {
            String ids = circles.all(turn.community()).stream().filter(c -> !c.cancelled()).map(Circle::id).sorted()
                    .collect(Collectors.joining(", "));
            turn.replyPrivately(ShareMessages.FORMAT_UNKNOWN_CIRCLE, "given", args.text("circle"), "ids", ids);
            return;
        }
        CircleFormat format = formats.find(args.text("format")).orElseThrow();
        store.saveSettings(turn.community(), store.settings(turn.community()).withFormat(circle.get().id(), format.id()));
        turn.reply(ShareMessages.FORMAT_SET, "circle", circle.get().name(), "format", turn.text(format.name()));
    }

    private void allowAnonymous(Turn turn, Args args) {
        boolean on = args.text("switch").equals("on");
        store.saveSettings(turn.community(), store.settings(turn.community()).withAnonymous(on));
        turn.reply(on ? ShareMessages.ANONYMOUS_ON : ShareMessages.ANONYMOUS_OFF);
    }

    private void history(Turn turn, Args args) {
        List<MeetingSummary> ended = store.history(turn.community(), 10);
        if (ended.isEmpty()) {
            turn.replyPrivately(ShareMessages.HISTORY_NONE);
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(turn.locale());
        List<Map<String, Object>> items = new ArrayList<>();
        for (MeetingSummary summary : ended) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("date", date.format(LocalDate.ofInstant(summary.startedAt(), turn.zone())));
            item.put("format", formats.find(summary.format()).map(f -> turn.text(f.name())).orElse(summary.format()));
            item.put("minutes", summary.length().toMinutes());
            item.put("joined", summary.joined());
            item.put("shares", summary.shares());
            item.put("passes", summary.passes());
            item.put("anonymous", summary.anonymous());
            items.add(item);
        }
        turn.replyPrivately(ShareMessages.HISTORY, "meetings", items);
    }

    // ---- personal data ----

    /**
     * What the share circle keeps about a member: their place in live circles (name, queue, talking piece),
     * their offer to chair, and the chair rotation's question or acceptance. Never what they shared.
     */
    private final class ShareData implements PersonalData {
        @Override
        public String section() {
            return "share-circle";
        }

        @Override
        public Map<String, Object> export(MemberRef member) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (ShareRoom room : store.rooms(member)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> community = (Map<String, Object>) out.computeIfAbsent(room.community().key(), k -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    store.volunteers(room.community()).stream().filter(v -> v.person().same(member)).findFirst()
                            .ifPresent(v -> created.put("volunteerToChair", volunteer(v)));
                    return created;
                });
                Map<String, Object> here = new LinkedHashMap<>();
                store.live(room).filter(c -> c.includes(member) || c.chairedBy(member)).ifPresent(c -> {
                    here.put("inCircleNow", c.includes(member));
                    // kept for the circle's life only, so that the others see who is here and who holds the piece
                    here.put("nameShownInCircle", c.member(member).or(() -> Optional.ofNullable(c.chair()).filter(p -> p.same(member)))
                            .map(Person::name).orElse(""));
                    here.put("chair", c.chairedBy(member));
                    here.put("placeInQueue", c.position(member));
                    here.put("holdsTalkingPiece", c.holds(member));
                });
                ChairRotation rotation = store.rotation(room);
                if (rotation.proposed() != null && rotation.proposed().same(member)) {
                    here.put("askedToChairNext", true);
                    here.put("nameUsedToAskYou", rotation.proposed().name());
                }
                if (rotation.accepted() != null && rotation.accepted().same(member)) {
                    here.put("chairsNext", true);
                    here.put("nameUsedToAskYou", rotation.accepted().name());
                }
                if (rotation.declined().contains(member.key())) {
                    here.put("saidNotThisTime", true);
                }
                if (!here.isEmpty()) {
                    community.put(room.channel().channelId(), here);
                }
            }
            out.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
            return out;
        }

        private Map<String, Object> volunteer(Volunteer v) {
            Map<String, Object> item = new LinkedHashMap<>();
            // kept while they are on the list, so that the bot can ask them by name
            item.put("nameUsedToAskYou", v.person().name());
            item.put("since", v.since().toString());
            item.put("lastChaired", v.lastChaired() == null ? "" : v.lastChaired().toString());
            return item;
        }

        /** Takes the member out of every live circle (the piece moves on), the rotation and the volunteers. */
        @Override
        public void erase(MemberRef member) {
            for (ShareRoom room : store.rooms(member)) {
                meetings.apply(room, null, (c, f) -> Rules.leave(c, f, member, true, clock.instant()));
                for (int attempt = 0; attempt < Meetings.MAX_ATTEMPTS; attempt++) {
                    ChairRotation rotation = store.rotation(room);
                    if (!rotation.mentions(member.key()) || store.saveRotation(room, rotation.without(member.key()))) {
                        break;
                    }
                }
                store.removeVolunteer(room.community(), member.key());
            }
            store.forget(member);
        }
    }
}
