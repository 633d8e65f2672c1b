package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.api.Assertions;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.BrokenFeature;
import org.circlekeeper.core.testing.FixedPreferences;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.junit.jupiter.api.Test;

/** The engine's checks: every kind of bad input gets a kind, private reply and reaches no feature. */
class EngineTest {

    private final BotTester bot = new BotTester();

    @Test
    void anUnknownCommandSuggestsTheClosestOne() {
        Replies replies = bot.as("alice").inGroup().send("/timezon Europe/Berlin");
        assertThat(replies.text()).contains("/timezon").contains("Did you mean /timezone?");
        assertThat(replies.allPrivate()).isTrue();
    }

    @Test
    void anUnknownCommandWithNothingCloseStillHelps() {
        assertThat(bot.as("alice").inGroup().send("/xyzzyplugh").text())
                .contains("I don't know the command /xyzzyplugh").doesNotContain("Did you mean").contains("/help");
    }

    @Test
    void organiserCommandsAreRefusedToMembersAndChangeNothing() {
        Replies replies = bot.as("alice").inGroup().send("/community timezone Europe/Madrid");
        assertThat(replies.text()).contains("/community is for the group's organisers").contains("Nothing was changed");
        assertThat(bot.stores().communitySettings().get(BotTester.COMMUNITY).zoneSetting()).isEmpty();
    }

    @Test
    void groupCommandsAreRefusedInADirectChat() {
        Replies replies = bot.asOrganiser("olivia").inDirect().send("/community show");
        assertThat(replies.text()).contains("/community works in the group's chat");
    }

    @Test
    void aMissingOptionNamesItAndShowsAnExample() {
        Replies replies = bot.asOrganiser("olivia").inGroup().send("/community timezone");
        assertThat(replies.text()).contains("I need the zone").contains("/community timezone <zone>")
                .contains("For example: /community timezone Europe/Madrid");
    }

    @Test
    void anOverLongArgumentIsRefused() {
        String longZone = "x".repeat(5_000);
        Replies replies = bot.as("alice").inDirect().send("/timezone " + longZone);
        assertThat(replies.text()).contains("up to 64 characters").contains("5000");
        assertThat(bot.stores().memberSettings().get(bot.as("alice").member()).isEmpty()).isTrue();
    }

    @Test
    void aChoiceOutsideItsChoicesIsRefused() {
        assertThat(bot.as("alice").inDirect().send("/language klingon").text())
                .contains("can be one of: English, Spanish").contains("Nothing was changed");
    }

    @Test
    void extraWordsAreRefusedWithTheUsage() {
        assertThat(bot.as("alice").inDirect().send("/language es please").text())
                .contains("I didn't expect \"please\" there").contains("/language [language]");
    }

    @Test
    void aMissingOrUnknownSubcommandListsTheChoices() {
        assertThat(bot.asOrganiser("olivia").inGroup().send("/community").text())
                .contains("/community needs one more word: show, timezone, language");
        assertThat(bot.asOrganiser("olivia").inGroup().send("/community paint red").text())
                .contains("/community has no \"paint\"");
    }

    @Test
    void namedOptionsAreValidatedLikeTypedOnes() {
        BotTester.Talk olivia = bot.asOrganiser("olivia").inGroup();
        assertThat(olivia.sendNamed("community", new Arguments.Named("language", Map.of("language", "fr"))).text())
                .contains("can be one of");
        assertThat(olivia.sendNamed("community", new Arguments.Named("language", Map.of("colour", "red"))).text())
                .contains("I don't know an option called colour");
        assertThat(olivia.sendNamed("community", new Arguments.Named("language", Map.of("language", "es"))).text())
                .contains("español");
    }

    @Test
    void quotedWordsStayTogether() {
        assertThat(bot.as("alice").inDirect().send("/timezone \"Buenos Aires\"").text())
                .contains("America/Argentina/Buenos_Aires");
    }

    @Test
    void aButtonOfAnUnknownActionIsStale() {
        Replies replies = bot.as("alice").inGroup().press("circles.rsvp:old-occurrence");
        assertThat(replies.text()).contains("from an older message and no longer works");
    }

    @Test
    void aButtonForTheChairOrTheOrganisersSaysWhoItIsForAndReachesNoFeature() {
        List<String> ran = new ArrayList<>();
        Feature buttons = new Feature() {
            @Override
            public String id() {
                return "guarded";
            }

            @Override
            public List<CommandSpec> commands() {
                return List.of();
            }

            @Override
            public List<MessageKey> messages() {
                return List.of();
            }

            @Override
            public List<PersonalData> personalData() {
                return List.of();
            }

            @Override
            public List<ActionSpec> actions() {
                return List.of(new ActionSpec("guarded.step", Audience.CHAIR, (t, a) -> ran.add("step")),
                        new ActionSpec("guarded.clear", Audience.ORGANISER, (t, a) -> ran.add("clear")));
            }
        };
        Engine engine = new Engine(new FeatureRegistry().add(buttons), new TemplateRenderer(Bot.templates(null)),
                new InMemoryWordingStore(), FixedPreferences.englishUtc(), ChairPolicy.NOBODY,
                new InMemoryPendingForms(Clock.systemUTC()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Context member = bot.as("erin").inGroup().context();

        List<Reply> step = engine.handle(new Inbound.ButtonPressed(member, "guarded.step:m1:0", null));
        assertThat(step).singleElement().satisfies(r -> assertThat(r.message().markup())
                .isEqualTo("Only the chair (or an organiser) moves the circle on with this button. Nothing was changed."));
        List<Reply> clear = engine.handle(new Inbound.ButtonPressed(member, "guarded.clear:x", null));
        assertThat(clear).singleElement().satisfies(r -> assertThat(r.message().markup())
                .isEqualTo("This button is for the group's organisers. Nothing was changed."));
        assertThat(ran).isEmpty();
        assertThat(engine.handle(new Inbound.ButtonPressed(bot.asOrganiser("olivia").inGroup().context(), "guarded.step:m1:0", null)))
                .isEmpty();
        assertThat(ran).containsExactly("step");
    }

    @Test
    void plainTextInTheGroupIsIgnoredButADirectChatGetsAHint() {
        assertThat(bot.as("alice").inGroup().send("hello everyone").all()).isEmpty();
        assertThat(bot.as("alice").inDirect().send("hello?").text()).contains("/help");
    }

    @Test
    void aFailingFeatureIsAnsweredWithAnApologyNotACrash() {
        Feature broken = new BrokenFeature();
        Engine engine = new Engine(new FeatureRegistry().add(broken), new TemplateRenderer(Bot.templates(null)),
                new InMemoryWordingStore(), FixedPreferences.englishUtc(), ChairPolicy.NOBODY, new InMemoryPendingForms(Clock.systemUTC()),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Context context = bot.as("alice").inGroup().context();
        List<Reply> replies = engine.handle(Inbound.CommandInvoked.typed(context, "boom", ""));
        assertThat(replies).singleElement().satisfies(r -> assertThat(r.message().markup()).contains("something went wrong on my side"));
    }

    @Test
    void specsRejectNamesNoPlatformAccepts() {
        MessageKey description = MessageKey.of("cmd.help");
        Assertions.assertThatThrownBy(() -> CommandSpec.command("Time-Zone", description).handler((t, a) -> { }).build())
                .hasMessageContaining("lower-case");
        Assertions.assertThatThrownBy(() -> CommandSpec.command("x", description)
                        .option(OptionSpec.text("a", description))
                        .option(OptionSpec.text("b", description).required())
                        .handler((t, a) -> { }).build())
                .hasMessageContaining("must come before the optional ones");
    }

    @Test
    void helpListsTheSpecsThatAreDispatchedReadOnceFromAFeatureThatBuildsThemAnew() {
        int[] built = {0};
        Feature fresh = new Feature() {
            @Override
            public String id() {
                return "fresh";
            }

            @Override
            public List<CommandSpec> commands() {
                built[0]++;
                return List.of(CommandSpec.command("fresh", MessageKey.of("cmd.help")).handler((t, a) -> { }).build());
            }

            @Override
            public List<MessageKey> messages() {
                return List.of();
            }

            @Override
            public List<PersonalData> personalData() {
                return List.of();
            }
        };
        Engine engine = new Engine(new FeatureRegistry().add(fresh), new TemplateRenderer(Bot.templates(null)),
                new InMemoryWordingStore(), FixedPreferences.englishUtc(), ChairPolicy.NOBODY,
                new InMemoryPendingForms(Clock.systemUTC()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        int afterRegistering = built[0];
        Context member = bot.as("erin").inGroup().context();

        List<HelpTopic> inGroup = engine.helpTopics(member, member.channel().kind());
        List<HelpTopic> inDirect = engine.helpTopics(member, ChannelRef.Kind.DIRECT);

        // the very spec a command is dispatched to, not a copy built for the occasion: one /help compares them by identity
        assertThat(inGroup).singleElement().satisfies(topic -> assertThat(topic.entries()).singleElement()
                .satisfies(entry -> assertThat(entry.leaf()).isSameAs(engine.registry().command("fresh").orElseThrow())));
        assertThat(inDirect.get(0).entries().get(0).leaf()).isSameAs(inGroup.get(0).entries().get(0).leaf());
        assertThat(built[0]).as("the feature's commands are read when it is added, not on every /help").isEqualTo(afterRegistering);
    }

    @Test
    void helpTopicsKeptPerAccessNeverShowOnePersonAnotherPersonsCommands() {
        Feature roles = new Feature() {
            @Override
            public String id() {
                return "roles";
            }

            @Override
            public List<CommandSpec> commands() {
                return List.of(CommandSpec.command("everyone", MessageKey.of("cmd.help")).handler((t, a) -> { }).build(),
                        CommandSpec.command("organise", MessageKey.of("cmd.help")).audience(Audience.ORGANISER).handler((t, a) -> { })
                                .build(),
                        CommandSpec.command("chair", MessageKey.of("cmd.help")).audience(Audience.CHAIR).handler((t, a) -> { }).build());
            }

            @Override
            public List<MessageKey> messages() {
                return List.of();
            }

            @Override
            public List<PersonalData> personalData() {
                return List.of();
            }
        };
        int[] asked = {0};
        ChairPolicy onlyChloe = context -> {
            asked[0]++;
            return context.member().userId().equals("chloe");
        };
        Engine engine = new Engine(new FeatureRegistry().add(roles), new TemplateRenderer(Bot.templates(null)),
                new InMemoryWordingStore(), FixedPreferences.englishUtc(), onlyChloe,
                new InMemoryPendingForms(Clock.systemUTC()), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        Function<Context, List<String>> commands = context -> engine.helpTopics(context, ChannelRef.Kind.GROUP).stream()
                .flatMap(topic -> topic.entries().stream()).map(entry -> entry.leaf().name()).toList();

        for (int round = 0; round < 2; round++) {
            asked[0] = 0;
            assertThat(commands.apply(bot.as("chloe").inGroup().context())).containsExactly("everyone", "chair");
            assertThat(commands.apply(bot.as("erin").inGroup().context())).as("kept for a chair, never shown to a member")
                    .containsExactly("everyone");
            assertThat(commands.apply(bot.asOrganiser("olivia").inGroup().context())).containsExactly("everyone", "organise", "chair");
            assertThat(commands.apply(bot.as("erin").inDirect().context())).containsExactly("everyone");
            assertThat(asked[0]).as("whether a member chairs is asked once per call, organisers never").isEqualTo(3);
        }
    }

    @Test
    void twoFeaturesCannotClaimTheSameCommand() {
        FeatureRegistry registry = bot.engine().registry();
        Assertions.assertThatThrownBy(() -> registry.add(registry.features().get(0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
