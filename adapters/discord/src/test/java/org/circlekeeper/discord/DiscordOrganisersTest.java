package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Discord adapter's {@link OrganiserCheck}, which the organisers' page asks before every change, with the real JDA
 * against {@link FakeDiscord}: organisers are members with Manage Server (the owner, a role granting it) or the
 * configured organiser role, as in chat, and each question fetches the member afresh, so a role taken away counts at
 * once. Here the server is in this replica's cache; {@link DiscordOrganisersElsewhereTest} asks from another shard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordOrganisersTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final CommunityRef SERVER = new CommunityRef(Platform.DISCORD, FakeDiscord.GUILD);
    static final String OWNER = "999999999999999999";
    static final String MANAGER = "500000000000000011";
    static final String HOST = "500000000000000012";
    static final String MEMBER = "500000000000000013";
    static final String STRANGER = "500000000000000014";

    FakeDiscord discord;
    DiscordAdapter adapter;
    private OrganiserCheck check;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        adapter = new DiscordAdapter(settings(discord), Clock.systemUTC());
        Bot.Assembly bot = Bot.builder().stores(InMemoryStores.create(Clock.systemUTC())).clock(Clock.systemUTC())
                .messengers(new Messengers(List.of(adapter.messenger())))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build();
        adapter.start(bot.engine(), Locale.ENGLISH);
        discord.awaitIdentify();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(adapter.connected()).isTrue();
        check = adapter.organiserCheck();
    }

    /** Every shard on this replica, so the server is in its cache; the host role is the server's organiser role. */
    DiscordSettings settings(FakeDiscord discord) {
        return new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(FakeDiscord.GUILD, FakeDiscord.HOST_ROLE),
                false, discord.restBase(), 2);
    }

    /** Whether this replica's cache holds the server. */
    boolean serverInCache() {
        return true;
    }

    @AfterAll
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private boolean organiser(String userId) {
        return check.ask(SERVER, new MemberRef(Platform.DISCORD, userId, "someone")) == OrganiserCheck.Answer.ORGANISER;
    }

    @Test
    void manageServerOrTheConfiguredRoleMakeAnOrganiserAsInChat() {
        discord.memberRoles(FakeDiscord.GUILD, OWNER);
        discord.memberRoles(FakeDiscord.GUILD, MANAGER, FakeDiscord.ORGANISER_ROLE);
        discord.memberRoles(FakeDiscord.GUILD, HOST, FakeDiscord.HOST_ROLE);
        discord.memberRoles(FakeDiscord.GUILD, MEMBER);

        assertThat(adapter.shardManager().getGuildById(FakeDiscord.GUILD) != null).isEqualTo(serverInCache());
        assertThat(check.platform()).isEqualTo(Platform.DISCORD);
        assertThat(organiser(OWNER)).as("the owner").isTrue();
        assertThat(organiser(MANAGER)).as("a role with Manage Server").isTrue();
        assertThat(organiser(HOST)).as("the configured organiser role").isTrue();
        assertThat(organiser(MEMBER)).as("@everyone only").isFalse();
        assertThat(organiser(STRANGER)).as("not in the server (Unknown Member)").isFalse();
        assertThat(check.ask(new CommunityRef(Platform.TELEGRAM, FakeDiscord.GUILD), new MemberRef(Platform.DISCORD, OWNER, "o")))
                .as("another platform's community").isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);
        assertThat(check.ask(new CommunityRef(Platform.DISCORD, "100000000000000999"), new MemberRef(Platform.DISCORD, OWNER, "o")))
                .as("a server the bot is not in (Missing Access)").isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);
        assertThat(check.ask(SERVER, new MemberRef(Platform.DISCORD, STRANGER, "s")))
                .as("Unknown Member is a clear no, not an unknown").isEqualTo(OrganiserCheck.Answer.NOT_ORGANISER);
    }

    @Test
    void aRoleTakenAwayOrLeavingTheServerCountsAtTheNextQuestion() {
        discord.memberRoles(FakeDiscord.GUILD, MANAGER, FakeDiscord.ORGANISER_ROLE);
        assertThat(organiser(MANAGER)).isTrue();
        discord.memberRoles(FakeDiscord.GUILD, MANAGER);
        assertThat(organiser(MANAGER)).isFalse();
        discord.memberRoles(FakeDiscord.GUILD, HOST, FakeDiscord.HOST_ROLE);
        assertThat(organiser(HOST)).isTrue();
        discord.memberLeft(FakeDiscord.GUILD, HOST);
        assertThat(organiser(HOST)).isFalse();
        assertThat(discord.requests()).as("each question fetched the member")
                .filteredOn(r -> r.method().equals("GET") && r.path().equals("/guilds/" + FakeDiscord.GUILD + "/members/" + MANAGER))
                .hasSizeGreaterThanOrEqualTo(2);
    }
}
