package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.core.template.Speech;

/**
 * Who comes to which meeting: the members' {@code /circles}, {@code /next} (with the RSVP buttons) and
 * {@code /remind} (their private reminders), and the organisers' {@code /circle attendees}. Every reply about a
 * member's own answers or reminders is private, and who is coming is shown to organisers only.
 */
final class CircleAttendance {

    /** How far ahead {@code /circles} looks, and how many meetings it shows at most. */
    static final Duration UPCOMING_WINDOW = Duration.ofDays(30);
    static final int UPCOMING_MAX = 10;
    private static final Set<String> ALL_WORDS = Set.of("all", "todos", "todas", "every", "cada");

    private final CircleStores stores;
    private final CircleLookup lookup;
    private final Reminders reminders;
    private final RsvpAction rsvp;

    CircleAttendance(CircleStores stores, CircleLookup lookup, Reminders reminders, RsvpAction rsvp) {
        this.stores = stores;
        this.lookup = lookup;
        this.reminders = reminders;
        this.rsvp = rsvp;
    }

    /** {@code /circles}: the community's meetings of the coming {@link #UPCOMING_WINDOW}, each with the member's own answer. */
    void upcoming(Turn turn, Args args) {
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
            item.put("answer", rsvp.answerText(turn, o));
            items.add(item);
        }
        // where each viewer sees the times in their own zone, naming one zone for all would be wrong
        String zone = turn.community().platform().showsTimesInViewersZone() ? "" : turn.zone().getId();
        turn.replyPrivately(CircleMessages.UPCOMING, "zone", zone, "items", items);
    }

    /** {@code /next}: the next meeting (of one circle, or of any), with the RSVP buttons. */
    void next(Turn turn, Args args) {
        List<Circle> candidates;
        if (args.optional("circle").isPresent()) {
            Optional<Circle> found = lookup.find(turn, args.text("circle"));
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
                "answer", rsvp.answerText(turn, meeting));
        rsvp.buttons(turn.community(), meeting, speaker).forEach(message::button);
        turn.replyPrivately(message.build());
    }

    /** {@code /remind}: the member's private reminders, shown or set for one circle or all; their planned reminders follow. */
    void remind(Turn turn, Args args) {
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
            Optional<Circle> found = lookup.find(turn, target);
            if (found.isEmpty() || CircleLookup.isCancelled(turn, found.get())) {
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
        for (Circle circle : CircleLookup.sorted(circles)) {
            if (choice.perCircle().containsKey(circle.id())) {
                items.add(Map.of("name", circle.name(), "id", circle.id(), "leads", LeadTimes.format(choice.perCircle().get(circle.id()))));
            }
        }
        turn.replyPrivately(CircleMessages.REMIND_SHOW, "all", LeadTimes.format(choice.allCircles()), "circles", items);
    }

    /** {@code /circle attendees}: who answered for a circle's next meeting, privately to the organiser. */
    void attendees(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
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
}
