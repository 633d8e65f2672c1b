package org.circlekeeper.core.share;

import static org.circlekeeper.core.share.SessionCommands.onSession;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.PlacePresences;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.PresenceEvent;
import org.circlekeeper.core.engine.PresenceListener;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.schedule.JobQueue;

/**
 * The share circle ({@code /share …}): the chair (or an organiser) starts a session in a group channel,
 * members join, and the bot posts each step of the format, keeps the talking piece, the rounds and the
 * queue, and rotates the chair among volunteers. Members may share without their name through a
 * private message when the group allows it; the share waits its turn in the queue so that it never
 * interrupts a speaker, its author is never kept, and its text only until it is posted. Everything a
 * member does here is answered privately; what the session should see is posted in the channel.
 * This class declares the commands, buttons, form and jobs; each job's work is done by its own class:
 * {@link SessionCommands} (a running session), {@link AnonymousShares}, {@link ChairVolunteers},
 * {@link ShareOrganising} (formats and organisers' settings) and {@link ShareData} (a member's data). Where the
 * platform tells who is in a meeting place (Discord's voice channels, through the {@link PlacePresences} part), a
 * session run in that place's text chat follows who is in it.
 */
public final class ShareFeature implements Feature, PresenceListener {

    /**
     * How this feature plugs into the bot: its bundle, the stores it needs, how it is built. It reaches the circles
     * feature through the {@link ScheduledCircles} port that feature provides, and offers the bot its chair policy and
     * other features the {@link CircleFormats} its circles run.
     */
    public static final Plugin PLUGIN = new Plugin("share", ShareMessages.KEYS.bundle(), List.of(ShareStore.KEY, JobQueue.KEY),
            wiring -> {
                ShareFeature share = new ShareFeature(wiring.store(ShareStore.KEY), wiring.part(ScheduledCircles.class),
                        ShareFormats.shipped(), wiring.find(PlacePresences.class).orElseGet(PlacePresences::none),
                        wiring.store(JobQueue.KEY), wiring.outbox(), wiring.messengers(), wiring.clock());
                wiring.provide(ChairPolicy.class, share.chairs());
                wiring.provide(CircleFormats.class, share.circleFormats());
                wiring.provide(ShareHistory.class, share.shareHistory());
                return share;
            });

    /**
     * The window and limit of shares without a name per member ({@link AnonymousShares}); the counter holds no text and
     * no session.
     */
    static final Duration ANON_WINDOW = Duration.ofMinutes(15);
    static final int ANON_MAX = 3;
    /** The longest share without a name, in characters (Discord's modals take 4,000). */
    static final int ANON_MAX_LENGTH = 2_000;

    private final ShareStore store;
    private final ShareFormats formats;
    private final Sessions sessions;
    private final ShareChairs chairs;
    private final SessionCommands running;
    private final AnonymousShares anonymous;
    private final ChairVolunteers volunteers;
    private final ShareOrganising organising;
    private final ShareData data;

    /** The format each circle's sessions run: organisers' choice, else the standard one. */
    CircleFormats circleFormats() {
        return (community, circleId) -> formats.find(store.settings(community).formats().getOrDefault(circleId, ""))
                .orElseGet(formats::standard).name();
    }

    /** The counts of the last ended sessions, read as {@code /share history} reads them. */
    ShareHistory shareHistory() {
        return (community, max, speech) -> store.history(community, Math.max(0, Math.min(max, ShareHistory.MAX))).stream()
                .map(s -> new ShareHistory.Session(s.startedAt(), s.length(), ShareOrganising.formatText(formats, s.format(), speech),
                        s.joined(), s.shares(), s.passes(), s.anonymous()))
                .toList();
    }

    public ShareFeature(ShareStore store, ScheduledCircles circles, JobQueue jobs, Outbox outbox, Messengers messengers, Clock clock) {
        this(store, circles, ShareFormats.shipped(), PlacePresences.none(), jobs, outbox, messengers, clock);
    }

    ShareFeature(ShareStore store, ScheduledCircles circles, ShareFormats formats, PlacePresences presences, JobQueue jobs,
                 Outbox outbox, Messengers messengers, Clock clock) {
        this.store = store;
        this.formats = formats;
        Rotations rotations = new Rotations(store, clock);
        MeetingPlaces places = new MeetingPlaces(store, messengers, outbox);
        this.sessions = new Sessions(store, formats, jobs, outbox, messengers, clock, new Posts(circles, clock), rotations, places);
        this.chairs = new ShareChairs(store);
        this.running = new SessionCommands(store, circles, formats, sessions, rotations, presences, places, clock);
        this.anonymous = new AnonymousShares(store, sessions);
        this.volunteers = new ChairVolunteers(store, rotations, outbox, clock);
        this.organising = new ShareOrganising(store, circles, formats);
        this.data = new ShareData(store, sessions, clock);
    }

    /** Who chairs the session running in a place (or accepted to chair the next one there), for the engine. */
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
                        .handler(running::start).build())
                .subcommand(group("join", ShareMessages.CMD_JOIN).handler((turn, args) -> running.join(turn, null)).build())
                .subcommand(group("leave", ShareMessages.CMD_LEAVE).handler(running::leave).build())
                .subcommand(group("raise", ShareMessages.CMD_RAISE).handler((turn, args) -> running.raise(turn, null)).build())
                .subcommand(group("lower", ShareMessages.CMD_LOWER).handler((turn, args) -> running.lower(turn, null)).build())
                .subcommand(group("place", ShareMessages.CMD_PLACE).handler((turn, args) -> running.place(turn, null)).build())
                .subcommand(group("done", ShareMessages.CMD_DONE).handler((turn, args) -> running.finishTurn(turn, null, null, false)).build())
                .subcommand(group("pass", ShareMessages.CMD_PASS).handler((turn, args) -> running.finishTurn(turn, null, null, true)).build())
                .subcommand(chair("call", ShareMessages.CMD_CALL).handler((turn, args) -> running.call(turn, null, null)).build())
                .subcommand(chair("next", ShareMessages.CMD_NEXT).handler((turn, args) -> running.nextStep(turn, null, null)).build())
                .subcommand(chair("move", ShareMessages.CMD_MOVE).example(ShareMessages.CMD_MOVE_EXAMPLE)
                        .option(OptionSpec.text("name", ShareMessages.OPT_NAME).required().length(1, 64))
                        .option(OptionSpec.integer("position", ShareMessages.OPT_POSITION).required().range(1, 500))
                        .handler(running::move).build())
                .subcommand(chair("remove", ShareMessages.CMD_REMOVE)
                        .option(OptionSpec.text("name", ShareMessages.OPT_NAME).required().length(1, 64))
                        .handler(running::remove).build())
                .subcommand(chair("pause", ShareMessages.CMD_PAUSE).handler(running::pause).build())
                .subcommand(chair("resume", ShareMessages.CMD_RESUME).handler(running::resume).build())
                .subcommand(chair("end", ShareMessages.CMD_END).handler(running::end).build())
                .subcommand(group("status", ShareMessages.CMD_STATUS).handler(running::status).build())
                .subcommand(group("anon", ShareMessages.CMD_ANON).handler((turn, args) -> anonymous.ask(turn, null)).build())
                .subcommand(group("volunteer", ShareMessages.CMD_VOLUNTEER)
                        .option(OptionSpec.choice("off", ShareMessages.OPT_VOLUNTEER, List.of("off")))
                        .handler(volunteers::volunteer).build())
                .subcommand(group("formats", ShareMessages.CMD_FORMATS).handler(organising::listFormats).build())
                .subcommand(organiser("format", ShareMessages.CMD_FORMAT).example(ShareMessages.CMD_FORMAT_EXAMPLE)
                        .option(OptionSpec.text("circle", ShareMessages.OPT_CIRCLE).required().length(1, 32))
                        .option(OptionSpec.choice("format", ShareMessages.OPT_FORMAT, formats.ids()).required())
                        .handler(organising::chooseFormat).build())
                .subcommand(organiser("anonymous", ShareMessages.CMD_ANONYMOUS)
                        .option(OptionSpec.choice("switch", ShareMessages.OPT_SWITCH, List.of("on", "off")).required())
                        .handler(organising::allowAnonymous).build())
                .subcommand(organiser("history", ShareMessages.CMD_HISTORY).handler(organising::history).build())
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
                new ActionSpec(Actions.JOIN, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 0, parts -> running.join(turn, parts[0]))),
                new ActionSpec(Actions.STEP, Audience.CHAIR, (turn, arg) -> onSession(turn, arg, 1,
                        parts -> running.nextStep(turn, parts[0], Integer.valueOf(parts[1])))),
                new ActionSpec(Actions.RAISE, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 0, parts -> running.raise(turn, parts[0]))),
                new ActionSpec(Actions.LOWER, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 0, parts -> running.lower(turn, parts[0]))),
                new ActionSpec(Actions.PLACE, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 0, parts -> running.place(turn, parts[0]))),
                new ActionSpec(Actions.ANON, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 0,
                        parts -> anonymous.ask(turn, parts[0]))),
                new ActionSpec(Actions.DONE, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 1,
                        parts -> running.finishTurn(turn, parts[0], Integer.valueOf(parts[1]), false))),
                new ActionSpec(Actions.PASS, Audience.MEMBER, (turn, arg) -> onSession(turn, arg, 1,
                        parts -> running.finishTurn(turn, parts[0], Integer.valueOf(parts[1]), true))),
                new ActionSpec(Actions.CALL, Audience.CHAIR, (turn, arg) -> onSession(turn, arg, 1,
                        parts -> running.call(turn, parts[0], Integer.valueOf(parts[1])))),
                new ActionSpec(Actions.SUPPORT, Audience.MEMBER, running::encourage),
                new ActionSpec(Actions.ACCEPT, Audience.MEMBER, (turn, arg) -> volunteers.answer(turn, arg, true)),
                new ActionSpec(Actions.DECLINE, Audience.MEMBER, (turn, arg) -> volunteers.answer(turn, arg, false)));
    }

    @Override
    public List<FormSpec> forms() {
        return List.of(anonymous.form());
    }

    /** Someone came into or left a meeting place: a session running there follows them. */
    @Override
    public void onPresence(PresenceEvent event) {
        running.presence(event);
    }

    @Override
    public List<JobHandler> jobHandlers() {
        return sessions.handlers();
    }

    /** The time boxes of the community's share circles; the circles themselves go with the community's stores. */
    @Override
    public List<CommunityData> communityData() {
        return List.of(new CommunityData() {
            @Override
            public String section() {
                return "share-jobs";
            }

            @Override
            public void erase(CommunityRef community) {
                sessions.cancelAll(community);
            }
        });
    }

    /** The time boxes of share circles follow a community whose id changed. */
    @Override
    public List<JobMove> jobMoves() {
        return List.of(sessions::moved);
    }

    @Override
    public List<MessageKey> messages() {
        List<MessageKey> keys = new ArrayList<>(ShareMessages.KEYS.keys());
        keys.addAll(formats.messageKeys());
        return keys;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(data);
    }
}
