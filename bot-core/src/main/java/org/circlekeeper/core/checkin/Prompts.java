package org.circlekeeper.core.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans and sends check-in prompts through the {@link JobQueue}. Each member who asked for prompts
 * has at most one planned prompt job, named by community, member and the member's local day, so
 * planning twice keeps one job; its id is kept in the member's profile so a change or an erasure
 * takes it back. A prompt that fires plans the member's next one, and each community with prompts
 * has a daily planning job that re-plans every member who wants them (catching zone changes and
 * anything dropped). A prompt is checked again when it fires: prompts turned off, a member away or
 * opted out, a day already checked in (answered early), a moved time, or more than {@link #GRACE}
 * late (after downtime) and it is not sent.
 */
final class Prompts {

    static final String PLAN = "checkin.plan";
    static final String PROMPT = "checkin.prompt";
    /** How late a prompt may still go out. */
    static final Duration GRACE = Duration.ofHours(2);
    private static final Duration PLAN_EVERY = Duration.ofDays(1);
    /** How far ahead a member's next prompt is looked for (a week and a day covers every weekly pattern). */
    private static final int LOOK_AHEAD_DAYS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Prompts.class);

    /** What a prompt or planning job carries: ids and a day only. {@code member} and {@code day} are null for planning. */
    record Payload(String community, String member, String day) {
    }

    /** A member's next prompt: their local day and the moment it goes out. */
    record Planned(LocalDate day, Instant at) {
    }

    /** Makes a prompt's message for the member: the question and the mood buttons for their day. */
    @FunctionalInterface
    interface PromptMessage {
        OutgoingMessage build(Outbox.Voice voice, CommunityRef community, CheckinSettings settings, LocalDate day);
    }

    private final CheckinStores store;
    private final JobQueue queue;
    private final Outbox outbox;
    private final PreferenceResolver preferences;
    private final Clock clock;
    private final Duration retention;
    private final PromptMessage message;
    private final JsonMapper json = JsonMapper.builder().build();

    Prompts(CheckinStores store, JobQueue queue, Outbox outbox, PreferenceResolver preferences, Clock clock,
            Duration retention, PromptMessage message) {
        this.store = store;
        this.queue = queue;
        this.outbox = outbox;
        this.preferences = preferences;
        this.clock = clock;
        this.retention = retention;
        this.message = message;
    }

    List<JobHandler> handlers() {
        return List.of(JobHandler.of(PLAN, this::runPlan), JobHandler.of(PROMPT, this::runPrompt));
    }

    // ---- planning ----

    /** The member's next prompt after {@code after}, if the community has prompts and the member wants them. */
    Optional<Planned> next(CheckinSettings settings, CheckinProfile profile, ZoneId zone, Instant after) {
        if (!settings.promptsOn() || !profile.prompts()) {
            return Optional.empty();
        }
        LocalDate start = LocalDate.ofInstant(after, zone);
        if (profile.away() != null && !start.isAfter(profile.away())) {
            start = profile.away().plusDays(1);
        }
        for (int i = 0; i < LOOK_AHEAD_DAYS; i++) {
            LocalDate day = start.plusDays(i);
            Instant at = at(settings, profile, zone, day);
            if (settings.days().contains(day.getDayOfWeek()) && at.isAfter(after)) {
                return Optional.of(new Planned(day, at));
            }
        }
        return Optional.empty();
    }

    /** The moment of the member's prompt on their day: their own time, else the community's, in their zone. */
    static Instant at(CheckinSettings settings, CheckinProfile profile, ZoneId zone, LocalDate day) {
        LocalTime time = profile.ownTime().orElse(settings.time());
        return day.atTime(time).atZone(zone).toInstant();
    }

    static String jobId(CommunityRef community, MemberRef member, LocalDate day) {
        return String.join(":", PROMPT, CheckinKeys.idPart(community.key()), CheckinKeys.idPart(member.key()),
                CheckinKeys.day(day));
    }

    /**
     * Plans the member's next prompt from now: schedules (or moves) its job, takes back a different
     * one planned before, and remembers which is planned. A prompt that is due but has not run yet
     * (its job waits in the queue, up to {@link #GRACE} late) stays planned. Returns the plan, if any.
     */
    Optional<Planned> replan(CommunityRef community, MemberRef member) {
        return replan(community, member, store.profiles().profile(community, member));
    }

    Optional<Planned> replan(CommunityRef community, MemberRef member, CheckinProfile profile) {
        return plan(community, member, profile, false);
    }

    /**
     * @param handled true right after the planned prompt was handled (sent or skipped), so that the
     *                next one is planned even while the handled one is still within its grace
     */
    private Optional<Planned> plan(CommunityRef community, MemberRef member, CheckinProfile profile, boolean handled) {
        CheckinSettings settings = store.settings().settings(community);
        ZoneId zone = preferences.resolve(member, community).zone();
        Instant now = clock.instant();
        Optional<Planned> waiting = handled ? Optional.empty() : waiting(community, member, settings, profile, zone, now);
        Optional<Planned> next = waiting.isPresent() ? waiting : next(settings, profile, zone, now);
        String id = next.map(p -> jobId(community, member, p.day())).orElse(null);
        profile.plannedJob().filter(old -> !old.equals(id)).ifPresent(queue::cancel);
        next.ifPresent(p -> {
            Job job = new Job(id, PROMPT, p.at(), json.writeValueAsString(new Payload(community.key(), member.key(),
                    CheckinKeys.day(p.day()))));
            if (p.at().isAfter(now)) {
                queue.reschedule(job);
            } else {
                // due already: never move a job that a scheduler may be running; only put it back if it is gone
                queue.schedule(job);
            }
        });
        if (!Objects.equals(profile.planned(), id)) {
            store.profiles().saveProfile(community, member, profile.withPlanned(id), now.plus(retention));
        }
        return next;
    }

    /** The planned prompt when it is due now (at most {@link #GRACE} ago), still wanted, and has not run yet. */
    private Optional<Planned> waiting(CommunityRef community, MemberRef member, CheckinSettings settings, CheckinProfile profile,
                                      ZoneId zone, Instant now) {
        Optional<LocalDate> day = profile.plannedJob().map(id -> id.substring(id.lastIndexOf(':') + 1)).flatMap(CheckinKeys::parseDay);
        if (day.isEmpty() || !profile.plannedJob().get().equals(jobId(community, member, day.get()))
                || !settings.promptsOn() || !settings.days().contains(day.get().getDayOfWeek()) || !profile.wantsPromptOn(day.get())) {
            return Optional.empty();
        }
        Instant at = at(settings, profile, zone, day.get());
        return !at.isAfter(now) && !at.isBefore(now.minus(GRACE)) ? Optional.of(new Planned(day.get(), at)) : Optional.empty();
    }

    /** Takes back the member's planned prompt, if any (before their profile is erased). */
    void cancel(CommunityRef community, MemberRef member) {
        store.profiles().profile(community, member).plannedJob().ifPresent(queue::cancel);
    }

    /** Re-plans every member of the community who wants prompts, and keeps the daily planning going. */
    void replanCommunity(CommunityRef community) {
        for (MemberRef member : store.profiles().prompted(community)) {
            replan(community, member);
        }
        ensureChain(community);
    }

    /**
     * Schedules the community's next daily planning unless it exists: the first daily slot after now,
     * spread over the day by the community's key and named by its day, so every caller makes the same one.
     */
    void ensureChain(CommunityRef community) {
        if (!store.settings().settings(community).promptsOn()) {
            return;
        }
        queue.schedule(planJob(community, clock.instant()));
    }

    /** The community's planning job in the first daily slot after {@code now}, spread over the day by its key, named by its day. */
    private Job planJob(CommunityRef community, Instant now) {
        long day = PLAN_EVERY.getSeconds();
        long offset = Math.floorMod(community.key().hashCode(), day);
        long slot = Math.floorDiv(now.getEpochSecond(), day) * day + offset;
        while (!Instant.ofEpochSecond(slot).isAfter(now)) {
            slot += day;
        }
        Instant at = Instant.ofEpochSecond(slot);
        String id = String.join(":", PLAN, CheckinKeys.idPart(community.key()),
                CheckinKeys.day(LocalDate.ofInstant(at, ZoneOffset.UTC)));
        return new Job(id, PLAN, at, json.writeValueAsString(new Payload(community.key(), null, null)));
    }

    // ---- running due jobs ----

    private void runPlan(Job job, Instant now, Duration lateness) {
        CommunityRef community = CommunityRef.fromKey(read(job).community());
        if (!store.settings().settings(community).promptsOn()) {
            LOG.debug("check-in planning for a community stopped: its prompts are off");
            return;
        }
        replanCommunity(community);
    }

    private void runPrompt(Job job, Instant now, Duration lateness) {
        Payload payload = read(job);
        CommunityRef community = CommunityRef.fromKey(payload.community());
        MemberRef member = MemberRef.fromKey(payload.member());
        Optional<LocalDate> parsedDay = CheckinKeys.parseDay(payload.day());
        CheckinProfile profile = store.profiles().profile(community, member);
        if (parsedDay.isEmpty() || !profile.plannedJob().filter(job.id()::equals).isPresent()) {
            LOG.debug("a check-in prompt was dropped: it is no longer the member's planned one");
            return;
        }
        LocalDate day = parsedDay.get();
        CheckinSettings settings = store.settings().settings(community);
        Outbox.Voice voice = outbox.forMember(member, community);
        if (!settings.promptsOn() || !settings.days().contains(day.getDayOfWeek()) || !profile.wantsPromptOn(day)) {
            LOG.debug("a check-in prompt was dropped: prompts are off, or the member is away or opted out");
            plan(community, member, profile, true);
            return;
        }
        Instant intended = at(settings, profile, voice.zone(), day);
        if (!intended.equals(job.due()) && intended.isAfter(now)) {
            LOG.debug("a check-in prompt moved with the member's time or zone");
            queue.reschedule(new Job(job.id(), PROMPT, intended, job.payload()));
            return;
        }
        Duration late = Duration.between(intended.isBefore(job.due()) ? intended : job.due(), now);
        if (late.compareTo(GRACE) > 0 || lateness.compareTo(GRACE) > 0) {
            LOG.info("a check-in prompt was dropped: it is {} minutes late (after downtime)", late.toMinutes());
            plan(community, member, profile, true);
            return;
        }
        if (store.checkins().find(community, member, day).isPresent()) {
            LOG.debug("a check-in prompt was skipped: the member already checked in that day");
            plan(community, member, profile, true);
            return;
        }
        OutgoingMessage prompt = message.build(voice, community, settings, day).withVisibility(Visibility.PRIVATE);
        try {
            voice.sendOnce(job.id(), new Target.Member(member), prompt);
        } catch (Messenger.DeliveryFailed e) {
            if (!e.permanent()) {
                throw e;
            }
            LOG.warn("a check-in prompt cannot be delivered and will not be retried");
        }
        plan(community, member, profile, true);
    }

    /**
     * A prompt or planning job of {@code from} re-keyed for {@code to}. A prompt keeps its due time; the planning job
     * becomes the one {@link #ensureChain} makes for {@code to} now (slots are spread by the community's key: keeping the
     * old one would leave the community a second planning chain as soon as anything plans it under its new id).
     */
    Optional<Job> moved(Job job, CommunityRef from, CommunityRef to) {
        if (!(job.kind().equals(PROMPT) || job.kind().equals(PLAN))) {
            return Optional.empty();
        }
        Payload p = read(job);
        if (!from.key().equals(p.community())) {
            return Optional.empty();
        }
        if (job.kind().equals(PLAN)) {
            return Optional.of(planJob(to, clock.instant()));
        }
        String id = String.join(":", PROMPT, CheckinKeys.idPart(to.key()), CheckinKeys.idPart(p.member()), p.day());
        return Optional.of(new Job(id, job.kind(), job.due(), json.writeValueAsString(new Payload(to.key(), p.member(), p.day()))));
    }

    /** Cancels every prompt and planning job of the community (the bot left it for good). */
    int cancelAll(CommunityRef community) {
        return queue.cancelAll(job -> (job.kind().equals(PROMPT) || job.kind().equals(PLAN))
                && community.key().equals(read(job).community()));
    }

    private Payload read(Job job) {
        return json.readValue(job.payload(), Payload.class);
    }
}
