package org.circlekeeper.core.circle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.template.Speech;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans and sends circle reminders through the {@link JobQueue}. Every reminder is one job whose id
 * names the circle, the moment its meeting starts and the lead time (and the member, for private
 * ones), so planning twice keeps one job and one moment never gets two. Each circle has a planning chain: a job per day (named by its day) that plans
 * the next {@link #HORIZON} and schedules the next day's, so meetings get reminders forever. A
 * reminder is checked again when it fires: a skipped, moved-away or cancelled meeting, a lead time
 * no longer wanted, or a reminder later than {@link #GRACE} (after downtime) is dropped, not sent.
 */
final class Reminders {

    static final String PLAN = "circle.plan";
    static final String CHANNEL = "circle.remind";
    static final String MEMBER = "circle.remind-dm";
    /** How often each circle's planning runs. */
    static final Duration PLAN_EVERY = Duration.ofDays(1);
    /** How far ahead reminders are put in the queue: the longest lead time, a planning period and a day to spare. */
    static final Duration HORIZON = LeadTimes.MAX_LEAD.plus(PLAN_EVERY).plus(Duration.ofDays(1));
    /** How late a reminder may still go out (after downtime); older ones are dropped. */
    static final Duration GRACE = Duration.ofMinutes(30);
    /** How many meetings of one circle one planning looks at (a daily circle has ten in the horizon). */
    private static final int MAX_PLANNED = 20;

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter UTC_KEY = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_KEY = DateTimeFormatter.ofPattern("uuuuMMdd");

    /**
     * What a reminder job carries: ids only. {@code member} is null for channel reminders and planning; a planning job's
     * {@code start} is the start of the meeting its chain waits for (null in jobs planned by older versions).
     */
    record Payload(String community, String circle, String occurrence, String start, long leadMinutes, String member) {
    }

    /** Makes the RSVP buttons of a meeting for one audience. */
    @FunctionalInterface
    interface RsvpButtons {
        List<Button> forMeeting(CommunityRef community, Occurrence occurrence, Speech speaker);
    }

    private final CircleStores stores;
    private final JobQueue queue;
    private final Outbox outbox;
    private final Clock clock;
    private final RsvpButtons buttons;
    private final LostPlaces lostPlaces;
    private final JsonMapper json = JsonMapper.builder().build();

    Reminders(CircleStores stores, JobQueue queue, Outbox outbox, Clock clock, RsvpButtons buttons, LostPlaces lostPlaces) {
        this.lostPlaces = lostPlaces;
        this.stores = stores;
        this.queue = queue;
        this.outbox = outbox;
        this.clock = clock;
        this.buttons = buttons;
    }

    /** The handlers of the three job kinds. */
    List<JobHandler> handlers() {
        return List.of(JobHandler.of(PLAN, this::runPlan), JobHandler.of(CHANNEL, this::runChannel), JobHandler.of(MEMBER, this::runMember));
    }

    // ---- planning ----

    /** Every reminder wanted for the circle's meetings in the horizon that is not yet due. */
    List<Job> jobs(CommunityRef community, Circle circle, List<Duration> channelLeads, Map<MemberRef, ReminderChoice> choices) {
        List<Job> jobs = new ArrayList<>(channelJobs(community, circle, channelLeads));
        choices.forEach((member, choice) -> jobs.addAll(memberJobs(community, circle, member, choice.leadsFor(circle.id()))));
        return jobs;
    }

    List<Job> channelJobs(CommunityRef community, Circle circle, List<Duration> leads) {
        return reminderJobs(community, circle, leads, null);
    }

    List<Job> memberJobs(CommunityRef community, Circle circle, MemberRef member, List<Duration> leads) {
        return reminderJobs(community, circle, leads, member);
    }

    private List<Job> reminderJobs(CommunityRef community, Circle circle, List<Duration> leads, MemberRef member) {
        if (leads.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Job> jobs = new ArrayList<>();
        for (Occurrence occurrence : Occurrences.between(circle, now, now.plus(HORIZON), MAX_PLANNED)) {
            Instant start = occurrence.start().toInstant();
            for (Duration lead : leads) {
                Instant due = start.minus(lead);
                if (!due.isAfter(now)) {
                    continue;
                }
                String id = reminderId(member == null ? CHANNEL : MEMBER, community.key(), circle.id(), start, lead.toMinutes(),
                        member == null ? null : member.key());
                Payload payload = new Payload(community.key(), circle.id(), occurrence.key(), start.toString(), lead.toMinutes(),
                        member == null ? null : member.key());
                jobs.add(new Job(id, member == null ? CHANNEL : MEMBER, due, json.writeValueAsString(payload)));
            }
        }
        return jobs;
    }

    /**
     * A reminder's job id: the kind, the community, the circle, the meeting's start instant, the lead
     * time and the member (for private ones). It names the moment, not the meeting, so however a
     * circle's meetings were moved, one moment gets at most one reminder per lead time and reader.
     */
    private static String reminderId(String kind, String communityKey, String circleId, Instant start, long leadMinutes, String memberKey) {
        String id = String.join(":", kind, Ids.part(communityKey), circleId, UTC_KEY.format(start), Long.toString(leadMinutes));
        return memberKey == null ? id : id + ":" + Ids.part(memberKey);
    }

    /**
     * The id the same reminder had before reminders were named by their moment (it named the meeting
     * too). Planning a reminder cancels its job of that name, so a queue planned by an older version
     * never sends one twice, and one not planned again yet still goes out.
     */
    private String olderId(Job job) {
        Payload p = read(job);
        String id = String.join(":", job.kind(), Ids.part(p.community()), p.circle(), p.occurrence(),
                UTC_KEY.format(Instant.parse(p.start())), Long.toString(p.leadMinutes()));
        return p.member() == null ? id : id + ":" + Ids.part(p.member());
    }

    private void schedule(Job job) {
        queue.schedule(job);
        queue.cancel(olderId(job));
    }

    /**
     * Moves the queue from what was planned to what is wanted now: drops the jobs no longer wanted (under their older
     * name too, so an erased member's reminder planned by an older version goes as well), adds the new.
     */
    void replace(Collection<Job> before, Collection<Job> after) {
        Set<String> wanted = new HashSet<>();
        after.forEach(j -> wanted.add(j.id()));
        for (Job job : before) {
            if (!wanted.contains(job.id())) {
                queue.cancel(job.id());
                queue.cancel(olderId(job));
            }
        }
        after.forEach(this::schedule);
    }

    /** Plans the circle's horizon now, with every member's choice, and makes sure its chain goes on. */
    void plan(CommunityRef community, Circle circle) {
        if (circle.cancelled()) {
            return;
        }
        jobs(community, circle, stores.circles().settings(community).leadTimes(), stores.reminders().all(community))
                .forEach(this::schedule);
        ensureChain(community, circle);
    }

    /**
     * Schedules the circle's next planning job unless it exists: the first daily slot after the
     * moment its next meeting comes within the horizon. Slots are spread over the day by the circle's
     * key, and the job is named by its day, so every caller makes the same one.
     */
    void ensureChain(CommunityRef community, Circle circle) {
        Instant now = clock.instant();
        Optional<Occurrence> next = Occurrences.next(circle, now);
        if (next.isEmpty()) {
            return;
        }
        Instant start = next.get().start().toInstant();
        queue.schedule(planJob(community, circle.id(), chainSlot(community, circle.id(), start, now), start));
    }

    /** The planning job of the circle's chain due at {@code slot}, named by its day, waiting for the meeting at {@code start}. */
    private Job planJob(CommunityRef community, String circleId, Instant slot, Instant start) {
        String id = String.join(":", PLAN, Ids.part(community.key()), circleId, DAY_KEY.format(LocalDate.ofInstant(slot, ZoneOffset.UTC)));
        Payload payload = new Payload(community.key(), circleId, null, start == null ? null : start.toString(), 0, null);
        return new Job(id, PLAN, slot, json.writeValueAsString(payload));
    }

    /** The slot of the circle's next planning at {@code now}: the first after its meeting at {@code start} comes within the horizon. */
    private static Instant chainSlot(CommunityRef community, String circleId, Instant start, Instant now) {
        Instant comesInReach = start.minus(HORIZON);
        return nextSlot(community, circleId, comesInReach.isAfter(now) ? comesInReach : now);
    }

    private static Instant nextSlot(CommunityRef community, String circleId, Instant after) {
        long day = PLAN_EVERY.getSeconds();
        long offset = Math.floorMod((community.key() + "/" + circleId).hashCode(), day);
        long slot = Math.floorDiv(after.getEpochSecond(), day) * day + offset;
        while (!Instant.ofEpochSecond(slot).isAfter(after)) {
            slot += day;
        }
        return Instant.ofEpochSecond(slot);
    }

    // ---- running due jobs ----

    private void runPlan(Job job, Instant now, Duration lateness) {
        Payload payload = read(job);
        CommunityRef community = CommunityRef.fromKey(payload.community());
        stores.circles().find(community, payload.circle()).ifPresent(circle -> plan(community, circle));
    }

    private void runChannel(Job job, Instant now, Duration lateness) {
        Payload payload = read(job);
        CommunityRef community = CommunityRef.fromKey(payload.community());
        Optional<Meeting> meeting = stillDue(job, payload, community, now, lateness);
        if (meeting.isEmpty()) {
            return;
        }
        if (!stores.circles().settings(community).leadTimes().contains(Duration.ofMinutes(payload.leadMinutes()))) {
            LOG.debug("reminder {} dropped: the community no longer wants that lead time", job.id());
            return;
        }
        Circle circle = meeting.get().circle();
        Occurrence occurrence = meeting.get().occurrence();
        Outbox.Voice voice = outbox.forCommunity(community);
        Speech speaker = voice;
        OutgoingMessage message = withButtons(voice.compose(CircleMessages.REMINDER_CHANNEL,
                "name", circle.name(),
                "start", CircleTexts.start(occurrence.start(), voice.zone(), voice.locale()),
                "place", CircleTexts.place(circle.place(), speaker),
                "description", circle.description()), buttons.forMeeting(community, occurrence, speaker)).build();
        try {
            deliver(voice, job, new Target.Channel(circle.channel()), message, circle.id());
            lostPlaces.reachable(community, circle.channel());
        } catch (Messenger.DeliveryFailed gone) {
            if (!gone.permanent()) {
                throw gone;
            }
            // the channel is deleted or out of reach (members' private reminders are jobs of their own)
            if (!outbox.away(community)) {
                lostPlaces.gone(community, circle.channel(), null);
            }
        }
        ensureChain(community, circle);
    }

    private void runMember(Job job, Instant now, Duration lateness) {
        Payload payload = read(job);
        CommunityRef community = CommunityRef.fromKey(payload.community());
        Optional<Meeting> meeting = stillDue(job, payload, community, now, lateness);
        if (meeting.isEmpty()) {
            return;
        }
        MemberRef member = MemberRef.fromKey(payload.member());
        Circle circle = meeting.get().circle();
        if (!stores.reminders().get(community, member).leadsFor(circle.id()).contains(Duration.ofMinutes(payload.leadMinutes()))) {
            LOG.debug("a private reminder of circle {} was dropped: the member no longer wants it", circle.id());
            return;
        }
        Occurrence occurrence = meeting.get().occurrence();
        Outbox.Voice voice = outbox.forMember(member, community);
        Speech speaker = voice;
        OutgoingMessage message = withButtons(voice.compose(CircleMessages.REMINDER_MEMBER,
                "name", circle.name(),
                "start", CircleTexts.start(occurrence.start(), voice.zone(), voice.locale()),
                "place", CircleTexts.place(circle.place(), speaker)), buttons.forMeeting(community, occurrence, speaker))
                .visibility(Visibility.PRIVATE).build();
        try {
            deliver(voice, job, new Target.Member(member), message, circle.id());
        } catch (Messenger.DeliveryFailed e) {
            if (!e.permanent()) {
                throw e;
            }
        }
    }

    /** A meeting a reminder is about, still as planned. */
    private record Meeting(Circle circle, Occurrence occurrence) {
    }

    /** The meeting, when the reminder is still worth sending now; empty (with the reason logged) when not. */
    private Optional<Meeting> stillDue(Job job, Payload payload, CommunityRef community, Instant now, Duration lateness) {
        Optional<Circle> circle = stores.circles().find(community, payload.circle());
        if (circle.isEmpty() || circle.get().cancelled()) {
            LOG.debug("a {} of circle {} was dropped: the circle is gone or cancelled", job.kind(), payload.circle());
            return Optional.empty();
        }
        Optional<LocalDateTime> original = Occurrence.parseKey(payload.occurrence());
        Optional<Occurrence> occurrence = original.flatMap(o -> Occurrences.find(circle.get(), o));
        if (occurrence.isEmpty() || !occurrence.get().start().toInstant().equals(Instant.parse(payload.start()))) {
            LOG.debug("a {} of circle {} was dropped: that meeting was skipped or moved", job.kind(), payload.circle());
            return Optional.empty();
        }
        if (lateness.compareTo(GRACE) > 0 || !now.isBefore(occurrence.get().start().toInstant())) {
            LOG.info("a {} of circle {} was dropped: it is {} minutes late (after downtime)", job.kind(), payload.circle(),
                    lateness.toMinutes());
            return Optional.empty();
        }
        return Optional.of(new Meeting(circle.get(), occurrence.get()));
    }

    private static OutgoingMessage.Builder withButtons(OutgoingMessage.Builder builder, List<Button> rsvp) {
        rsvp.forEach(builder::button);
        return builder;
    }

    /**
     * Sends once per reminder job and target, however often the job runs (see {@link Outbox.Voice#sendOnce}). A
     * failure that a retry may heal is thrown on (the job is retried); a permanent one is logged and thrown on too, for
     * the caller to act on, never to retry.
     */
    private static void deliver(Outbox.Voice voice, Job job, Target target, OutgoingMessage message, String circleId) {
        String kind = job.kind();
        try {
            voice.sendOnce(job.id(), target, message);
        } catch (Messenger.DeliveryFailed e) {
            if (e.permanent()) {
                LOG.warn("a {} of circle {} cannot be delivered and will not be retried", kind, circleId);
            }
            throw e;
        }
    }

    /**
     * A reminder or planning job of {@code from} re-keyed for {@code to}: the id it would have been given there and a
     * payload naming {@code to}. A reminder keeps its due time. A planning job becomes the one {@link #ensureChain} makes
     * for {@code to} now: slots are spread by the community's key, so the old slot is another day's at another time of
     * day, and keeping it would leave the circle a second chain as soon as anything plans it under its new id.
     */
    Optional<Job> moved(Job job, CommunityRef from, CommunityRef to) {
        if (!(job.kind().equals(PLAN) || job.kind().equals(CHANNEL) || job.kind().equals(MEMBER))) {
            return Optional.empty();
        }
        Payload p = read(job);
        if (!from.key().equals(p.community())) {
            return Optional.empty();
        }
        if (job.kind().equals(PLAN)) {
            Instant now = clock.instant();
            if (p.start() != null) {
                Instant start = Instant.parse(p.start());
                return Optional.of(planJob(to, p.circle(), chainSlot(to, p.circle(), start, now), start));
            }
            // planned by an older version, without its meeting: the slot came at most a planning period after it was wanted
            Instant wanted = job.due().minus(PLAN_EVERY);
            return Optional.of(planJob(to, p.circle(), nextSlot(to, p.circle(), wanted.isAfter(now) ? wanted : now), null));
        }
        Payload payload = new Payload(to.key(), p.circle(), p.occurrence(), p.start(), p.leadMinutes(), p.member());
        String id = reminderId(job.kind(), to.key(), p.circle(), Instant.parse(p.start()), p.leadMinutes(), p.member());
        return Optional.of(new Job(id, job.kind(), job.due(), json.writeValueAsString(payload)));
    }

    /** Cancels every reminder and planning job of the community (the bot left it for good). */
    int cancelAll(CommunityRef community) {
        return queue.cancelAll(job -> (job.kind().equals(PLAN) || job.kind().equals(CHANNEL) || job.kind().equals(MEMBER))
                && community.key().equals(read(job).community()));
    }

    private Payload read(Job job) {
        return json.readValue(job.payload(), Payload.class);
    }
}
