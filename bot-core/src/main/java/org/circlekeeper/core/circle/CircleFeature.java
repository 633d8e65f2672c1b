package org.circlekeeper.core.circle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.MembershipListener;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.schedule.JobQueue;

/**
 * Circles and meeting reminders. Organisers plan the group's circles with {@code /circle …} (in the
 * group); members see what is coming ({@code /circles}, {@code /next}), answer with RSVP buttons and
 * choose private reminders ({@code /remind}). Who is coming is shown to organisers only, and every
 * reply about a member's own answers or reminders is private. Bad input changes nothing and gets a
 * kind reply with an example of what works. Where the platform has an event list of its own (Discord's
 * server Events), each circle's next meeting is kept there too.
 *
 * <p>This class declares the commands and wires them to the parts that do the work: {@link CircleAdmin} and
 * {@link MeetingExceptions} (the organisers' administration), {@link CircleAttendance} and {@link RsvpAction}
 * (who comes), {@link CircleExports} (calendar, feed and personal data).
 */
public final class CircleFeature implements Feature, MembershipListener {

    /**
     * How this feature plugs into the bot: its bundle, the stores it needs, how it is built. It offers the features
     * built after it the {@link ScheduledCircles} port (the share circle uses it), the {@link CircleCalendar} and the
     * {@link CalendarFeed} (the organisers' page).
     */
    public static final Plugin PLUGIN = new Plugin("circle", CircleMessages.KEYS.bundle(), List.of(CircleStores.KEY, JobQueue.KEY),
            wiring -> {
                CircleStores stores = wiring.store(CircleStores.KEY);
                wiring.provide(ScheduledCircles.class, new StoredScheduledCircles(stores.circles()));
                wiring.provide(CircleCalendar.class, new StoredCircleCalendar(stores));
                CalendarFeeds feeds = new CalendarFeeds(stores, wiring.clock());
                wiring.provide(CalendarFeed.class, community -> CalendarFeeds.path(feeds.tokenFor(community)));
                return new CircleFeature(stores, wiring.store(JobQueue.KEY), wiring.outbox(), wiring.preferences(),
                        wiring.part(ZoneLookup.class, ZoneLookup::new), wiring.clock(), wiring.mirrors());
            });

    private static final List<String> FIELDS = List.of("name", "description", "place", "duration", "when");

    private final CircleStores stores;
    private final RsvpAction rsvp;
    private final Reminders reminders;
    private final CircleEvents events;
    private final CircleAdmin admin;
    private final MeetingExceptions exceptions;
    private final CircleAttendance attendance;
    private final CircleExports exports;
    private final LostPlaces lostPlaces;

    /**
     * @param preferences gives the community's zone (a new circle's default) and each member's
     * @param mirrors     the event lists of the connected platforms that have one
     */
    public CircleFeature(CircleStores stores, JobQueue jobs, Outbox outbox, PreferenceResolver preferences,
                         ZoneLookup zones, Clock clock, EventMirrors mirrors) {
        this.stores = stores;
        this.rsvp = new RsvpAction(stores);
        this.lostPlaces = new LostPlaces(stores, outbox);
        this.reminders = new Reminders(stores, jobs, outbox, clock, rsvp::buttons, lostPlaces);
        this.events = new CircleEvents(stores, jobs, mirrors, clock);
        CircleLookup lookup = new CircleLookup(stores);
        CircleChanges changes = new CircleChanges(stores, reminders, events);
        this.admin = new CircleAdmin(stores, lookup, changes, new WhenParser(zones), preferences, reminders, events, rsvp);
        this.exceptions = new MeetingExceptions(lookup, changes, clock);
        this.attendance = new CircleAttendance(stores, lookup, reminders, rsvp);
        this.exports = new CircleExports(stores, lookup, new CalendarExport(clock), new CalendarFeeds(stores, clock), reminders);
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
                                .handler(admin::create).build())
                        .subcommand(organiser("edit", CircleMessages.CMD_EDIT).example(CircleMessages.CMD_EDIT_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.choice("field", CircleMessages.OPT_FIELD, FIELDS).required())
                                .option(OptionSpec.text("value", CircleMessages.OPT_VALUE).required().length(1, Circle.MAX_DESCRIPTION))
                                .handler(admin::edit).build())
                        .subcommand(organiser("list", CircleMessages.CMD_LIST).handler(admin::list).build())
                        .subcommand(organiser("show", CircleMessages.CMD_SHOW).option(idOption(ids).required())
                                .handler(admin::show).build())
                        .subcommand(organiser("cancel", CircleMessages.CMD_CANCEL).option(idOption(ids).required())
                                .handler(admin::cancel).build())
                        .subcommand(organiser("skip", CircleMessages.CMD_SKIP).example(CircleMessages.CMD_SKIP_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.text("date", CircleMessages.OPT_DATE).required().length(1, 40))
                                .handler(exceptions::skip).build())
                        .subcommand(organiser("reschedule", CircleMessages.CMD_RESCHEDULE).example(CircleMessages.CMD_RESCHEDULE_EXAMPLE)
                                .option(idOption(ids).required())
                                .option(OptionSpec.text("date", CircleMessages.OPT_DATE).required().length(1, 40))
                                .option(OptionSpec.text("to", CircleMessages.OPT_TO).required().length(1, 60))
                                .handler(exceptions::reschedule).build())
                        .subcommand(organiser("attendees", CircleMessages.CMD_ATTENDEES).option(idOption(ids).required())
                                .handler(attendance::attendees).build())
                        .subcommand(organiser("reminders", CircleMessages.CMD_REMINDERS).example(CircleMessages.CMD_REMINDERS_EXAMPLE)
                                .option(OptionSpec.text("leads", CircleMessages.OPT_LEADS).length(1, 100))
                                .handler(admin::communityReminders).build())
                        .subcommand(organiser("ics", CircleMessages.CMD_ICS).option(idOption(ids)).handler(exports::ics).build())
                        .subcommand(organiser("feed", CircleMessages.CMD_FEED)
                                .option(OptionSpec.choice("action", CircleMessages.OPT_FEED_ACTION, List.of("rotate")))
                                .handler(exports::feed).build())
                        .build(),
                CommandSpec.command("circles", CircleMessages.CMD_CIRCLES).handler(attendance::upcoming).build(),
                CommandSpec.command("next", CircleMessages.CMD_NEXT)
                        .option(OptionSpec.text("circle", CircleMessages.OPT_REMIND_CIRCLE).length(1, Circle.MAX_NAME).suggestions(ids))
                        .handler(attendance::next).build(),
                CommandSpec.command("remind", CircleMessages.CMD_REMIND).example(CircleMessages.CMD_REMIND_EXAMPLE)
                        .option(OptionSpec.text("circle", CircleMessages.OPT_REMIND_CIRCLE).length(1, Circle.MAX_NAME).suggestions(ids))
                        .option(OptionSpec.text("leads", CircleMessages.OPT_REMIND_LEADS).length(1, 100))
                        .handler(attendance::remind).build());
    }

    private static CommandSpec.Builder organiser(String name, MessageKey description) {
        return CommandSpec.command(name, description).audience(Audience.ORGANISER);
    }

    private static OptionSpec.Builder idOption(Suggester ids) {
        return OptionSpec.text("id", CircleMessages.OPT_ID).length(1, Circle.MAX_NAME).suggestions(ids);
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(rsvp.spec());
    }

    @Override
    public List<JobHandler> jobHandlers() {
        List<JobHandler> handlers = new ArrayList<>(reminders.handlers());
        handlers.add(events.handler());
        return handlers;
    }

    @Override
    public List<MessageKey> messages() {
        return CircleMessages.KEYS.keys();
    }

    @Override
    public List<PersonalData> personalData() {
        return exports.personalData();
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

    /** Reminders, planning and event syncs follow a community whose id changed, each at its due time. */
    @Override
    public List<JobMove> jobMoves() {
        return List.of(reminders::moved, events::moved);
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
}
