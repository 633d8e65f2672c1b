package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisers' {@code /circle} subcommands for a circle as a whole: create, edit, cancel, list, show and the
 * community's reminder lead times. Everything is checked before the first write, so a refused command changes
 * nothing; the meetings' own skips and moves are {@link MeetingExceptions}'.
 */
final class CircleAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(CircleAdmin.class);

    private final CircleStores stores;
    private final CircleLookup lookup;
    private final CircleChanges changes;
    private final WhenParser parser;
    private final PreferenceResolver preferences;
    private final Reminders reminders;
    private final CircleEvents events;
    private final RsvpAction rsvp;

    CircleAdmin(CircleStores stores, CircleLookup lookup, CircleChanges changes, WhenParser parser,
                PreferenceResolver preferences, Reminders reminders, CircleEvents events, RsvpAction rsvp) {
        this.stores = stores;
        this.lookup = lookup;
        this.changes = changes;
        this.parser = parser;
        this.preferences = preferences;
        this.reminders = reminders;
        this.events = events;
        this.rsvp = rsvp;
    }

    void create(Turn turn, Args args) {
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
        rsvp.buttons(community, first, speaker).forEach(message::button);
        turn.reply(message.build());
        CircleChanges.tellClockChanges(turn, circle);
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

    void edit(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
        if (found.isEmpty() || CircleLookup.isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        String value = args.text("value").strip();
        Speech speaker = turn;
        switch (args.text("field")) {
            case "name" -> {
                if (value.isEmpty() || value.codePointCount(0, value.length()) > Circle.MAX_NAME) {
                    turn.replyPrivately(CircleMessages.ERR_NAME, "max", Circle.MAX_NAME);
                } else if (changes.save(turn, circle, circle.withName(value))) {
                    turn.reply(CircleMessages.EDITED_NAME, "old", circle.name(), "name", value);
                }
            }
            case "description" -> {
                String description = value.equals("-") ? "" : value;
                if (changes.save(turn, circle, circle.withDescription(description))) {
                    turn.reply(CircleMessages.EDITED_DESCRIPTION, "name", circle.name(), "description", description);
                }
            }
            case "place" -> {
                Optional<Place> place = Place.parse(value);
                if (place.isEmpty()) {
                    turn.replyPrivately(CircleMessages.ERR_PLACE, "given", value);
                } else if (changes.save(turn, circle, circle.withPlace(place.get()))) {
                    turn.reply(CircleMessages.EDITED_PLACE, "name", circle.name(), "place", CircleTexts.place(place.get(), speaker));
                }
            }
            case "duration" -> {
                Optional<Duration> duration = LeadTimes.parseOne(value)
                        .filter(d -> d.compareTo(Schedule.MIN_DURATION) >= 0 && d.compareTo(Schedule.MAX_DURATION) <= 0);
                if (duration.isEmpty()) {
                    turn.replyPrivately(CircleMessages.ERR_DURATION, "given", value);
                } else if (changes.save(turn, circle, circle.withSchedule(circle.schedule().withDuration(duration.get()), circle.skips(),
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
        if (changes.save(turn, circle, updated)) {
            Object next = CircleTexts.start(first.get().start(), turn.locale());
            turn.reply(CircleMessages.EDITED_WHEN, "name", circle.name(), "when", CircleTexts.when(schedule, speaker), "next", next,
                    "dropped", dropped == 0 ? "" : Integer.toString(dropped));
            CircleChanges.tellClockChanges(turn, updated);
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

    void list(Turn turn, Args args) {
        List<Circle> circles = CircleLookup.sorted(stores.circles().all(turn.community()));
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

    void show(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
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

    void cancel(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
        if (found.isEmpty()) {
            return;
        }
        Circle circle = found.get();
        if (circle.cancelled()) {
            turn.replyPrivately(CircleMessages.ALREADY_CANCELLED, "name", circle.name());
        } else if (changes.save(turn, circle, circle.cancel(turn.now()))) {
            LOG.info("circle {} cancelled in {}", circle.id(), turn.community().key());
            turn.reply(CircleMessages.CANCELLED, "name", circle.name());
        }
    }

    /** {@code /circle reminders}: the community's reminder lead times, shown or set; every circle's planned reminders follow. */
    void communityReminders(Turn turn, Args args) {
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
}
