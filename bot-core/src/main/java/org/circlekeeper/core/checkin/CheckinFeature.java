package org.circlekeeper.core.checkin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.member.OwnPageOffer;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.resource.CrisisSupport;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.schedule.JobQueue;

/**
 * Check-ins. {@code /checkin} (or {@code /checkin today}) asks for a mood, offers a private note and then,
 * only if the member wants, a line for the group ({@link CheckinFlow}, {@link LineSharing}); its other
 * subcommands edit or delete today's check-in, show the member's history and journey ({@link CheckinHistory}),
 * and set their prompts, a pause and a buddy ({@link CheckinChoices}); organisers set the community's prompt
 * ({@code /checkin setup}) and see the group's {@code /pulse} ({@link CheckinOrganisers}). Everything about a
 * member's check-ins is answered privately; notes are sealed before they reach the store. Bad input changes nothing.
 */
public final class CheckinFeature implements Feature, OwnCheckins {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("checkin", CheckinMessages.KEYS.bundle(),
            List.of(CheckinStores.KEY, JobQueue.KEY, PendingForms.KEY),
            wiring -> {
                CheckinStores stores = wiring.store(CheckinStores.KEY);
                // the organisers' page reads the pulse of closed weeks through this port, by /pulse's own rule
                wiring.provide(GroupPulses.class, new StoredGroupPulses(stores.checkins(), wiring.preferences()));
                return new CheckinFeature(stores, wiring.part(CheckinOptions.class), wiring.store(JobQueue.KEY),
                        wiring.outbox(), wiring.preferences(), wiring.part(CrisisSupport.class), wiring.store(PendingForms.KEY),
                        wiring.clock(), wiring.metrics(), OwnPageOffer.in(wiring.registry()));
            });

    /** The most characters a note holds (a form field allows up to 4,000; a check-in note is shorter). */
    public static final int MAX_NOTE = 1_000;
    /** The most characters of a line shared with the group. */
    public static final int MAX_LINE = 280;
    /** The most characters of what a subcommand takes (a setting, a date, a mention). */
    private static final int MAX_VALUE = 200;

    private final Prompts prompts;
    private final CheckinFlow flow;
    private final LineSharing sharing;
    private final CheckinHistory history;
    private final CheckinChoices choices;
    private final CheckinOrganisers organisers;
    private final CheckinData data;

    /**
     * @param preferences   each member's zone and language in a community (their "today")
     * @param crisisSupport the resource feature's crisis lines, techniques and support-alert channel
     * @param forms         so that "skip" also stops waiting for a note typed as a private message
     */
    public CheckinFeature(CheckinStores stores, CheckinOptions options, JobQueue jobs, Outbox outbox,
                          PreferenceResolver preferences, CrisisSupport crisisSupport, PendingForms forms, Clock clock,
                          Metrics metrics) {
        this(stores, options, jobs, outbox, preferences, crisisSupport, forms, clock, metrics, turn -> Optional.empty());
    }

    /**
     * @param ownPage the way to the member's own page on the web, offered under the history
     */
    public CheckinFeature(CheckinStores stores, CheckinOptions options, JobQueue jobs, Outbox outbox,
                          PreferenceResolver preferences, CrisisSupport crisisSupport, PendingForms forms, Clock clock,
                          Metrics metrics, OwnPageOffer ownPage) {
        QuestionSets questions = QuestionSets.shipped();
        Flows flows = new Flows(stores.checkins(), stores.members(), preferences);
        CheckinCare care = new CheckinCare(stores.profiles(), stores.cooldowns(), crisisSupport, outbox);
        this.sharing = new LineSharing(stores.settings(), stores.lines(), outbox, flows);
        this.flow = new CheckinFlow(stores, options, forms, questions, care, sharing, flows, metrics);
        this.prompts = new Prompts(stores, jobs, outbox, preferences, clock, options.retention(), flow::promptMessage);
        this.history = new CheckinHistory(stores, options.retention(), flows, ownPage, clock);
        this.choices = new CheckinChoices(stores, options.retention(), outbox, questions, prompts, care, flows);
        this.organisers = new CheckinOrganisers(stores, preferences, questions, prompts);
        this.data = new CheckinData(stores, options.cipher(), prompts, forms);
    }

    @Override
    public String id() {
        return "checkin";
    }

    /** The member's own history, as {@code /checkin history} shows it, for their page. */
    @Override
    public History history(CommunityRef community, MemberRef member) {
        return history.own(community, member);
    }

    @Override
    public String helpTopic() {
        return "checkins";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("checkin", CheckinMessages.CMD_CHECKIN).example(CheckinMessages.CMD_CHECKIN_EXAMPLE)
                        .subcommand(CommandSpec.command("today", CheckinMessages.CMD_TODAY).handler(flow::ask).build())
                        .subcommand(CommandSpec.command("edit", CheckinMessages.CMD_EDIT).handler(flow::edit).build())
                        .subcommand(CommandSpec.command("delete", CheckinMessages.CMD_DELETE).handler(flow::delete).build())
                        .subcommand(CommandSpec.command("history", CheckinMessages.CMD_HISTORY).handler(history::history).build())
                        .subcommand(CommandSpec.command("journey", CheckinMessages.CMD_JOURNEY)
                                .option(OptionSpec.text("clear", CheckinMessages.OPT_CLEAR).length(1, MAX_VALUE))
                                .handler(history::journey).build())
                        .subcommand(CommandSpec.command("prompts", CheckinMessages.CMD_PROMPTS).example(CheckinMessages.CMD_PROMPTS_EXAMPLE)
                                .option(OptionSpec.text("setting", CheckinMessages.OPT_SETTING).length(1, MAX_VALUE))
                                .handler(choices::prompts).build())
                        .subcommand(CommandSpec.command("away", CheckinMessages.CMD_AWAY).example(CheckinMessages.CMD_AWAY_EXAMPLE)
                                .option(OptionSpec.text("until", CheckinMessages.OPT_UNTIL).length(1, MAX_VALUE))
                                .handler(choices::away).build())
                        .subcommand(CommandSpec.command("back", CheckinMessages.CMD_BACK).handler(choices::back).build())
                        .subcommand(CommandSpec.command("buddy", CheckinMessages.CMD_BUDDY).example(CheckinMessages.CMD_BUDDY_EXAMPLE)
                                .option(OptionSpec.text("who", CheckinMessages.OPT_WHO).length(1, MAX_VALUE))
                                .handler(choices::buddy).build())
                        .subcommand(CommandSpec.command("setup", CheckinMessages.CMD_SETUP).audience(Audience.ORGANISER)
                                .example(CheckinMessages.CMD_SETUP_EXAMPLE)
                                .option(OptionSpec.text("settings", CheckinMessages.OPT_SETTINGS).length(1, MAX_VALUE))
                                .handler(organisers::setup).build())
                        .defaultSubcommand("today")
                        .build(),
                CommandSpec.command("pulse", CheckinMessages.CMD_PULSE).audience(Audience.ORGANISER).handler(organisers::pulse).build());
    }

    @Override
    public List<ActionSpec> actions() {
        List<ActionSpec> actions = new ArrayList<>(flow.actions());
        actions.addAll(sharing.actions());
        actions.add(history.action());
        actions.add(flow.tellBuddyAction());
        return actions;
    }

    @Override
    public List<FormSpec> forms() {
        return List.of(flow.form(), sharing.form());
    }

    @Override
    public List<JobHandler> jobHandlers() {
        return prompts.handlers();
    }

    /** The community's prompt jobs; its prompt settings and pulse activity go with the community's stores. */
    @Override
    public List<CommunityData> communityData() {
        return List.of(new CommunityData() {
            @Override
            public String section() {
                return "checkin-jobs";
            }

            @Override
            public void erase(CommunityRef community) {
                prompts.cancelAll(community);
            }
        });
    }

    /** Prompt and planning jobs follow a community whose id changed, each at its due time. */
    @Override
    public List<JobMove> jobMoves() {
        return List.of(prompts::moved);
    }

    @Override
    public List<MessageKey> messages() {
        return CheckinMessages.KEYS.keys();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(data);
    }
}
