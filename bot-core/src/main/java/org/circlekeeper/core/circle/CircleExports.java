package org.circlekeeper.core.circle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What leaves the bot: the community's circles as an iCalendar file ({@code /circle ics}) and a subscribed feed
 * ({@code /circle feed}), and a member's own answers and reminder choices for {@code /mydata} and
 * {@code /forgetme}.
 */
final class CircleExports {

    private static final Logger LOG = LoggerFactory.getLogger(CircleExports.class);

    private final CircleStores stores;
    private final CircleLookup lookup;
    private final CalendarExport calendar;
    private final CalendarFeeds feeds;
    private final Reminders reminders;

    CircleExports(CircleStores stores, CircleLookup lookup, CalendarExport calendar, CalendarFeeds feeds, Reminders reminders) {
        this.stores = stores;
        this.lookup = lookup;
        this.calendar = calendar;
        this.feeds = feeds;
        this.reminders = reminders;
    }

    /** {@code /circle ics}: one circle's or every circle's {@code .ics} file, privately to the organiser. */
    void ics(Turn turn, Args args) {
        if (args.optional("id").isPresent()) {
            Optional<Circle> found = lookup.find(turn, args.text("id"));
            found.ifPresent(circle -> turn.replyPrivately(turn.compose(CircleMessages.ICS_ONE, "name", circle.name())
                    .attachment(new Attachment(circle.id() + ".ics", CalendarExport.MEDIA_TYPE,
                            calendar.export(turn.community(), List.of(circle))))
                    .build()));
            return;
        }
        List<Circle> circles = CircleLookup.sorted(stores.circles().all(turn.community()));
        turn.replyPrivately(turn.compose(CircleMessages.ICS_ALL, "count", circles.size())
                .attachment(new Attachment("circles.ics", CalendarExport.MEDIA_TYPE, calendar.export(turn.community(), circles)))
                .build());
    }

    /** {@code /circle feed}: the address of the community's calendar feed, or a new one that replaces it. */
    void feed(Turn turn, Args args) {
        boolean rotate = args.optional("action").isPresent();
        String token = rotate ? feeds.rotate(turn.community()) : feeds.tokenFor(turn.community());
        if (rotate) {
            LOG.info("calendar feed token rotated in {}", turn.community().key());
        }
        turn.replyPrivately(CircleMessages.FEED, "token", token, "path", CalendarFeeds.path(token), "rotated", rotate);
    }

    /** What the circles feature keeps about a member: their answers and their reminder choices. */
    List<PersonalData> personalData() {
        return List.of(new RsvpData(), new ReminderData());
    }

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
                item.put("answer", answer.rsvp().answer().name().toLowerCase(Locale.ROOT));
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
