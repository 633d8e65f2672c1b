package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.circlekeeper.core.community.CommunityFeature;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.engine.ChairPolicy;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.member.PrivacyFeature;
import org.circlekeeper.core.member.SettingsFeature;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.resource.CrisisLines;
import org.circlekeeper.core.resource.ResourceCatalog;
import org.circlekeeper.core.resource.ResourceFeature;
import org.circlekeeper.core.resource.ResourceSearch;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.TemplateSource;
import org.circlekeeper.core.testing.InMemoryActionTokens;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The real JDA against {@link FakeDiscord} on 127.0.0.1, with the real engine and its features
 * (plus a test-only notes feature for modals): connection, command registration, slash commands,
 * buttons, modals, autocomplete, ephemeral replies, direct messages, mentions and splitting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAdapterTest {

    private static final Duration WAIT = Duration.ofSeconds(30); // generous: a loaded 2-core machine is slow

    private record Who(String id, String name, List<String> roles) {
    }

    private static final Who ALICE = new Who("500000000000000001", "alice", List.of());
    private static final Who OLIVIA = new Who("500000000000000002", "olivia", List.of(FakeDiscord.ORGANISER_ROLE));
    private static final Who HARPER = new Who("500000000000000003", "harper", List.of(FakeDiscord.HOST_ROLE));
    private static final Who CLOSED = new Who(FakeDiscord.DM_CLOSED_USER, "quiet", List.of());

    private final AtomicLong interactionIds = new AtomicLong(600000000000000000L);
    private FakeDiscord discord;
    private DiscordAdapter adapter;
    private Engine engine;
    private TemplateRenderer renderer;

    @BeforeAll
    void start() throws Exception {
        discord = new FakeDiscord();
        VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
        InMemoryMemberSettingsStore members = new InMemoryMemberSettingsStore();
        InMemoryCommunitySettingsStore communities = new InMemoryCommunitySettingsStore();
        InMemoryWordingStore wording = new InMemoryWordingStore();
        InMemoryResourceStore resources = new InMemoryResourceStore();
        renderer = new TemplateRenderer(TemplateSource.shipped(List.of("core", "resources", "discordtest")));
        SettingsPreferences preferences = new SettingsPreferences(members, communities, Locale.ENGLISH, ZoneId.of("UTC"));
        ZoneLookup zones = new ZoneLookup();
        FeatureRegistry registry = new FeatureRegistry();
        registry.add(new SettingsFeature(members, zones));
        ResourceCatalog catalog = ResourceCatalog.shipped();
        registry.add(new ResourceFeature(new ResourceSearch(catalog, resources, preferences, members), catalog, resources,
                CrisisLines.shipped()));
        registry.add(new PrivacyFeature(registry, new InMemoryActionTokens(clock), List.of()));
        registry.add(new CommunityFeature(communities, wording, renderer, registry, zones));
        registry.add(new NotesFeature());
        engine = new Engine(registry, renderer, wording, preferences, ChairPolicy.NOBODY, new InMemoryPendingForms(clock), clock);

        DiscordSettings settings = new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(),
                Map.of(FakeDiscord.GUILD, FakeDiscord.HOST_ROLE), true, discord.restBase(), 2);
        // the adapter keeps real time, as the app's clock is whenever Discord is connected
        adapter = new DiscordAdapter(settings, Clock.systemUTC());
        adapter.start(engine, Locale.ENGLISH);
        discord.awaitIdentify();
        long end = System.nanoTime() + WAIT.toNanos();
        while (!adapter.connected() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
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

    @Test
    void connectsWithOnlyTheIntentsItNeedsAndSeesTheServer() throws Exception {
        JsonNode identify = discord.awaitIdentify();
        assertThat(identify.path("token").asString()).isEqualTo(FakeDiscord.TOKEN);
        int guilds = 1;
        assertThat(identify.path("intents").asInt()).as("GUILDS (which JDA always asks for) and the four the features need")
                .isEqualTo(guilds | GatewayIntent.getRaw(GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT,
                        GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_VOICE_STATES));
        assertThat(DiscordAdapter.intents(new DiscordSettings(FakeDiscord.TOKEN, 0, List.of(), List.of(), Map.of(), false,
                null, 1))).as("voice states are not privileged: always asked for, for circles that meet in voice")
                .containsExactlyInAnyOrder(GatewayIntent.DIRECT_MESSAGES, GatewayIntent.GUILD_VOICE_STATES);
        assertThat(Permission.getRaw(DiscordAdapter.PERMISSIONS)).isEqualTo(FakeDiscord.BOT_PERMISSIONS);
        assertThat(adapter.connected()).isTrue();
        assertThat(adapter.shardStatus()).containsExactly(Map.entry(0, "CONNECTED"));
        Guild guild = adapter.shardManager().getGuildById(FakeDiscord.GUILD);
        assertThat(guild).isNotNull();
        assertThat(guild.getTextChannelById(FakeDiscord.CHANNEL)).isNotNull();
        assertThat(guild.getSelfMember().getRoles()).isNotEmpty();
    }

    @Test
    void registersEveryCommandFromTheSpecsWithLimitsLocalizationsAndPermissions() throws Exception {
        JsonNode commands = discord.await("PUT", "/applications/" + FakeDiscord.APP + "/commands", WAIT).body();
        List<String> names = new ArrayList<>();
        commands.forEach(c -> names.add(c.path("name").asString()));
        assertThat(names).containsExactlyElementsOf(engine.registry().commands().stream().map(CommandSpec::name).toList());

        JsonNode timezone = command(commands, "timezone");
        assertThat(timezone.path("description").asString()).isEqualTo(text("cmd.timezone", Locale.ENGLISH));
        assertThat(timezone.path("description_localizations").path("es-ES").asString()).isEqualTo(text("cmd.timezone", Locale.forLanguageTag("es")));
        assertThat(timezone.path("description_localizations").path("es-419").asString()).isEqualTo(text("cmd.timezone", Locale.forLanguageTag("es")));
        assertThat(timezone.path("description_localizations").path("en-GB").asString()).isEqualTo(text("cmd.timezone", Locale.ENGLISH));
        assertThat(timezone.path("default_member_permissions").isNull()).isTrue();
        assertThat(timezone.path("contexts")).extracting(JsonNode::asInt).containsExactlyInAnyOrder(0, 1);
        JsonNode zone = timezone.path("options").get(0);
        assertThat(zone.path("name").asString()).isEqualTo("zone");
        assertThat(zone.path("type").asInt()).isEqualTo(3);
        assertThat(zone.path("required").asBoolean()).isFalse();
        assertThat(zone.path("autocomplete").asBoolean()).isTrue();
        assertThat(zone.path("min_length").asInt()).isEqualTo(1);
        assertThat(zone.path("max_length").asInt()).isEqualTo(64);

        JsonNode language = command(commands, "language").path("options").get(0);
        assertThat(language.path("choices")).extracting(c -> c.path("value").asString()).containsExactly("en", "es");
        assertThat(language.path("choices")).extracting(c -> c.path("name_localizations").path("es-ES").asString())
                .containsExactly("inglés", "español");
        assertThat(language.path("choices")).extracting(c -> c.path("name").asString()).containsExactly("English", "Spanish");
        assertThat(language.path("name_localizations").path("es-419").asString()).isEqualTo("idioma");
        assertThat(zone.path("name_localizations").path("es-ES").asString()).isEqualTo("zona");
        assertThat(zone.path("name_localizations").path("en-GB").asString()).isEqualTo("zone");

        JsonNode community = command(commands, "community");
        assertThat(community.path("default_member_permissions").asString()).isEqualTo("32");
        assertThat(community.path("contexts")).extracting(JsonNode::asInt).containsExactly(0);
        JsonNode set = community.path("options").get(1);
        assertThat(set.path("name").asString()).isEqualTo("timezone");
        assertThat(set.path("type").asInt()).isEqualTo(1);
        assertThat(set.path("options").get(0).path("required").asBoolean()).isTrue();
        assertThat(set.path("description_localizations").path("es-ES").asString())
                .isEqualTo(text("cmd.community.timezone", Locale.forLanguageTag("es")));
    }

    @Test
    void answersASlashCommandPrivatelyWithAnEphemeralReply() throws Exception {
        String token = slash(ALICE, "en-US", "help", null, Map.of());
        JsonNode callback = callback(token);
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(callback.path("data").path("content").asString()).contains("/timezone").contains("/forgetme");
        assertThat(callback.path("data").path("allowed_mentions").path("parse")).isEmpty();
    }

    @Test
    void passesNamedOptionsAndTheClientLanguageToTheCore() throws Exception {
        String token = slash(ALICE, "es-ES", "timezone", null, Map.of("zone", "Europe/Berlin"));
        String content = callback(token).path("data").path("content").asString();
        assertThat(content).startsWith("Hecho: tu zona horaria es ahora **Europe/Berlin**");
    }

    @Test
    void refusesAnOrganiserCommandToAMemberWithoutManageServer() throws Exception {
        String refused = slash(ALICE, "en-US", "community", "show", Map.of());
        JsonNode refusal = callback(refused).path("data");
        assertThat(refusal.path("flags").asInt() & 64).isEqualTo(64);
        assertThat(refusal.path("content").asString()).contains("/community");

        String allowed = slash(OLIVIA, "en-US", "community", "show", Map.of());
        assertThat(callback(allowed).path("data").path("content").asString()).isNotEqualTo(refusal.path("content").asString());
        String configuredRole = slash(HARPER, "en-US", "community", "show", Map.of());
        assertThat(callback(configuredRole).path("data").path("content").asString()).isNotEqualTo(refusal.path("content").asString());
    }

    @Test
    void offersTimeZonesAsAutocomplete() throws Exception {
        String token = token();
        Map<String, Object> data = Map.of("id", "1", "name", "timezone", "type", 1,
                "options", List.of(Map.of("name", "zone", "type", 3, "value", "Europe/Berl", "focused", true)));
        discord.dispatch("INTERACTION_CREATE", interaction(4, ALICE, "en-US", token, data, null));
        JsonNode callback = callback(token);
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices")).extracting(c -> c.path("value").asString()).contains("Europe/Berlin");
    }

    @Test
    void aButtonPressEditsTheMessageItCameFrom() throws Exception {
        String ask = slash(ALICE, "en-US", "forgetme", null, Map.of());
        JsonNode question = callback(ask).path("data");
        JsonNode erase = question.path("components").get(0).path("components").get(0);
        assertThat(erase.path("custom_id").asString()).startsWith("privacy.erase:");
        assertThat(erase.path("style").asInt()).isEqualTo(4);

        String press = token();
        JsonNode origin = FakeDiscord.message(discord.nextId(), FakeDiscord.CHANNEL, question);
        Map<String, Object> data = Map.of("custom_id", erase.path("custom_id").asString(), "component_type", 2);
        discord.dispatch("INTERACTION_CREATE", interaction(3, ALICE, "en-US", press, data, origin));
        JsonNode edit = callback(press);
        assertThat(edit.path("type").asInt()).isEqualTo(7);
        assertThat(edit.path("data").path("content").asString()).isEqualTo(rendered("privacy.forget.done", Locale.ENGLISH));
        assertThat(edit.path("data").path("components")).isEmpty();
    }

    @Test
    void opensAModalForAFormAndTakesItsAnswer() throws Exception {
        String ask = slash(ALICE, "en-US", "note", null, Map.of());
        JsonNode modal = callback(ask);
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.path("data").path("custom_id").asString()).isEqualTo(NotesFeature.FORM);
        assertThat(modal.path("data").path("title").asString()).isEqualTo("A note for the organisers");
        JsonNode label = modal.path("data").path("components").get(0);
        assertThat(label.path("type").asInt()).isEqualTo(18);
        assertThat(label.path("label").asString()).isEqualTo("Your note");
        assertThat(label.path("component").path("custom_id").asString()).isEqualTo("text");
        assertThat(label.path("component").path("style").asInt()).isEqualTo(2);

        String submit = token();
        Map<String, Object> data = Map.of("custom_id", NotesFeature.FORM, "components", List.of(Map.of("type", 18, "id", 1,
                "component", Map.of("type", 4, "id", 2, "custom_id", "text", "value", "more *tea* @everyone"))));
        discord.dispatch("INTERACTION_CREATE", interaction(5, ALICE, "en-US", submit, data, null));
        JsonNode thanks = callback(submit);
        assertThat(thanks.path("type").asInt()).isEqualTo(4);
        assertThat(thanks.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(thanks.path("data").path("content").asString())
                .isEqualTo("Thanks, alice. Your note says: more \\*tea\\* \\@everyone");
    }

    @Test
    void sendsADirectMessageToAMember() throws Exception {
        SentMessage sent = adapter.messenger().send(new Target.Member(member(ALICE)), OutgoingMessage.text("Your circle starts *soon*.").build());
        JsonNode opened = discord.await(r -> r.method().equals("POST") && r.path().equals("/users/@me/channels")
                && r.body().path("recipient_id").asString().equals(ALICE.id()), WAIT, "open DM").body();
        assertThat(opened.path("recipient_id").asString()).isEqualTo(ALICE.id());
        String dmChannel = "7" + ALICE.id().substring(1);
        JsonNode message = discord.await("POST", "/channels/" + dmChannel + "/messages", WAIT).body();
        assertThat(message.path("content").asString()).isEqualTo("Your circle starts **soon**.");
        assertThat(DiscordMessenger.partIds(sent)).hasSize(1);
    }

    @Test
    void aMemberWithClosedDirectMessagesFailsPermanently() {
        assertThatThrownBy(() -> adapter.messenger().send(new Target.Member(member(CLOSED)), OutgoingMessage.text("Reminder").build()))
                .isInstanceOfSatisfying(Messenger.DeliveryFailed.class, failed -> assertThat(failed.permanent()).isTrue());
    }

    @Test
    void aPrivateAnswerToAChannelMessageGoesToDirectMessagesOrLeavesANoteWithoutContent() throws Exception {
        discord.dispatch("MESSAGE_CREATE", channelMessage(CLOSED, "psst"));
        JsonNode note = discord.await(r -> r.method().equals("POST") && r.path().equals("/channels/" + FakeDiscord.CHANNEL + "/messages")
                && r.body().path("content").asString().contains("<@" + CLOSED.id() + ">"), WAIT, "closed-DM note").body();
        assertThat(note.path("content").asString()).doesNotContain(rendered("notes.secret", Locale.ENGLISH));
        assertThat(note.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(note.path("allowed_mentions").path("users")).extracting(JsonNode::asString).containsExactly(CLOSED.id());

        discord.dispatch("MESSAGE_CREATE", channelMessage(HARPER, "psst"));
        String dmChannel = "7" + HARPER.id().substring(1);
        JsonNode secret = discord.await("POST", "/channels/" + dmChannel + "/messages", WAIT).body();
        assertThat(secret.path("content").asString()).isEqualTo(rendered("notes.secret", Locale.ENGLISH));
    }

    @Test
    void aRateLimitLongerThanTheBoundIsNotWaitedOutButRetriedLaterAndTheHeldMessageIsNeverSent() throws Exception {
        // a member's direct messages: that channel's route has a bucket of its own, so the hour-long limit holds no other test
        MemberRef quinn = new MemberRef(Platform.DISCORD, "500000000000000099", "Quinn");
        String route = "/channels/700000000000000099/messages";
        discord.rateLimitNext(route, 3600.0);
        DiscordMessenger bounded = adapter.messenger().waitingAtMost(Duration.ofMillis(1500));
        Instant before = Instant.now();

        assertThatThrownBy(() -> bounded.send(new Target.Member(quinn), OutgoingMessage.text("Held by a rate limit").build()))
                .isInstanceOf(RetryLater.class)
                .satisfies(e -> assertThat(((RetryLater) e).at()).isAfter(before));

        Thread.sleep(500);
        assertThat(discord.requests()).filteredOn(r -> r.method().equals("POST") && r.path().equals(route))
                .as("only the request Discord limited; the held one was cancelled, not sent after the bound").hasSize(1);
    }

    @Test
    void sendsEditsAndUploadsToAChannelThisReplicaHasNeverSeenByItsIdAlone() throws Exception {
        // a channel of a server on another replica's shards: JDA here has no such channel, REST needs none
        String elsewhere = "310000000000000077";
        assertThat(adapter.shardManager().getChannelById(MessageChannel.class,
                elsewhere)).isNull();
        Target target = new Target.Channel(new ChannelRef(Platform.DISCORD, elsewhere, ChannelRef.Kind.GROUP));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        SentMessage sent = adapter.messenger().send(target, OutgoingMessage.text("Circle *tonight*")
                .button(Button.of("Going", "circle.rsvp:1"))
                .attachment(new Attachment("pulse.png", "image/png", png)).build());

        FakeDiscord.Request created = discord.await("POST", "/channels/" + elsewhere + "/messages", WAIT);
        assertThat(created.body().path("content").asString()).isEqualTo("Circle **tonight**");
        assertThat(created.body().path("components").get(0).path("components").get(0).path("custom_id").asString())
                .isEqualTo("circle.rsvp:1");
        assertThat(created.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(created.raw()).contains("filename=\"pulse.png\"");
        assertThat(DiscordMessenger.partIds(sent)).hasSize(1);

        adapter.messenger().edit(sent, OutgoingMessage.text("Circle *moved*").build());
        FakeDiscord.Request edited = discord.await("PATCH", "/channels/" + elsewhere + "/messages/" + DiscordMessenger.partIds(sent).get(0),
                WAIT);
        assertThat(edited.body().path("content").asString()).isEqualTo("Circle **moved**");
    }

    @Test
    void everyoneInAMessagePingsNobody() throws Exception {
        ChannelRef room = new ChannelRef(Platform.DISCORD, FakeDiscord.CHANNEL, ChannelRef.Kind.GROUP);
        adapter.messenger().send(new Target.Channel(room), OutgoingMessage.text("The circle \"@everyone\" meets at 19:00").build());
        JsonNode message = discord.await(r -> r.method().equals("POST") && r.path().equals("/channels/" + FakeDiscord.CHANNEL + "/messages")
                && r.body().path("content").asString().contains("meets at"), WAIT, "the @everyone message").body();
        assertThat(message.path("allowed_mentions").path("parse")).isEmpty();
        assertThat(message.path("allowed_mentions").has("users")).isFalse();
        assertThat(message.path("allowed_mentions").has("roles")).isFalse();
    }

    @Test
    void splitsALongMessageAtTwoThousandCharactersWithTheButtonsOnTheLastPart() throws Exception {
        StringBuilder markup = new StringBuilder();
        for (int line = 0; line < 60; line++) {
            markup.append("Line ").append(line).append(" of the long agenda, with *bold* words in it: ").append("x".repeat(30)).append('\n');
        }
        ChannelRef room = new ChannelRef(Platform.DISCORD, FakeDiscord.CHANNEL, ChannelRef.Kind.GROUP);
        discord.forget();
        SentMessage sent = adapter.messenger().send(new Target.Channel(room),
                OutgoingMessage.text(markup.toString()).button(Button.of("Going", "circle.rsvp:1")).build());
        List<String> ids = DiscordMessenger.partIds(sent);
        assertThat(ids).hasSizeGreaterThan(2);
        List<JsonNode> parts = discord.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/channels/" + FakeDiscord.CHANNEL + "/messages"))
                .map(FakeDiscord.Request::body).toList();
        assertThat(parts).hasSize(ids.size());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String content = parts.get(i).path("content").asString();
            assertThat(content.length()).isLessThanOrEqualTo(2000);
            assertThat(content).doesNotStartWith("\n").doesNotEndWith("\n");
            assertThat(parts.get(i).path("components").isEmpty()).isEqualTo(i < parts.size() - 1);
            joined.append(content).append('\n');
        }
        assertThat(joined.toString()).isEqualTo(DiscordMarkdown.render(markup.toString()));
    }

    @Test
    void defersAnInteractionTheEngineIsSlowToAnswerAndThenFollowsUp() throws Exception {
        String token = slash(ALICE, "en-US", "slow", null, Map.of());
        JsonNode deferred = callback(token);
        assertThat(deferred.path("type").asInt()).isEqualTo(5);
        assertThat(deferred.path("data").path("flags").asInt() & 64).isEqualTo(64);
        JsonNode followUp = discord.await("POST", "/webhooks/" + FakeDiscord.APP + "/" + token, WAIT).body();
        assertThat(followUp.path("content").asString()).isEqualTo(rendered("notes.slow-done", Locale.ENGLISH));
        assertThat(followUp.path("flags").asInt(0) & 64).as("a public answer is not ephemeral").isZero();
        discord.await("DELETE", "/webhooks/" + FakeDiscord.APP + "/" + token + "/messages/@original", WAIT);
    }

    @Test
    void inADirectMessageAnswersAreOrdinaryMessages() throws Exception {
        String token = token();
        Map<String, Object> payload = interaction(2, ALICE, "en-US", token,
                Map.of("id", "800000000000000001", "name", "help", "type", 1, "options", List.of()), null);
        String dmChannel = "7" + ALICE.id().substring(1);
        payload.keySet().removeAll(List.of("guild", "guild_id", "guild_locale", "member"));
        payload.put("user", FakeDiscord.user(ALICE.id(), ALICE.name(), false));
        payload.put("channel_id", dmChannel);
        payload.put("channel", Map.of("id", dmChannel, "type", 1, "recipients", List.of(FakeDiscord.user(ALICE.id(), ALICE.name(), false))));
        payload.put("context", 1);
        payload.put("authorizing_integration_owners", Map.of("0", "0"));
        discord.dispatch("INTERACTION_CREATE", payload);
        JsonNode help = callback(token).path("data");
        assertThat(help.path("content").asString()).contains("/timezone").doesNotContain("/community");
        assertThat(help.path("flags").asInt(0) & 64).as("no need to hide what is said in a direct message").isZero();

        Map<String, Object> hello = channelMessage(ALICE, "hello there");
        hello.remove("guild_id");
        hello.remove("member");
        hello.put("channel_id", dmChannel);
        discord.dispatch("MESSAGE_CREATE", hello);
        JsonNode hint = discord.await(r -> r.method().equals("POST") && r.path().equals("/channels/" + dmChannel + "/messages")
                && r.body().path("content").asString().contains("/help"), WAIT, "the direct-message hint").body();
        assertThat(hint.path("content").asString()).isEqualTo(rendered("engine.direct-hint", Locale.ENGLISH));
    }

    @Test
    void attachesFilesAsUploads() throws Exception {
        String set = slash(ALICE, "en-US", "timezone", null, Map.of("zone", "Europe/Madrid"));
        discord.await("POST", "/interactions/\\d+/" + set + "/callback", WAIT);
        String token = slash(ALICE, "en-US", "mydata", null, Map.of());
        FakeDiscord.Request request = discord.await("POST", "/interactions/\\d+/" + token + "/callback", WAIT);
        assertThat(request.raw()).contains("filename=\"circlekeeper-my-data.json\"").contains("Europe/Madrid");
        assertThat(request.body().path("data").path("attachments").get(0).path("filename").asString())
                .isEqualTo("circlekeeper-my-data.json");
    }

    private String slash(Who who, String locale, String name, String subcommand, Map<String, String> options) {
        List<Map<String, Object>> given = new ArrayList<>();
        options.forEach((k, v) -> given.add(Map.of("name", k, "type", 3, "value", v)));
        List<Map<String, Object>> top = subcommand == null ? given
                : List.of(Map.of("name", subcommand, "type", 1, "options", given));
        String token = token();
        discord.dispatch("INTERACTION_CREATE", interaction(2, who, locale, token,
                Map.of("id", "800000000000000001", "name", name, "type", 1, "options", top), null));
        return token;
    }

    private JsonNode callback(String token) throws InterruptedException {
        return discord.await("POST", "/interactions/\\d+/" + token + "/callback", WAIT).body();
    }

    private String token() {
        return "itoken" + interactionIds.incrementAndGet();
    }

    /** An interaction id made now: JDA reads its age from the id and refuses follow-ups after 15 minutes. */
    private String snowflakeNow() {
        return Long.toString(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + interactionIds.incrementAndGet() % 4096);
    }

    private Map<String, Object> interaction(int type, Who who, String locale, String token, Map<String, Object> data,
                                            JsonNode message) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("id", snowflakeNow());
        payload.put("application_id", FakeDiscord.APP);
        payload.put("type", type);
        payload.put("token", token);
        payload.put("version", 1);
        payload.put("locale", locale);
        payload.put("guild_locale", "en-US");
        payload.put("guild_id", FakeDiscord.GUILD);
        payload.put("channel_id", FakeDiscord.CHANNEL);
        payload.put("guild", Map.of("id", FakeDiscord.GUILD, "locale", "en-US", "features", List.of()));
        payload.put("channel", Map.of("id", FakeDiscord.CHANNEL, "type", 0, "guild_id", FakeDiscord.GUILD, "name", "circle-room",
                "position", 0, "permission_overwrites", List.of(), "nsfw", false, "rate_limit_per_user", 0));
        Map<String, Object> member = new HashMap<>(FakeDiscord.member(who.id(), who.name(), who.roles()));
        member.put("permissions", who.roles().contains(FakeDiscord.ORGANISER_ROLE) ? "68640" : "68608");
        payload.put("member", member);
        payload.put("data", data);
        payload.put("authorizing_integration_owners", Map.of("0", FakeDiscord.GUILD));
        payload.put("context", 0);
        payload.put("entitlements", List.of());
        payload.put("app_permissions", Long.toString(FakeDiscord.BOT_PERMISSIONS));
        if (message != null) {
            payload.put("message", message);
        }
        return payload;
    }

    private Map<String, Object> channelMessage(Who who, String content) {
        Map<String, Object> message = new HashMap<>();
        message.put("id", discord.nextId());
        message.put("channel_id", FakeDiscord.CHANNEL);
        message.put("guild_id", FakeDiscord.GUILD);
        message.put("author", FakeDiscord.user(who.id(), who.name(), false));
        message.put("member", Map.of("roles", who.roles(), "joined_at", "2026-01-01T00:00:00.000000+00:00", "deaf", false,
                "mute", false, "flags", 0));
        message.put("content", content);
        message.put("timestamp", "2026-11-27T09:00:00.000000+00:00");
        message.put("edited_timestamp", null);
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.put("mentions", List.of());
        message.put("mention_roles", List.of());
        message.put("attachments", List.of());
        message.put("embeds", List.of());
        message.put("pinned", false);
        message.put("type", 0);
        message.put("flags", 0);
        return message;
    }

    private static MemberRef member(Who who) {
        return new MemberRef(Platform.DISCORD, who.id(), who.name());
    }

    private static JsonNode command(JsonNode commands, String name) {
        for (JsonNode command : commands) {
            if (command.path("name").asString().equals(name)) {
                return command;
            }
        }
        throw new AssertionError("no command /" + name + " was registered");
    }

    private String text(String key, Locale locale) {
        return engine.text(MessageKey.of(key), locale);
    }

    private String rendered(String key, Locale locale) {
        return DiscordMarkdown.render(renderer.render(MessageKey.of(key), locale, Map.of()));
    }
}
