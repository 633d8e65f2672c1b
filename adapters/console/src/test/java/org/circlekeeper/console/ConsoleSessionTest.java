package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleSessionTest {

    private static final ChannelRef ROOM = new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP);

    private final ConsoleFixture bot = new ConsoleFixture();
    private final ConsoleSession session = bot.session;

    @Test
    void startsAsAliceInTheCircleRoomOfTheLocalCommunity() {
        Context context = session.context();

        assertThat(context.member()).isEqualTo(new MemberRef(Platform.CONSOLE, "alice", "alice"));
        assertThat(context.role()).isEqualTo(Role.MEMBER);
        assertThat(context.channel()).isEqualTo(new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP));
        assertThat(context.community().communityId()).isEqualTo("local");
        assertThat(session.prompt()).isEqualTo("alice @ #circle-room> ");
        assertThat(session.echo("  /help  ")).isEqualTo("> alice @ #circle-room: /help");
    }

    @Test
    void theCommunityIdCanBeConfigured() {
        ConsoleSession other = new ConsoleSession(bot.engine, bot.clock, new ConsoleMessenger(), "demo-circle");

        assertThat(other.context().community().communityId()).isEqualTo("demo-circle");
        assertThat(other.handle(":who")).containsExactly("(console) you are alice (member) in #circle-room, in the "
                + "community \"demo-circle\". It is Fri 2026-11-27 09:00 UTC.");
    }

    @Test
    void besideAChatPlatformTheClockIsRealTimeAndClockOnlyShowsIt() {
        Clock real = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        ConsoleSession beside = new ConsoleSession(bot.engine, real, new ConsoleMessenger(), "local");
        List<Instant> moved = new ArrayList<>();
        beside.addClockListener(moved::add);

        assertThat(beside.handle(":clock +2h")).containsExactly("(console) it is Thu 2026-12-03 10:00 UTC: the bot keeps "
                + "real time while a chat platform is connected, so :clock only shows it.");
        assertThat(moved).isEmpty();
        assertThat(bot.clock.instant()).isEqualTo(ConsoleFixture.START);
    }

    @Test
    void asSwitchesPersonKeepsTheirLastRoleAndUsesTheLowerCaseNameAsUserId() {
        assertThat(session.handle(":as Olivia organiser")).containsExactly("(console) you are olivia (organiser).");
        assertThat(session.context().member()).isEqualTo(new MemberRef(Platform.CONSOLE, "olivia", "Olivia"));
        assertThat(session.context().role()).isEqualTo(Role.ORGANISER);

        assertThat(session.handle(":as bob")).containsExactly("(console) you are bob (member).");
        assertThat(session.context().role()).isEqualTo(Role.MEMBER);

        assertThat(session.handle(":as olivia")).containsExactly("(console) you are olivia (organiser).");
        assertThat(session.context().role()).as("olivia keeps her role").isEqualTo(Role.ORGANISER);

        session.handle(":as olivia member");
        assertThat(session.context().role()).isEqualTo(Role.MEMBER);
        assertThat(session.people()).containsExactly("alice", "olivia", "bob");
    }

    @Test
    void asRefusesKindlyWhatIsNotANameOrARole() {
        assertThat(session.handle(":as")).containsExactly(
                "(console) :as takes a name and, if you like, a role: :as alice, or :as olivia organiser.");
        assertThat(session.handle(":as olivia boss")).containsExactly(
                "(console) \"boss\" is not a role; use member or organiser.");
        assertThat(session.handle(":as <script>")).hasSize(1).first().asString().startsWith("(console) \"<script>\" can't be a name");
        assertThat(session.context().member().userId()).isEqualTo("alice");
    }

    @Test
    void inGoesToAGroupChannelOrToTheCurrentPersonsDirectChat() {
        assertThat(session.handle(":in #newcomers")).containsExactly("(console) you are in #newcomers.");
        assertThat(session.context().channel()).isEqualTo(new ChannelRef(Platform.CONSOLE, "#newcomers", ChannelRef.Kind.GROUP));

        assertThat(session.handle(":in dm")).containsExactly("(console) you are in your private chat with the bot (dm).");
        assertThat(session.context().channel()).isEqualTo(new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT));
        assertThat(session.prompt()).isEqualTo("alice @ dm> ");

        session.handle(":as bob");
        assertThat(session.context().channel().channelId()).as("dm follows the person").isEqualTo("dm:bob");
        assertThat(session.channels()).containsExactly("#circle-room", "#newcomers");
    }

    @Test
    void inRefusesAChannelWithoutHash() {
        assertThat(session.handle(":in circle-room")).containsExactly("(console) :in takes a group channel whose name starts "
                + "with # (like :in #circle-room), or dm for your private chat with the bot.");
        assertThat(session.context().channel().channelId()).isEqualTo("#circle-room");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "#", "  #", "# a comment", "   # indented comment", "#\ttab comment"})
    void emptyLinesAndCommentsAreIgnored(String line) {
        assertThat(ConsoleSession.isIgnored(line)).isTrue();
        assertThat(session.handle(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#hashtag", "#circle-room is lovely", ":in #circle-room", "/help #", "hello # there"})
    void hashesThatAreNotACommentAreInput(String line) {
        assertThat(ConsoleSession.isIgnored(line)).isFalse();
    }

    @Test
    void aHashtagMessageReachesTheBot() {
        session.handle(":in dm");

        assertThat(session.handle("#grateful for today")).containsExactly(
                "[dm alice] bot: I'm here. Send /help to see what I can do for you.");
    }

    @Test
    void aColonThatStartsNoDirectiveIsAMessage() {
        session.handle(":in dm");

        assertThat(session.handle(":) thanks")).containsExactly(
                "[dm alice] bot: I'm here. Send /help to see what I can do for you.");
    }

    @Test
    void aCommandWithABotNameSuffixIsTheCommand() {
        assertThat(session.handle("/help@circlekeeper_bot")).first().asString()
                .isEqualTo("[#circle-room → only alice] bot: What you can do here:");
    }

    @Test
    void aPrivateReplyInAGroupIsMarkedAsSeenOnlyByThatPerson() {
        assertThat(session.handle("/community show")).containsExactly(
                "[#circle-room → only alice] bot: /community is for the group's organisers. Nothing was changed.");
    }

    @Test
    void aPublicReplyInAGroupHasNoAudienceMark() {
        session.handle(":as olivia organiser");

        assertThat(session.handle("/community timezone Europe/Madrid")).containsExactly(
                "[#circle-room] bot: The group's time zone is now Europe/Madrid. Members who set their own keep theirs.");
    }

    @Test
    void followingLinesOfAReplyAreIndented() {
        session.handle(":in dm");

        assertThat(session.handle("/timezone")).hasSize(2).last()
                .isEqualTo("  To change it: /timezone followed by a zone or a city.");
    }

    @Test
    void anUnknownDirectiveListsTheDirectives() {
        assertThat(session.handle(":frobnicate now")).containsExactly("(console) I don't know the directive :frobnicate. "
                + "I know :as, :in, :click, :clock, :who, :help, :quit; :help explains them.");
    }

    @Test
    void helpListsEveryDirective() {
        String help = String.join("\n", session.handle(":help"));

        for (String directive : ConsoleSession.directives()) {
            assertThat(help).contains("  " + directive + " ");
        }
    }

    @Test
    void clickingAButtonThatWasNeverShownSendsNothing() {
        assertThat(session.handle(":click 1")).containsExactly(
                "(console) there is no button 1; no buttons were shown yet. Nothing was sent.");
        session.handle(":in dm");
        session.handle("/forgetme");

        assertThat(session.handle(":click 3")).containsExactly(
                "(console) there is no button 3; buttons 1 and 2 were shown so far. Nothing was sent.");
        assertThat(session.handle(":click two")).containsExactly(
                "(console) :click takes the number shown in front of a button, like :click 1.");
        assertThat(session.handle(":click 0")).containsExactly(
                "(console) :click takes the number shown in front of a button, like :click 1.");
    }

    @Test
    void aButtonWorksOnceAndOnlyForWhoeverCouldSeeIt() {
        bot.memberSettings.save(new MemberRef(Platform.CONSOLE, "alice", "alice"), MemberSettings.NONE.withZone(ZoneId.of("Europe/Berlin")));
        session.handle(":in dm");
        assertThat(session.handle("/forgetme")).last().isEqualTo("  [1] Yes, erase everything   [2] No, keep it");

        session.handle(":as bob");
        assertThat(session.handle(":click 1")).containsExactly(
                "(console) button 1 is on a message only alice can see; use :as alice to press it. Nothing was sent.");
        assertThat(bot.memberSettings.size()).isEqualTo(1);

        session.handle(":as alice");
        session.handle(":in #circle-room");
        assertThat(session.handle(":click 1")).as("pressed where the message is, her dm").containsExactly(
                "[dm alice] bot (edit): Done. I erased everything I kept about you. If you use me again, I'll start fresh.");
        assertThat(bot.memberSettings.size()).isZero();
        assertThat(session.handle(":click 2")).containsExactly("[dm alice] bot: This button was already used or has "
                + "expired, so nothing changed. Send /forgetme again if you want to erase your data.");
    }

    @Test
    void aButtonOnAPublicMessageIsPressedInItsChannel() {
        bot.messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("Pick a zone").button("Lisbon", "settings.tz:Europe/Lisbon").build());
        assertThat(session.handle(":in dm")).as("the room's message is printed after the directive's line").containsExactly(
                "(console) you are in your private chat with the bot (dm).",
                "[#circle-room] bot: Pick a zone",
                "  [1] Lisbon");

        List<String> out = session.handle(":click 1");

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("[#circle-room → only alice] bot: Done: your time zone is now Europe/Lisbon.");
    }

    @Test
    void aPrivateReplacementOfAPublicMessageIsANewPrivateMessageNotAnEdit() {
        String token = bot.stores.tokens().issue(new MemberRef(Platform.CONSOLE, "alice", "alice"), "forgetme", Duration.ofMinutes(10));
        bot.messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("Erase?").button("Keep", "privacy.keep:" + token).build());
        session.handle(":who");

        assertThat(session.handle(":click 1")).as("everyone in the room saw the question; only alice sees the answer")
                .containsExactly("[#circle-room → only alice] bot: All right, I erased nothing.");
    }

    @Test
    void aButtonTheMessengerPrintedCanBeClicked() {
        session.handle(":in dm");
        session.handle("/forgetme");
        bot.messenger.send(new Target.Member(new MemberRef(Platform.CONSOLE, "alice", "alice")),
                OutgoingMessage.text("Which zone is yours?").button("Lisbon", "settings.tz:Europe/Lisbon").build());

        assertThat(session.unprompted()).containsExactly("[dm alice] bot: Which zone is yours?", "  [3] Lisbon");
        List<String> out = session.handle(":click 3");

        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("[dm alice] bot: Done: your time zone is now Europe/Lisbon.");
    }

    @Test
    void clockMovesForwardPrintsTheTimeAndTellsTheListeners() {
        List<Instant> heard = new ArrayList<>();
        session.addClockListener(heard::add);

        assertThat(session.handle(":clock +2h")).containsExactly("(console) the time is now Fri 2026-11-27 11:00 UTC.");
        assertThat(session.handle(":clock +1d2h30m")).containsExactly("(console) the time is now Sat 2026-11-28 13:30 UTC.");

        assertThat(bot.clock.instant()).isEqualTo(Instant.parse("2026-11-28T13:30:00Z"));
        assertThat(heard).containsExactly(Instant.parse("2026-11-27T11:00:00Z"), Instant.parse("2026-11-28T13:30:00Z"));
    }

    @Test
    void clockJumpsToAMomentReadInUtcOrWithAnOffset() {
        List<Instant> heard = new ArrayList<>();
        session.addClockListener(heard::add);

        assertThat(session.handle(":clock 2026-03-29T08:00")).containsExactly("(console) the time is now Sun 2026-03-29 08:00 UTC.");
        assertThat(session.handle(":clock 2026-03-29T08:00+02:00")).containsExactly("(console) the time is now Sun 2026-03-29 06:00 UTC.");

        assertThat(heard).containsExactly(Instant.parse("2026-03-29T08:00:00Z"), Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void whatTheListenersSendComesAfterTheNewTime() {
        session.addClockListener(now -> bot.messenger.send(new Target.Channel(ROOM),
                OutgoingMessage.text("The circle starts in one hour.").build()));

        assertThat(session.handle(":clock +1h")).containsExactly(
                "(console) the time is now Fri 2026-11-27 10:00 UTC.",
                "[#circle-room] bot: The circle starts in one hour.");
    }

    @Test
    void aFailingListenerIsReportedAndTheOthersStillRun() {
        List<Instant> heard = new ArrayList<>();
        session.addClockListener(now -> {
            throw new IllegalStateException("boom");
        });
        session.addClockListener(heard::add);

        assertThat(session.handle(":clock +15m")).containsExactly(
                "(console) the time is now Fri 2026-11-27 09:15 UTC.",
                "(console) something went wrong while running what was due at this time; the log has the details.");
        assertThat(heard).hasSize(1);
    }

    @Test
    void anUnreadableClockLeavesTimeAloneAndTellsNoListener() {
        List<Instant> heard = new ArrayList<>();
        session.addClockListener(heard::add);

        assertThat(session.handle(":clock +2x")).hasSize(1).first().asString()
                .startsWith("(console) \"+2x\" is not a step I can read");
        assertThat(session.handle(":clock tomorrow")).hasSize(1).first().asString()
                .startsWith("(console) \"tomorrow\" is not a time I can read");

        assertThat(bot.clock.instant()).isEqualTo(ConsoleFixture.START);
        assertThat(heard).isEmpty();
    }

    @Test
    void quitEndsTheSession() {
        assertThat(session.handle(":quit")).containsExactly("(console) bye.");
        assertThat(session.ended()).isTrue();
        assertThat(session.handle("/help")).containsExactly("(console) this session has ended.");
    }

    @Test
    void durationsAreReadInDaysHoursAndMinutes() {
        assertThat(ClockInput.step("+2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ClockInput.step("+15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(ClockInput.step("+1d")).isEqualTo(Duration.ofDays(1));
        assertThat(ClockInput.step("+1d2h30m")).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(30));
        assertThat(ClockInput.step("+90M")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "+2", "+h", "+2x", "+30m2h", "+1d 2h", "+-2h", "+123456d"})
    void durationsThatAreNotDaysHoursMinutesAreRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ClockInput.step(text))
                .withMessageContaining("like +2h");
    }

    @Test
    void momentsAreReadInUtcUnlessAnOffsetOrZoneIsGiven() {
        assertThat(ClockInput.moment("2026-03-29T08:00")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00Z")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00+02:00")).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00-05:00")).isEqualTo(Instant.parse("2026-03-29T13:00:00Z"));
        assertThat(ClockInput.moment("2026-03-28T08:00 Europe/Berlin")).as("winter time, +01:00")
                .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00 Europe/Berlin")).as("summer time from that night, +02:00")
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00[Europe/Berlin]")).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29T08:00+02:00[Europe/Berlin]")).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(ClockInput.moment("2026-03-29")).isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomorrow", "2026-02-30T08:00", "2026-03-29T25:00", "2026-03-29T08:00 Mars/Olympus", "29.03.2026"})
    void unreadableMomentsAreRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> ClockInput.moment(text))
                .withMessageContaining("is not a time I can read");
    }
}
