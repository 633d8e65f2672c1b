package org.circlekeeper.core.circle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.MembershipListener;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circles and meeting reminders. Organisers plan the group's circles with {@code /circle …} (in the
 * group); members see what is coming ({@code /circles}, {@code /next}), answer with RSVP buttons and
 * choose private reminders ({@code /remind}). Who is coming is shown to organisers only, and every
 * reply about a member's own answers or reminders is private. Bad input changes nothing and gets a
 * kind reply with an example of what works. Where the platform has an event list of its own (Discord's
 * server Events), each circle's next meeting is kept there too.
 */
public final class CircleFeature implements Feature, MembershipListener {

    /** How long an answer is kept after its meeting ends (organisers may look back at who came). */
    static final Duration RSVP_KEPT_AFTER = Duration.ofDays(7);
    /** How far ahead {@code /circles} looks, and how many meetings it shows at most. */
    static final Duration UPCOMING_WINDOW = Duration.ofDays(30);
    static final int UPCOMING_MAX = 10;
    /** Skips and moves of meetings older than this are forgotten when a circle changes. */
    static final Duration EXCEPTION_HISTORY = Duration.ofDays(90);
    /** How far ahead an organiser is told of meetings that fall where the clocks change. */
    static final Duration CLOCK_CHANGES_AHEAD = Duration.ofDays(366);
    private static final List<String> FIELDS = List.of("name", "description", "place", "duration", "when");
    private static final Set<String> ALL_WORDS = Set.of("all", "todos", "todas", "every", "cada");
    private static final Logger LOG = LoggerFactory.getLogger(CircleFeature.class);

    private final CircleStores stores;
    private final PreferenceResolver preferences;
    private final Clock clock;
    private final WhenParser parser;
    private final CalendarExport calendar;
    private final CalendarFeeds feeds;
    private final ActionSpec rsvp = new ActionSpec("circle.rsvp", Audience.MEMBER, this::onRsvp);
    private final Reminders reminders;
    private final CircleEvents events;
    private final LostPlaces lostPlaces;

    /**
     * @param preferences gives the community's zone (a new circle's default) and each member's
     * @param mirrors     the event lists of the connected platforms that have one
     */
    public CircleFeature(CircleStores stores, JobQueue jobs, Outbox outbox, PreferenceResolver preferences,
                         ZoneLookup zones, Clock clock, EventMirrors mirrors) {
        this.stores = stores;
        this.preferences = preferences;
        this.clock = clock;
        this.parser = new WhenParser(zones);
        this.calendar = new CalendarExport(clock);
        this.feeds = new CalendarFeeds(stores, clock);
        this.lostPlaces = new LostPlaces(stores, outbox);
        this.reminders = new Reminders(stores, jobs, outbox, clock, this::rsvpButtons, lostPlaces);
        this.events = new CircleEvents(stores, jobs, mirrors, clock);
    }

    @Override
    public String id() {
        return "circle";
    }

    @Override
    public String helpTopic() {
        return "meetings";
    }

    @Override
    public List<CommandSpec> commands() {
        Suggester ids = (context, partial) -> stores.circles().all(context.community()).stream()
                .filter(c -> !c.cancelled() && (c.id().startsWith(CircleIds.normalise(partial))
                        || CircleIds.nameKey(c.name()).startsWith(CircleIds.nameKey(partial))))
                .sorted(Comparator.comparing(Circle::id)).limit(25)
                .map(c -> new Suggester.Suggestion(c.id() + " — " + c.name(), c.id())).toList();
        return List.of(
                CommandSpec.command("circle", CircleMessages.CMD_CIRCLE).audience(Audience.ORGANISER).scope(Scope.GROUP)
                        .subcommand(organiser("create", CircleMessages.CMD_CREATE).example(CircleMessages.CMD_CREATE_EXAMPLE)
                                .option(OptionSpec.text("name", CircleMessages.OPT_NAME).required().length(1, Circle.MAX_NAME))
                                .option(OptionSpec.text("when", CircleMessages.OPT_WHEN).required().length(1, 200))
                                .handler(this::create).build())
                        .subcommand(organiser("edit", CircleMessages.CMD_EDIT).example(CircleMessages.CMD_EDIT_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.choice("field", CircleMessages.OPT_FIELD, FIELDS).required())
                                .option(OptionSpec.text("value", CircleMessages.OPT_VALUE).required().length(1, Circle.MAX_DESCRIPTION))
                                .handler(this::edit).build())
                        .subcommand(organiser("list", CircleMessages.CMD_LIST).handler(this::list).build())
                        .subcommand(organiser("show", CircleMessages.CMD_SHOW).option(idOption(ids).required())
                                .handler(this::show).build())
                        .subcommand(organiser("cancel", CircleMessages.CMD_CANCEL).option(idOption(ids).required())
                                .handler(this::cancel).build())
                        .subcommand(organiser("skip", CircleMessages.CMD_SKIP).example(CircleMessages.CMD_SKIP_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.text("date", CircleMessages.OPT_DATE).required().length(1, 40))
                                .handler(this::skip).build())
                        .subcommand(organiser("reschedule", CircleMessages.CMD_RESCHEDULE).example(CircleMessages.CMD_RESCHEDULE_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.text("date", CircleMessages.OPT_DATE).required().length(1, 40))
                                .option(OptionSpec.text("to", CircleMessages.OPT_TO).required().length(1, 60))
                                .handler(this::reschedule).build())
                        .subcommand(organiser("attendees", CircleMessages.CMD_ATTENDEES).option(idOption(ids).required())
                                .handler(this::attendees).build())
                        .subcommand(organiser("reminders", CircleMessages.CMD_REMINDERS).example(CircleMessages.CMD_REMINDERS_EXAMPLE)
                                .option(OptionSpec.text("leads", CircleMessages.OPT_LEADS).length(1, 100))
                                .handler(this::communityReminders).build())
                        .subcommand(organiser("ics", CircleMessages.CMD_ICS).option(idOption(ids)).handler(this::ics).build())
                        .subcommand(organiser("feed", CircleMessages.CMD_FEED)
                                .option(OptionSpec.choice("action", CircleMessages.OPT_FEED_ACTION, List.of("rotate")))
                                .handler(this::feed).build())
                        .build(),
                CommandSpec.command("circles", CircleMessages.CMD_CIRCLES).handler(this::upcoming).build(),
                CommandSpec.command("next", CircleMessages.CMD_NEXT)
                        .option(OptionSpec.text("circle", CircleMessages.OPT_REMIND_CIRCLE).length(1, Circle.MAX_NAME).suggestions(ids))
                        .handler(this::next).build(),
                CommandSpec.command("remind", CircleMessages.CMD_REMIND).example(CircleMessages.CMD_REMIND_EXAMPLE)
                        .option(OptionSpec.text("circle", CircleMessages.OPT_REMIND_CIRCLE).length(1, Circle.MAX_NAME).suggestions(ids))
                        .option(OptionSpec.text("leads", CircleMessages.OPT_REMIND_LEADS).length(1, 100))
                        .handler(this::remind).build());
    }

    private static CommandSpec.Builder organiser(String name, MessageKey description) {
        return CommandSpec.command(name, description).audience(Audience.ORGANISER);
    }

    private static OptionSpec.Builder idOption(Suggester ids) {
        return OptionSpec.text("id", CircleMessages.OPT_ID).length(1, Circle.MAX_NAME).suggestions(ids);
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(rsvp);
    }

    @Override
    public List<JobHandler> jobHandlers() {
        List<JobHandler> handlers = new ArrayList<>(reminders.handlers());
        handlers.add(events.handler());
        return handlers;
    }

    @Override
    public List<MessageKey> messages() {
        return CircleMessages.ALL;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new RsvpData(), new ReminderData());
    }

    /** The circles' due jobs (reminders, planning, event syncs); their records go with the community's stores. */
    @Override
    public List<CommunityData> communityData() {
        return List.of(new CommunityData() {
            @Override
            public String section() {
                return "circle-jobs";
            }

            @Override
            public void erase(CommunityRef community) {
                reminders.cancelAll(community);
                events.cancelAll(community);
            }
        });
    }

    /**
     * A member who left the community loses their answers there and their private reminders of its circles; a
     * circle's channel gone is told to its organisers once.
     */
    @Override
    public void onMembership(MembershipEvent event) {
        if (event instanceof MembershipEvent.MemberLeft left) {
            CommunityRef community = left.community();
            MemberRef member = left.member();
            stores.rsvps().eraseMember(member, community);
            ReminderChoice choice = stores.reminders().get(community, member);
            if (!choice.equals(ReminderChoice.NONE)) {
                List<Job> planned = new ArrayList<>();
                for (Circle circle : stores.circles().all(community)) {
                    planned.addAll(reminders.memberJobs(community, circle, member, choice.leadsFor(circle.id())));
                }
                stores.reminders().save(community, member, ReminderChoice.NONE);
                reminders.replace(planned, List.of());
            }
        } else if (event instanceof MembershipEvent.PlaceGone gone) {
            lostPlaces.gone(gone.community(), gone.channel(), gone.name());
        }
    }

    // ---- organisers ----

    private void create(Turn turn, Args args) {
        CommunityRef community = turn.community();
        String name = args.text("name").strip();
        String when = args.text("when");
        if (name.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_NAME, "max", Circle.MAX_NAME);
            return;
        }
        if (nameIsNoName(turn, name, when)) {
            return;
        }
        List<Circle> existing = stores.circles().all(community);
        if (existing.stream().filter(c -> !c.cancelled()).count() >= CircleStore.MAX_CIRCLES) {
            turn.replyPrivately(CircleMessages.ERR_TOO_MANY, "max", CircleStore.MAX_CIRCLES);
            return;
        }
        WhenParser.Result result = parser.parse(when, turn.now(), preferences.resolve(community).zone());
        if (!(result instanceof WhenParser.Understood understood)) {
            replyProblem(turn, (WhenParser.Problem) result, when);
            return;
        }
        // everything is checked before the first write: a refused command changes nothing
        Schedule schedule = understood.schedule(Schedule.DEFAULT_DURATION);
        if (Occurrences.next(Circle.create("new", name, turn.context().channel(), schedule), turn.now()).isEmpty()) {
            replyTooFar(turn, when);
            return;
        }
        if (existing.size() >= CircleStore.MAX_CIRCLES) {
            existing.stream().filter(Circle::cancelled).min(Comparator.comparing(Circle::id))
                    .ifPresent(old -> stores.circles().remove(community, old.id()));
        }
        Optional<Circle> added = add(community, name, turn, schedule, existing);
        if (added.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_BUSY);
            return;
        }
        Circle circle = added.get();
        reminders.plan(community, circle);
        events.changed(community, circle.id());
        LOG.info("circle {} created in {}", circle.id(), community.key());
        Speech speaker = turn;
        Occurrence first = Occurrences.next(circle, turn.now()).orElseThrow();
        OutgoingMessage.Builder message = turn.compose(CircleMessages.CREATED, "name", circle.name(), "id", circle.id(),
                "when", CircleTexts.when(circle.schedule(), speaker), "next", CircleTexts.start(first.start(), turn.locale()),
                "place", CircleTexts.place(circle.place(), speaker));
        rsvpButtons(community, first, speaker).forEach(message::button);
        turn.reply(message.build());
        tellClockChanges(turn, circle);
    }

    /** Tells the organiser, privately, which meetings of the coming year fall where the clocks change, and when they really are. */
    private static void tellClockChanges(Turn turn, Circle circle) {
        List<Occurrences.ClockChange> changes = Occurrences.clockChanges(circle, turn.now(), CLOCK_CHANGES_AHEAD);
        if (changes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Occurrences.ClockChange change : changes) {
            items.add(Map.of("day", CircleTexts.date(change.local().toLocalDate(), turn.locale()),
                    "time", CircleTexts.time(change.local().toLocalTime(), turn.locale()), "gap", change.gap(),
                    "actual", CircleTexts.time(change.start().toLocalTime(), turn.locale()),
                    "offset", "UTC" + change.start().getOffset().getId()));
        }
        turn.replyPrivately(CircleMessages.CLOCK_CHANGES, "name", circle.name(), "zone", circle.schedule().zone().getId(), "items", items);
    }

    /**
     * True (after a private reply that asks for the name, showing what was understood) when the name
     * is no name: it took the schedule's first word ({@code /circle create every tuesday 19:00}) or
     * opens a quote it never closes. Nothing is created then.
     */
    private boolean nameIsNoName(Turn turn, String name, String when) {
        if (name.chars().filter(c -> c == '"').count() % 2 == 1) {
            turn.replyPrivately(CircleMessages.ERR_NAME_QUOTE, "given", name);
            return true;
        }
        Optional<WhenParser.Understood> swallowed = parser.swallowed(name, when, turn.now(), preferences.resolve(turn.community()).zone());
        if (swallowed.isPresent()) {
            turn.replyPrivately(CircleMessages.ERR_NAME_SWALLOWED, "given", name,
                    "when", CircleTexts.when(swallowed.get().schedule(Schedule.DEFAULT_DURATION), turn), "schedule", name + " " + when);
            return true;
        }
        return false;
    }

    /** Adds the circle under the first free id; another organiser may take an id at the same moment, so a few tries. */
    private Optional<Circle> add(CommunityRef community, String name, Turn turn, Schedule schedule, List<Circle> existing) {
        Set<String> taken = existing.stream().map(Circle::id).collect(Collectors.toCollection(TreeSet::new));
        for (int attempt = 0; attempt < 5; attempt++) {
            Circle circle = Circle.create(CircleIds.free(name, taken), name, turn.context().channel(), schedule);
            if (stores.circles().add(community, circle)) {
                return Optional.of(circle);
            }
            taken.add(circle.id());
        }
        return Optional.empty();
    }

    private void edit(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty() || isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        String value = args.text("value").strip();
        Speech speaker = turn;
        switch (args.text("field")) {
            case "name" -> {
                if (value.isEmpty() || value.codePointCount(0, value.length()) > Circle.MAX_NAME) {
                    turn.replyPrivately(CircleMessages.ERR_NAME, "max", Circle.MAX_NAME);
                } else if (save(turn, circle, circle.withName(value))) {
                    turn.reply(CircleMessages.EDITED_NAME, "old", circle.name(), "name", value);
                }
            }
            case "description" -> {
                String description = value.equals("-") ? "" : value;
                if (save(turn, circle, circle.withDescription(description))) {
                    turn.reply(CircleMessages.EDITED_DESCRIPTION, "name", circle.name(), "description", description);
                }
            }
            case "place" -> {
                Optional<Place> place = Place.parse(value);
                if (place.isEmpty()) {
                    turn.replyPrivately(CircleMessages.ERR_PLACE, "given", value);
                } else if (save(turn, circle, circle.withPlace(place.get()))) {
                    turn.reply(CircleMessages.EDITED_PLACE, "name", circle.name(), "place", CircleTexts.place(place.get(), speaker));
                }
            }
            case "duration" -> {
                Optional<Duration> duration = LeadTimes.parseOne(value)
                        .filter(d -> d.compareTo(Schedule.MIN_DURATION) >= 0 && d.compareTo(Schedule.MAX_DURATION) <= 0);
                if (duration.isEmpty()) {
                    turn.replyPrivately(CircleMessages.ERR_DURATION, "given", value);
                } else if (save(turn, circle, circle.withSchedule(circle.schedule().withDuration(duration.get()), circle.skips(),
                        circle.moves()))) {
                    turn.reply(CircleMessages.EDITED_DURATION, "name", circle.name(), "duration", LeadTimes.format(duration.get()));
                }
            }
            default -> editWhen(turn, circle, value, speaker);
        }
    }

    private void editWhen(Turn turn, Circle circle, String value, Speech speaker) {
        WhenParser.Result result = parser.parse(value, turn.now(), circle.schedule().zone());
        if (!(result instanceof WhenParser.Understood understood)) {
            replyProblem(turn, (WhenParser.Problem) result, value);
            return;
        }
        Schedule schedule = understood.schedule(circle.schedule().duration());
        TreeSet<LocalDateTime> skips = circle.skips().stream().filter(s -> Occurrences.isInstance(schedule, s))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeMap<LocalDateTime, LocalDateTime> moves = new TreeMap<>();
        circle.moves().forEach((original, moved) -> {
            if (Occurrences.isInstance(schedule, original)) {
                moves.put(original, moved);
            }
        });
        Circle updated = circle.withSchedule(schedule, skips, withoutClashes(circle, schedule, skips, moves));
        int dropped = circle.exceptionCount() - updated.exceptionCount();
        Optional<Occurrence> first = Occurrences.next(updated, turn.now());
        if (first.isEmpty()) {
            replyTooFar(turn, value);
            return;
        }
        if (save(turn, circle, updated)) {
            Object next = CircleTexts.start(first.get().start(), turn.locale());
            turn.reply(CircleMessages.EDITED_WHEN, "name", circle.name(), "when", CircleTexts.when(schedule, speaker), "next", next,
                    "dropped", dropped == 0 ? "" : Integer.toString(dropped));
            tellClockChanges(turn, updated);
        }
    }

    /**
     * The moves of a circle under new times, without those that would put a meeting onto another
     * (the earlier move stays).
     */
    private static TreeMap<LocalDateTime, LocalDateTime> withoutClashes(Circle circle, Schedule schedule,
                                                                      TreeSet<LocalDateTime> skips, TreeMap<LocalDateTime, LocalDateTime> moves) {
        TreeMap<LocalDateTime, LocalDateTime> kept = new TreeMap<>(moves);
        for (Map.Entry<LocalDateTime, LocalDateTime> move : moves.entrySet()) {
            Circle candidate = circle.withSchedule(schedule, skips, kept);
            if (Occurrences.clash(candidate, move.getKey(), schedule.at(move.getValue())).isPresent()) {
                kept.remove(move.getKey());
            }
        }
        return kept;
    }

    private void list(Turn turn, Args args) {
        List<Circle> circles = sorted(stores.circles().all(turn.community()));
        if (circles.isEmpty()) {
            turn.replyPrivately(CircleMessages.LIST_EMPTY);
            return;
        }
        Speech speaker = turn;
        List<Map<String, Object>> items = new ArrayList<>();
        for (Circle circle : circles) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", circle.id());
            item.put("name", circle.name());
            item.put("when", CircleTexts.when(circle.schedule(), speaker));
            item.put("next", Occurrences.next(circle, turn.now())
                    .<Object>map(o -> CircleTexts.start(o.start(), turn.zone(), turn.locale())).orElse(""));
            item.put("cancelled", circle.cancelled());
            items.add(item);
        }
        turn.replyPrivately(CircleMessages.LIST, "circles", items);
    }

    private void show(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty()) {
            return;
        }
        Circle circle = found.get();
        Speech speaker = turn;
        List<Map<String, Object>> upcoming = new ArrayList<>();
        for (Occurrence o : Occurrences.between(circle, turn.now(), turn.now().plus(Occurrences.NEXT_HORIZON), 3)) {
            upcoming.add(Map.of("start", CircleTexts.start(o.start(), turn.zone(), turn.locale()), "moved", o.moved()));
        }
        LocalDateTime nowThere = LocalDateTime.ofInstant(turn.now(), circle.schedule().zone());
        List<Map<String, Object>> skipped = new ArrayList<>();
        circle.skips().tailSet(nowThere).forEach(s -> skipped.add(Map.of("date",
                CircleTexts.start(circle.schedule().at(s), turn.zone(), turn.locale()))));
        List<Duration> leads = stores.circles().settings(turn.community()).leadTimes();
        turn.replyPrivately(CircleMessages.SHOW, "id", circle.id(), "name", circle.name(), "description", circle.description(),
                "place", CircleTexts.place(circle.place(), speaker), "when", CircleTexts.when(circle.schedule(), speaker),
                "duration", LeadTimes.format(circle.schedule().duration()), "upcoming", upcoming, "skipped", skipped,
                "cancelled", circle.cancelled(), "leads", LeadTimes.format(leads));
    }

    private void cancel(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty()) {
            return;
        }
        Circle circle = found.get();
        if (circle.cancelled()) {
            turn.replyPrivately(CircleMessages.ALREADY_CANCELLED, "name", circle.name());
        } else if (save(turn, circle, circle.cancel(turn.now()))) {
            LOG.info("circle {} cancelled in {}", circle.id(), turn.community().key());
            turn.reply(CircleMessages.CANCELLED, "name", circle.name());
        }
    }

    private void skip(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty() || isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        Optional<Occurrence> meeting = upcomingOn(turn, circle, args.text("date"));
        if (meeting.isEmpty() || tooManyExceptions(turn, circle, meeting.get())) {
            return;
        }
        if (save(turn, circle, pruned(circle.withSkip(meeting.get().original())))) {
            turn.reply(CircleMessages.SKIPPED, "name", circle.name(), "start", CircleTexts.start(meeting.get().start(), turn.locale()));
        }
    }

    private void reschedule(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty() || isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        Optional<Occurrence> meeting = upcomingOn(turn, circle, args.text("date"));
        if (meeting.isEmpty()) {
            return;
        }
        String typed = args.text("to");
        Optional<LocalDateTime> to = WhenParser.dateTime(typed, meeting.get().start().toLocalDate());
        if (to.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_NEW_TIME, "given", typed);
            return;
        }
        ZonedDateTime newStart = circle.schedule().at(to.get());
        if (!newStart.toInstant().isAfter(turn.now())) {
            turn.replyPrivately(CircleMessages.ERR_PAST, "given", typed);
            return;
        }
        Optional<Occurrence> clash = Occurrences.clash(circle, meeting.get().original(), newStart);
        if (clash.isPresent()) {
            turn.replyPrivately(CircleMessages.ERR_CLASH, "name", circle.name(), "id", circle.id(),
                    "from", CircleTexts.start(meeting.get().start(), turn.locale()), "to", CircleTexts.start(newStart, turn.locale()),
                    "other", CircleTexts.start(clash.get().start(), turn.locale()), "date", clash.get().start().toLocalDate().toString());
            return;
        }
        if (tooManyExceptions(turn, circle, meeting.get())) {
            return;
        }
        Circle moved = pruned(circle.withMove(meeting.get().original(), to.get()));
        if (save(turn, circle, moved)) {
            turn.reply(CircleMessages.RESCHEDULED, "name", circle.name(), "from", CircleTexts.start(meeting.get().start(), turn.locale()),
                    "to", CircleTexts.start(newStart, turn.locale()));
            tellClockChanges(turn, moved);
        }
    }

    private void attendees(Turn turn, Args args) {
        Optional<Circle> found = circle(turn, args.text("id"));
        if (found.isEmpty()) {
            return;
        }
        Circle circle = found.get();
        Optional<Occurrence> next = Occurrences.next(circle, turn.now());
        if (next.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_NO_UPCOMING, "name", circle.name());
            return;
        }
        Markup.Time start = CircleTexts.start(next.get().start(), turn.zone(), turn.locale());
        Map<MemberRef, Rsvp> answers = stores.rsvps().answers(turn.community(), next.get().ref());
        if (answers.isEmpty()) {
            turn.replyPrivately(CircleMessages.ATTENDEES_NONE, "name", circle.name(), "start", start);
            return;
        }
        long notComing = answers.values().stream().filter(r -> r.answer() == Rsvp.Answer.NOT_THIS_TIME).count();
        turn.replyPrivately(CircleMessages.ATTENDEES, "name", circle.name(), "start", start,
                "coming", names(answers, Rsvp.Answer.COMING), "maybe", names(answers, Rsvp.Answer.MAYBE), "notComing", notComing);
    }

    /** The names of those who gave this answer, alphabetically, comma-separated; empty when nobody did. */
    private static String names(Map<MemberRef, Rsvp> answers, Rsvp.Answer answer) {
        return answers.entrySet().stream().filter(e -> e.getValue().answer() == answer)
                .map(e -> e.getValue().name().isBlank() ? e.getKey().userId() : e.getValue().name())
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .collect(Collectors.joining(", "));
    }

    private void communityReminders(Turn turn, Args args) {
        CommunityRef community = turn.community();
        CircleSettings current = stores.circles().settings(community);
        if (args.optional("leads").isEmpty()) {
            if (current.leadTimes().isEmpty()) {
                turn.replyPrivately(CircleMessages.REMINDERS_CURRENT_OFF);
            } else {
                turn.replyPrivately(CircleMessages.REMINDERS_CURRENT, "leads", LeadTimes.format(current.leadTimes()));
            }
            return;
        }
        String typed = args.text("leads");
        Optional<List<Duration>> leads = LeadTimes.isOff(typed) ? Optional.of(List.of()) : LeadTimes.parseList(typed);
        if (leads.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_LEADS, "given", typed);
            return;
        }
        List<Circle> circles = stores.circles().all(community);
        List<Job> before = new ArrayList<>();
        List<Job> after = new ArrayList<>();
        circles.forEach(c -> before.addAll(reminders.channelJobs(community, c, current.leadTimes())));
        stores.circles().saveSettings(community, new CircleSettings(leads.get()));
        circles.forEach(c -> after.addAll(reminders.channelJobs(community, c, leads.get())));
        reminders.replace(before, after);
        if (leads.get().isEmpty()) {
            turn.replyPrivately(CircleMessages.REMINDERS_OFF);
        } else {
            turn.replyPrivately(CircleMessages.REMINDERS_SET, "leads", LeadTimes.format(leads.get()));
        }
    }

    private void ics(Turn turn, Args args) {
        if (args.optional("id").isPresent()) {
            Optional<Circle> found = circle(turn, args.text("id"));
            found.ifPresent(circle -> turn.replyPrivately(turn.compose(CircleMessages.ICS_ONE, "name", circle.name())
                    .attachment(new Attachment(circle.id() + ".ics", CalendarExport.MEDIA_TYPE,
                            calendar.export(turn.community(), List.of(circle))))
                    .build()));
            return;
        }
        List<Circle> circles = sorted(stores.circles().all(turn.community()));
        turn.replyPrivately(turn.compose(CircleMessages.ICS_ALL, "count", circles.size())
                .attachment(new Attachment("circles.ics", CalendarExport.MEDIA_TYPE, calendar.export(turn.community(), circles)))
                .build());
    }

    private void feed(Turn turn, Args args) {
        boolean rotate = args.optional("action").isPresent();
        String token = rotate ? feeds.rotate(turn.community()) : feeds.tokenFor(turn.community());
        if (rotate) {
            LOG.info("calendar feed token rotated in {}", turn.community().key());
        }
        turn.replyPrivately(CircleMessages.FEED, "token", token, "path", CalendarFeeds.path(token), "rotated", rotate);
    }

    // ---- members ----

    private void upcoming(Turn turn, Args args) {
        Instant now = turn.now();
        Map<String, Circle> byId = new HashMap<>();
        List<Occurrence> meetings = new ArrayList<>();
        for (Circle circle : stores.circles().all(turn.community())) {
            byId.put(circle.id(), circle);
            meetings.addAll(Occurrences.between(circle, now, now.plus(UPCOMING_WINDOW), UPCOMING_MAX));
        }
        if (meetings.isEmpty()) {
            turn.replyPrivately(CircleMessages.UPCOMING_NONE);
            return;
        }
        meetings.sort(Comparator.comparing(o -> o.start().toInstant()));
        Speech speaker = turn;
        List<Map<String, Object>> items = new ArrayList<>();
        for (Occurrence o : meetings.subList(0, Math.min(UPCOMING_MAX, meetings.size()))) {
            Circle circle = byId.get(o.circleId());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", circle.name());
            item.put("id", circle.id());
            item.put("start", CircleTexts.start(o.start(), turn.zone(), turn.locale()));
            item.put("place", CircleTexts.place(circle.place(), speaker));
            item.put("answer", answerText(turn, o));
            items.add(item);
        }
        // where each viewer sees the times in their own zone, naming one zone for all would be wrong
        String zone = turn.community().platform().showsTimesInViewersZone() ? "" : turn.zone().getId();
        turn.replyPrivately(CircleMessages.UPCOMING, "zone", zone, "items", items);
    }

    private void next(Turn turn, Args args) {
        List<Circle> candidates;
        if (args.optional("circle").isPresent()) {
            Optional<Circle> found = circle(turn, args.text("circle"));
            if (found.isEmpty()) {
                return;
            }
            candidates = List.of(found.get());
        } else {
            candidates = stores.circles().all(turn.community());
        }
        Optional<Occurrence> next = candidates.stream().flatMap(c -> Occurrences.next(c, turn.now()).stream())
                .min(Comparator.comparing(o -> o.start().toInstant()));
        if (next.isEmpty()) {
            turn.replyPrivately(CircleMessages.NEXT_NONE);
            return;
        }
        Occurrence meeting = next.get();
        Circle circle = candidates.stream().filter(c -> c.id().equals(meeting.circleId())).findFirst().orElseThrow();
        Speech speaker = turn;
        OutgoingMessage.Builder message = turn.compose(CircleMessages.NEXT, "name", circle.name(), "id", circle.id(),
                "start", CircleTexts.start(meeting.start(), turn.zone(), turn.locale()),
                "place", CircleTexts.place(circle.place(), speaker), "description", circle.description(),
                "answer", answerText(turn, meeting));
        rsvpButtons(turn.community(), meeting, speaker).forEach(message::button);
        turn.replyPrivately(message.build());
    }

    private void remind(Turn turn, Args args) {
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        ReminderChoice current = stores.reminders().get(community, member);
        List<Circle> circles = stores.circles().all(community);
        if (args.optional("circle").isEmpty() || args.optional("leads").isEmpty()) {
            showReminders(turn, current, circles);
            return;
        }
        String target = args.text("circle");
        boolean all = ALL_WORDS.contains(WhenParser.fold(target));
        Circle circle = null;
        if (!all) {
            Optional<Circle> found = circle(turn, target);
            if (found.isEmpty() || isCancelled(turn, found.get())) {
                return;
            }
            circle = found.get();
        }
        String typed = args.text("leads");
        Optional<List<Duration>> leads = LeadTimes.isOff(typed) ? Optional.of(List.of()) : LeadTimes.parseList(typed);
        if (leads.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_LEADS, "given", typed);
            return;
        }
        ReminderChoice updated = all ? current.withAll(leads.get()) : current.withCircle(circle.id(), leads.get());
        Set<String> existing = circles.stream().map(Circle::id).collect(Collectors.toSet());
        Map<String, List<Duration>> kept = new LinkedHashMap<>(updated.perCircle());
        kept.keySet().retainAll(existing);
        updated = new ReminderChoice(updated.allCircles(), kept);
        List<Job> before = new ArrayList<>();
        List<Job> after = new ArrayList<>();
        for (Circle c : circles) {
            before.addAll(reminders.memberJobs(community, c, member, current.leadsFor(c.id())));
            after.addAll(reminders.memberJobs(community, c, member, updated.leadsFor(c.id())));
        }
        stores.reminders().save(community, member, updated);
        reminders.replace(before, after);
        if (all) {
            if (leads.get().isEmpty()) {
                turn.replyPrivately(CircleMessages.REMIND_OFF_ALL);
            } else {
                turn.replyPrivately(CircleMessages.REMIND_SET_ALL, "leads", LeadTimes.format(leads.get()));
            }
        } else if (leads.get().isEmpty()) {
            turn.replyPrivately(CircleMessages.REMIND_OFF_ONE, "name", circle.name());
        } else {
            turn.replyPrivately(CircleMessages.REMIND_SET_ONE, "name", circle.name(), "leads", LeadTimes.format(leads.get()));
        }
    }

    private void showReminders(Turn turn, ReminderChoice choice, List<Circle> circles) {
        if (choice.isEmpty()) {
            turn.replyPrivately(CircleMessages.REMIND_NONE);
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Circle circle : sorted(circles)) {
            if (choice.perCircle().containsKey(circle.id())) {
                items.add(Map.of("name", circle.name(), "id", circle.id(), "leads", LeadTimes.format(choice.perCircle().get(circle.id()))));
            }
        }
        turn.replyPrivately(CircleMessages.REMIND_SHOW, "all", LeadTimes.format(choice.allCircles()), "circles", items);
    }

    // ---- RSVP ----

    /** Coming / not this time / maybe: {@code circle.rsvp:<circle>:<meeting>:<answer>:<community tag>}, at most 48 bytes. */
    private List<Button> rsvpButtons(CommunityRef community, Occurrence occurrence, Speech speaker) {
        String meeting = occurrence.circleId() + ":" + occurrence.key() + ":";
        String tag = ":" + CircleKeys.tag(community);
        return List.of(
                rsvp.button(speaker.text(CircleMessages.BUTTON_COMING), meeting + Rsvp.Answer.COMING.code() + tag, Button.Style.PRIMARY),
                rsvp.button(speaker.text(CircleMessages.BUTTON_NOT), meeting + Rsvp.Answer.NOT_THIS_TIME.code() + tag, Button.Style.SECONDARY),
                rsvp.button(speaker.text(CircleMessages.BUTTON_MAYBE), meeting + Rsvp.Answer.MAYBE.code() + tag, Button.Style.SECONDARY));
    }

    private void onRsvp(Turn turn, String argument) {
        String[] parts = argument.split(":");
        Optional<Rsvp.Answer> answer = parts.length == 4 ? Rsvp.Answer.fromCode(parts[2]) : Optional.empty();
        Optional<LocalDateTime> original = parts.length == 4 ? Occurrence.parseKey(parts[1]) : Optional.empty();
        Optional<CommunityRef> where = parts.length == 4 ? communityOf(turn, parts[3]) : Optional.empty();
        if (answer.isEmpty() || original.isEmpty() || where.isEmpty() || !Circle.ID.matcher(parts[0]).matches()) {
            turn.replyPrivately(CircleMessages.RSVP_UNKNOWN);
            return;
        }
        CommunityRef community = where.get();
        Optional<Circle> circle = stores.circles().find(community, parts[0]);
        if (circle.isEmpty()) {
            turn.replyPrivately(CircleMessages.RSVP_UNKNOWN);
            return;
        }
        Optional<Occurrence> meeting = Occurrences.find(circle.get(), original.get());
        if (meeting.isEmpty()) {
            turn.replyPrivately(CircleMessages.RSVP_OFF, "name", circle.get().name());
            return;
        }
        Instant end = meeting.get().end().toInstant();
        if (!end.isAfter(turn.now())) {
            turn.replyPrivately(CircleMessages.RSVP_OVER, "name", circle.get().name());
            return;
        }
        stores.rsvps().put(community, meeting.get().ref(), turn.member(),
                new Rsvp(answer.get(), turn.member().displayName(), turn.now()), end.plus(RSVP_KEPT_AFTER));
        MessageKey reply = switch (answer.get()) {
            case COMING -> CircleMessages.RSVP_COMING;
            case NOT_THIS_TIME -> CircleMessages.RSVP_NOT;
            case MAYBE -> CircleMessages.RSVP_MAYBE;
        };
        turn.replyPrivately(reply, "name", circle.get().name(), "start", CircleTexts.start(meeting.get().start(), turn.zone(), turn.locale()));
    }

    /**
     * The community a button was made for: the one it was pressed in, or, for a private reminder
     * pressed in a direct chat, whichever of the member's own communities (where they chose
     * reminders or answered before) carries the button's tag. Empty when none does.
     */
    private Optional<CommunityRef> communityOf(Turn turn, String tag) {
        if (tag.equals(CircleKeys.tag(turn.community()))) {
            return Optional.of(turn.community());
        }
        if (!turn.context().channel().isDirect()) {
            return Optional.empty();
        }
        Set<CommunityRef> own = new LinkedHashSet<>(stores.reminders().ofMember(turn.member()).keySet());
        stores.rsvps().ofMember(turn.member()).forEach(answer -> own.add(answer.community()));
        return own.stream().filter(c -> tag.equals(CircleKeys.tag(c))).findFirst();
    }

    private String answerText(Turn turn, Occurrence occurrence) {
        return stores.rsvps().get(turn.community(), occurrence.ref(), turn.member()).map(r -> switch (r.answer()) {
            case COMING -> turn.text(CircleMessages.ANSWER_COMING);
            case NOT_THIS_TIME -> turn.text(CircleMessages.ANSWER_NOT);
            case MAYBE -> turn.text(CircleMessages.ANSWER_MAYBE);
        }).orElse("");
    }

    // ---- helpers ----

    /** The circle an organiser or member named, by its id or by its name; a kind reply when there is none or more than one. */
    private Optional<Circle> circle(Turn turn, String typed) {
        String id = CircleIds.normalise(typed);
        Optional<Circle> found = Circle.ID.matcher(id).matches() ? stores.circles().find(turn.community(), id) : Optional.empty();
        if (found.isEmpty()) {
            List<Circle> named = CircleIds.byName(stores.circles().all(turn.community()), typed);
            List<Circle> open = named.stream().filter(c -> !c.cancelled()).toList();
            List<Circle> meant = open.isEmpty() ? named : open;
            if (meant.size() == 1) {
                return Optional.of(meant.get(0));
            }
            if (meant.size() > 1) {
                turn.replyPrivately(CircleMessages.ERR_AMBIGUOUS, "given", typed,
                        "ids", sorted(meant).stream().map(Circle::id).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
        }
        if (found.isEmpty()) {
            String ids = sorted(stores.circles().all(turn.community())).stream().filter(c -> !c.cancelled()).map(Circle::id)
                    .collect(Collectors.joining(", "));
            turn.replyPrivately(CircleMessages.ERR_UNKNOWN, "given", typed, "ids", ids);
        }
        return found;
    }

    private static boolean isCancelled(Turn turn, Circle circle) {
        if (circle.cancelled()) {
            turn.replyPrivately(CircleMessages.ERR_CANCELLED, "name", circle.name());
        }
        return circle.cancelled();
    }

    /** The meeting on a typed date that has not started yet, or a kind reply. */
    private Optional<Occurrence> upcomingOn(Turn turn, Circle circle, String typed) {
        Optional<LocalDate> date = WhenParser.date(typed);
        if (date.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_DATE, "given", typed);
            return Optional.empty();
        }
        Optional<Occurrence> meeting = Occurrences.onDate(circle, date.get())
                .filter(o -> o.start().toInstant().isAfter(turn.now()));
        if (meeting.isEmpty()) {
            boolean skipped = circle.skips().stream().anyMatch(s -> s.toLocalDate().equals(date.get()));
            String day = CircleTexts.date(date.get(), turn.locale());
            turn.replyPrivately(skipped ? CircleMessages.ERR_ALREADY_SKIPPED : CircleMessages.ERR_NO_MEETING_ON,
                    "name", circle.name(), "date", day);
        }
        return meeting;
    }

    private boolean tooManyExceptions(Turn turn, Circle circle, Occurrence meeting) {
        Circle current = pruned(circle);
        boolean adds = !current.moves().containsKey(meeting.original());
        if (adds && current.exceptionCount() >= Circle.MAX_EXCEPTIONS) {
            turn.replyPrivately(CircleMessages.ERR_EXCEPTIONS, "max", Circle.MAX_EXCEPTIONS);
            return true;
        }
        return false;
    }

    private Circle pruned(Circle circle) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(EXCEPTION_HISTORY), circle.schedule().zone());
        return circle.withoutExceptionsBefore(cutoff);
    }

    /**
     * Stores the next version of a circle and moves its planned reminders (and its event, where the
     * platform lists events) along; false (after a kind
     * reply) when someone changed it meanwhile, in which case nothing changed.
     */
    private boolean save(Turn turn, Circle before, Circle after) {
        CommunityRef community = turn.community();
        List<Duration> leads = stores.circles().settings(community).leadTimes();
        Map<MemberRef, ReminderChoice> choices = stores.reminders().all(community);
        List<Job> planned = reminders.jobs(community, before, leads, choices);
        if (!stores.circles().replace(community, after)) {
            turn.replyPrivately(CircleMessages.ERR_BUSY);
            return false;
        }
        reminders.replace(planned, reminders.jobs(community, after, leads, choices));
        reminders.ensureChain(community, after);
        events.changed(community, after.id());
        return true;
    }

    /** A meeting beyond {@link Occurrences#NEXT_HORIZON}, which the bot could never list or remind. */
    private static void replyTooFar(Turn turn, String given) {
        turn.replyPrivately(CircleMessages.ERR_TOO_FAR, "given", given, "years", Occurrences.NEXT_HORIZON.toDays() / 366);
    }

    private static void replyProblem(Turn turn, WhenParser.Problem problem, String given) {
        MessageKey key = switch (problem.reason()) {
            case NOT_UNDERSTOOD -> CircleMessages.ERR_WHEN;
            case NO_TIME -> CircleMessages.ERR_NO_TIME;
            case BAD_DATE -> CircleMessages.ERR_BAD_DATE;
            case IN_THE_PAST -> CircleMessages.ERR_PAST;
            case ENDS_BEFORE_START -> CircleMessages.ERR_ENDS;
            case BAD_RULE -> CircleMessages.ERR_RULE;
            case NO_MEETINGS -> CircleMessages.ERR_NO_MEETINGS;
        };
        turn.replyPrivately(key, "given", given);
    }

    private static List<Circle> sorted(List<Circle> circles) {
        return circles.stream().sorted(Comparator.comparing(Circle::cancelled).thenComparing(Circle::id)).toList();
    }

    // ---- personal data ----

    /** A member's answers, in every community. */
    private final class RsvpData implements PersonalData {
        @Override
        public String section() {
            return "circle-answers";
        }

        @Override
        public Map<String, Object> export(MemberRef member) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (MemberRsvp answer : stores.rsvps().ofMember(member)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("circle", answer.occurrence().circleId());
                item.put("meeting", answer.occurrence().original().toString());
                item.put("answer", answer.rsvp().answer().name().toLowerCase(java.util.Locale.ROOT));
                // kept with the answer, until a week after the meeting, so that organisers see who is coming
                item.put("nameShownToOrganisers", answer.rsvp().name());
                item.put("answeredAt", answer.rsvp().answeredAt().toString());
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) out.computeIfAbsent(answer.community().key(), k -> new ArrayList<>());
                list.add(item);
            }
            return out;
        }

        @Override
        public void erase(MemberRef member) {
            stores.rsvps().eraseMember(member);
        }
    }

    /** A member's private reminder choices, in every community; erasing also takes their planned reminders out of the queue. */
    private final class ReminderData implements PersonalData {
        @Override
        public String section() {
            return "circle-reminders";
        }

        @Override
        public Map<String, Object> export(MemberRef member) {
            Map<String, Object> out = new LinkedHashMap<>();
            stores.reminders().ofMember(member).forEach((community, choice) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("allCircles", LeadTimes.format(choice.allCircles()));
                Map<String, Object> perCircle = new LinkedHashMap<>();
                choice.perCircle().forEach((id, leads) -> perCircle.put(id, leads.isEmpty() ? "off" : LeadTimes.format(leads)));
                item.put("circles", perCircle);
                out.put(community.key(), item);
            });
            return out;
        }

        @Override
        public void erase(MemberRef member) {
            List<Job> planned = new ArrayList<>();
            stores.reminders().ofMember(member).forEach((community, choice) -> {
                for (Circle circle : stores.circles().all(community)) {
                    planned.addAll(reminders.memberJobs(community, circle, member, choice.leadsFor(circle.id())));
                }
            });
            stores.reminders().eraseMember(member);
            reminders.replace(planned, List.of());
        }
    }
}
