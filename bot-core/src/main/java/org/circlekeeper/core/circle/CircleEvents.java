package org.circlekeeper.core.circle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.PlannedEvent;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps each circle's next meeting on the platform's own event list (Discord's server Events), on
 * platforms that have one. A change to a circle queues a sync of it; a sync reads the circle as it is
 * then, creates, updates or removes the platform's event through its {@link EventMirror}, remembers the
 * event's id ({@link EventLinkStore}), and queues the next sync for the end of the meeting it shows, so
 * that the event moves on to the following meeting. While a meeting is under way its event is left as
 * it is. A sync the platform refuses is logged and tried again when that meeting ends; any other
 * failure is retried by the scheduler.
 */
final class CircleEvents {

    static final String SYNC = "circle.event";

    private static final Logger LOG = LoggerFactory.getLogger(CircleEvents.class);
    private static final DateTimeFormatter UTC_KEY = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    /** What a sync job carries: which circle of which community. */
    record Payload(String community, String circle) {
    }

    private final CircleStores stores;
    private final JobQueue queue;
    private final EventMirrors mirrors;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CircleEvents(CircleStores stores, JobQueue queue, EventMirrors mirrors, Clock clock) {
        this.stores = stores;
        this.queue = queue;
        this.mirrors = mirrors;
        this.clock = clock;
    }

    JobHandler handler() {
        return JobHandler.of(SYNC, (job, now, lateness) -> runSync(job));
    }

    /**
     * Queues a sync of the circle for now, where the community's platform has an event list; a sync
     * already waiting (or running) for this change is moved to now, so the last change always gets one.
     */
    void changed(CommunityRef community, String circleId) {
        if (community.platform().hasScheduledEvents()) {
            queue.reschedule(job(community, circleId, clock.instant(), false));
        }
    }

    /** A sync job of {@code from} re-keyed for {@code to}, at the same due time (a meeting end's keeps its end in its id). */
    Optional<Job> moved(Job job, CommunityRef from, CommunityRef to) {
        if (!job.kind().equals(SYNC)) {
            return Optional.empty();
        }
        Payload p = json.readValue(job.payload(), Payload.class);
        if (!from.key().equals(p.community())) {
            return Optional.empty();
        }
        String prefix = String.join(":", SYNC, Ids.part(from.key()), p.circle());
        String id = String.join(":", SYNC, Ids.part(to.key()), p.circle()) + job.id().substring(Math.min(prefix.length(), job.id().length()));
        return Optional.of(new Job(id, SYNC, job.due(), json.writeValueAsString(new Payload(to.key(), p.circle()))));
    }

    /** Cancels every sync job of the community (the bot left it for good; its events went with it). */
    int cancelAll(CommunityRef community) {
        return queue.cancelAll(job -> job.kind().equals(SYNC)
                && community.key().equals(json.readValue(job.payload(), Payload.class).community()));
    }

    private void runSync(Job job) {
        Payload payload = json.readValue(job.payload(), Payload.class);
        CommunityRef community = CommunityRef.fromKey(payload.community());
        try {
            sync(community, payload.circle());
        } catch (EventMirror.Refused e) {
            LOG.warn("the {} event of circle {} in {} was refused and is tried again after its meeting: {}",
                    community.platform().id(), payload.circle(), community.key(), e.getMessage());
        }
    }

    /** Makes the platform's event show the circle's next meeting as the circle is now, or removes it when there is none. */
    void sync(CommunityRef community, String circleId) {
        EventMirror mirror = mirrors.forPlatform(community.platform());
        Instant now = clock.instant();
        Optional<Circle> circle = stores.circles().find(community, circleId);
        Optional<Occurrence> next = circle.flatMap(c -> Occurrences.next(c, now));
        Optional<String> linked = stores.events().find(community, circleId);
        if (next.isEmpty()) {
            if (linked.isPresent()) {
                mirror.remove(community, linked.get());
                stores.events().replace(community, circleId, linked.get(), null);
                LOG.info("circle {} in {} has no meeting ahead; its {} event was removed", circleId, community.key(),
                        community.platform().id());
            }
            return;
        }
        Occurrence meeting = next.get();
        queue.schedule(job(community, circleId, meeting.end().toInstant(), true));
        if (!meeting.start().toInstant().isAfter(now)) {
            LOG.debug("circle {} is meeting now; its event moves on when the meeting ends", circleId);
            return;
        }
        PlannedEvent event = event(circle.get(), meeting);
        if (linked.isPresent() && mirror.update(community, linked.get(), event)) {
            return;
        }
        String created = mirror.create(community, event);
        if (stores.events().replace(community, circleId, linked.orElse(null), created)) {
            LOG.info("circle {} in {} now shows as a {} event", circleId, community.key(), community.platform().id());
        } else {
            mirror.remove(community, created);
            LOG.info("circle {} in {} was linked to an event meanwhile (or has too many); the new one was removed again",
                    circleId, community.key());
        }
    }

    /** The meeting as the platform's event shows it. */
    static PlannedEvent event(Circle circle, Occurrence meeting) {
        return new PlannedEvent(circle.name(), circle.description(), venue(circle), meeting.start().toInstant(),
                meeting.end().toInstant());
    }

    private static PlannedEvent.Venue venue(Circle circle) {
        Place place = circle.place();
        if (place instanceof Place.Link link) {
            return new PlannedEvent.Venue.Link(link.url());
        }
        if (place instanceof Place.ThisChat) {
            return new PlannedEvent.Venue.Chat(circle.channel());
        }
        return new PlannedEvent.Venue.Named(place.text());
    }

    /**
     * A sync job: {@code circle.event:<community>:<circle>} for a change, with {@code :<end, UTC>} for the
     * one at a meeting's end, so that each meeting's end has one and a change never replaces it.
     */
    private Job job(CommunityRef community, String circleId, Instant due, boolean atMeetingEnd) {
        String id = String.join(":", SYNC, Ids.part(community.key()), circleId);
        if (atMeetingEnd) {
            id = id + ":" + UTC_KEY.format(due);
        }
        return new Job(id, SYNC, due, json.writeValueAsString(new Payload(community.key(), circleId)));
    }
}
