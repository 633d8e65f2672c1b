package org.circlekeeper.discord;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.platform.Roster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord adapter: connects this replica's shards to the gateway with only the intents the
 * features need, registers the slash commands built from the core's specs, and hands every event
 * to the {@link Engine}. Create it before the bot is assembled (its {@link #messenger()} is one of
 * the bot's messengers and its {@link #events()} the bot's Discord event list), then {@link #start}
 * it with the engine.
 */
public final class DiscordAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);

    /**
     * The permissions the bot needs in a server's channels, for the invite link: see channels, send
     * messages (also in threads), embed links, attach files (charts, exports), read the history (to
     * edit its own messages), create events (each circle's next meeting in the server's Events; it
     * changes and deletes only its own) and create public threads (a share circle's meeting in a thread
     * of its own, archived when it ends). Nothing to manage, moderate or mention everyone.
     */
    public static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY, Permission.CREATE_SCHEDULED_EVENTS, Permission.CREATE_PUBLIC_THREADS);

    private final DiscordSettings settings;
    private final RequestPace pace;
    private final Roster roster;
    private final DiscordMessenger messenger;
    private final DiscordEventMirror events;
    private final DiscordPresence presence;
    private volatile ShardManager shards;
    private DiscordVoice voice;
    private ExecutorService handlers;
    private ScheduledExecutorService timer;

    /** An adapter pacing its requests to the bot's global limit on its own: right for a bot on one replica. */
    public DiscordAdapter(DiscordSettings settings, Clock clock) {
        this(settings, RequestPace.local(RequestPace.PER_SECOND), clock);
    }

    /**
     * An adapter whose requests take their slots from {@code pace}: with several replicas, one pace that they all
     * share (Redis), since Discord's global limit is the bot's, not a replica's. It tells time by the bot's one
     * {@code clock}.
     */
    public DiscordAdapter(DiscordSettings settings, RequestPace pace, Clock clock) {
        this(settings, pace, clock, new ProcessRoster());
    }

    /**
     * An adapter that also keeps which servers the bot is in, in {@code roster} (Redis, shared by the replicas), so
     * that a server that removed the bot while it was offline is noticed when the shard carrying it connects.
     */
    public DiscordAdapter(DiscordSettings settings, RequestPace pace, Clock clock, Roster roster) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pace = Objects.requireNonNull(pace, "pace");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.messenger = new DiscordMessenger(() -> shards, clock);
        this.events = new DiscordEventMirror(() -> shards, settings.shardIds().isEmpty());
        this.presence = new DiscordPresence(() -> shards);
    }

    /** The messenger for messages the bot starts itself; it works once the adapter is started. */
    public DiscordMessenger messenger() {
        return messenger;
    }

    /** The server Events list, where each circle's next meeting is kept; it works once the adapter is started. */
    public DiscordEventMirror events() {
        return events;
    }

    /** Who is in a voice or stage channel, for a share circle run in its text chat; it works once the adapter is started. */
    public DiscordPresence presence() {
        return presence;
    }

    /**
     * Logs in and connects this replica's shards. Fails at once when Discord refuses the token.
     *
     * @param defaultLocale the language of command descriptions where a client's language has none
     */
    public synchronized void start(Engine engine, Locale defaultLocale) {
        if (shards != null) {
            throw new IllegalStateException("the Discord adapter is already started");
        }
        MessageRequest.setDefaultMentions(DiscordMessages.NO_MENTIONS);
        MessageRequest.setDefaultMentionRepliedUser(false);
        handlers = Executors.newFixedThreadPool(settings.handlerThreads(), threads("discord-handler"));
        timer = Executors.newSingleThreadScheduledExecutor(threads("discord-deadline"));
        SlashCommands commands = new SlashCommands(engine, defaultLocale);
        voice = new DiscordVoice(engine);
        DiscordListener listener = new DiscordListener(engine, commands, new DiscordContexts(settings), messenger, handlers, timer);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.create(settings.token(), intents(settings))
                .disableCache(EnumSet.allOf(CacheFlag.class))
                // who is in which voice channel, and those members only (Gateway Intents: GUILD_VOICE_STATES)
                .enableCache(CacheFlag.VOICE_STATE)
                .setMemberCachePolicy(MemberCachePolicy.VOICE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setRestConfig(new RestConfig().setBaseUrl(settings.restBaseUrl())
                        .setRateLimiterFactory(config -> new PacedRateLimiter(config, pace)))
                .setEnableShutdownHook(false)
                .addEventListeners(listener, new CommandRegistration(commands),
                        new DiscordMembership(engine, handlers, roster), voice);
        if (settings.shardsTotal() > 0) {
            builder.setShardsTotal(settings.shardsTotal());
        }
        if (!settings.shardIds().isEmpty()) {
            builder.setShards(settings.shardIds());
        }
        LOG.info("adapter: Discord, shards {} of {}, commands registered {}",
                settings.shardIds().isEmpty() ? "all" : settings.shardIds(),
                settings.shardsTotal() == 0 ? "as Discord recommends" : settings.shardsTotal(),
                settings.commandGuilds().isEmpty() ? "globally" : "on " + settings.commandGuilds().size() + " server(s)");
        shards = builder.build();
    }

    /**
     * The gateway intents: direct messages (answers typed to the bot) always; messages in server
     * channels with their content (Message Content is privileged) only for the opt-in safety check;
     * the server's members (privileged) only when asked for, so that a member leaving is heard; voice
     * states (not privileged) always, so that a share circle run in a voice channel's text chat follows
     * who is in the channel. Slash commands, buttons and modals need no intent; servers and their
     * channels come with GUILDS, which JDA always asks for. No presence intent is used.
     */
    public static EnumSet<GatewayIntent> intents(DiscordSettings settings) {
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_VOICE_STATES);
        if (settings.groupMessages()) {
            intents.add(GatewayIntent.GUILD_MESSAGES);
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        if (settings.memberEvents()) {
            intents.add(GatewayIntent.GUILD_MEMBERS);
        }
        return intents;
    }

    /** Each shard this replica runs and its connection state ({@code CONNECTED} when well). */
    public Map<Integer, String> shardStatus() {
        ShardManager manager = shards;
        Map<Integer, String> status = new TreeMap<>();
        if (manager != null) {
            manager.getShardCache().forEach(jda -> status.put(jda.getShardInfo().getShardId(), jda.getStatus().name()));
        }
        return status;
    }

    /** True when started and every shard of this replica is connected to the gateway. */
    public boolean connected() {
        ShardManager manager = shards;
        return manager != null && manager.getShardsQueued() == 0 && manager.getShardCache().size() > 0
                && manager.getShardCache().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * Whether a member organises a server now, as chat decides it (Manage Server or the configured role), asked of
     * Discord afresh; through REST alone when another replica's shard carries the server. The organisers' page asks it.
     */
    public OrganiserCheck organiserCheck() {
        return new DiscordOrganisers(() -> shards, settings);
    }

    /** The running shards, for callers that need JDA itself (tests, diagnostics); null before start. */
    public ShardManager shardManager() {
        return shards;
    }

    /** Disconnects every shard and lets the events in hand finish. */
    @Override
    public synchronized void close() {
        ShardManager manager = shards;
        if (manager == null) {
            return;
        }
        manager.shutdown();
        voice.close();
        handlers.shutdown();
        timer.shutdown();
        try {
            if (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
                handlers.shutdownNow();
            }
        } catch (InterruptedException e) {
            handlers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        LOG.info("adapter: Discord disconnected");
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Registers the slash commands: globally when the shard 0 of the bot is ready (only the replica
     * running it does so), or on each configured server as it becomes ready.
     */
    private final class CommandRegistration extends ListenerAdapter {
        private final SlashCommands commands;

        CommandRegistration(SlashCommands commands) {
            this.commands = commands;
        }

        @Override
        public void onReady(ReadyEvent event) {
            if (settings.commandGuilds().isEmpty() && event.getJDA().getShardInfo().getShardId() == 0) {
                List<SlashCommandData> all = commands.build(true);
                event.getJDA().updateCommands().addCommands(all).queue(
                        done -> LOG.info("{} slash commands registered globally", all.size()),
                        InteractionResponse.failure("global command registration"));
            }
        }

        @Override
        public void onGuildReady(GuildReadyEvent event) {
            if (settings.commandGuilds().contains(event.getGuild().getId())) {
                List<SlashCommandData> all = commands.build(false);
                event.getGuild().updateCommands().addCommands(all).queue(
                        done -> LOG.info("{} slash commands registered on a configured server", all.size()),
                        InteractionResponse.failure("server command registration"));
            }
        }
    }
}
