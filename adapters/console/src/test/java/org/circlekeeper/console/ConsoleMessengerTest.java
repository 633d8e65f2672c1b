package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Markup;
import org.junit.jupiter.api.Test;

class ConsoleMessengerTest {

    private static final ChannelRef ROOM = new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP);
    private static final MemberRef ALICE = new MemberRef(Platform.CONSOLE, "alice", "Alice");

    private final ConsoleMessenger messenger = new ConsoleMessenger();

    @Test
    void printsAChannelMessageWithIndentedLinesAndNumberedButtons() {
        OutgoingMessage reminder = OutgoingMessage.text("*Reminder:* the circle starts at 19:00.\nWill you come?")
                .button("I'll be there", "circle.rsvp:yes").button("Not this time", "circle.rsvp:no")
                .row().button("Stop these reminders", "circle.mute:1")
                .build();

        SentMessage sent = messenger.send(new Target.Channel(ROOM), reminder);

        assertThat(messenger.platform()).isEqualTo(Platform.CONSOLE);
        assertThat(sent.target()).isEqualTo(new Target.Channel(ROOM));
        assertThat(messenger.drain()).containsExactly(
                "[#circle-room] bot: Reminder: the circle starts at 19:00.",
                "  Will you come?",
                "  [1] I'll be there   [2] Not this time",
                "  [3] Stop these reminders");
        assertThat(messenger.drain()).as("drained once").isEmpty();
    }

    @Test
    void printsAMomentAsItsFallbackTextInTheReadersZone() {
        String start = Markup.time(Instant.parse("2026-12-01T18:00:00Z"), Markup.TimeStyle.FULL,
                "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)").toString();

        messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("*Reminder:* " + start).build());

        assertThat(messenger.drain()).containsExactly("[#circle-room] bot: Reminder: Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)");
    }

    @Test
    void printsAMembersMessageInTheirDirectChatAndGivesIncreasingIds() {
        SentMessage first = messenger.send(new Target.Member(ALICE), OutgoingMessage.text("Your check-in is due.").build());
        SentMessage second = messenger.send(new Target.Channel(new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT)),
                OutgoingMessage.text("Still there?").build());

        assertThat(messenger.drain()).containsExactly(
                "[dm alice] bot: Your check-in is due.",
                "[dm alice] bot: Still there?");
        assertThat(Long.parseLong(second.messageId())).isGreaterThan(Long.parseLong(first.messageId()));
    }

    @Test
    void editPrintsTheReplacementInTheOriginalPlaceWithNewButtonNumbers() {
        SentMessage queue = messenger.send(new Target.Channel(ROOM),
                OutgoingMessage.text("Speaking queue: empty").button("Raise hand", "share.raise:1").build());
        messenger.drain();

        messenger.edit(queue, OutgoingMessage.text("Speaking queue: alice").button("Lower hand", "share.lower:1").build());

        assertThat(messenger.drain()).containsExactly(
                "[#circle-room] bot (edit): Speaking queue: alice",
                "  [2] Lower hand");
    }

    @Test
    void refusesToEditAMessageItNeverShowedOrToDeliverToAnotherPlatform() {
        assertThatThrownBy(() -> messenger.edit(new SentMessage(new Target.Channel(ROOM), "99"), OutgoingMessage.text("x").build()))
                .isInstanceOfSatisfying(Messenger.DeliveryFailed.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("99");
        ChannelRef telegram = new ChannelRef(Platform.TELEGRAM, "-100123", ChannelRef.Kind.GROUP);
        assertThatThrownBy(() -> messenger.send(new Target.Channel(telegram), OutgoingMessage.text("x").build()))
                .isInstanceOf(Messenger.DeliveryFailed.class)
                .hasMessageContaining("telegram");
        assertThat(messenger.drain()).isEmpty();
    }

    @Test
    void printsAFileAndTheContentOfTextFiles() {
        byte[] ics = "BEGIN:VCALENDAR\nSUMMARY:Circle\nEND:VCALENDAR\n".getBytes(StandardCharsets.UTF_8);
        messenger.send(new Target.Member(ALICE), OutgoingMessage.text("Your circle, for your calendar:")
                .attachment(new Attachment("circle.ics", "text/calendar", ics)).build());
        messenger.send(new Target.Member(ALICE), OutgoingMessage.text("Your week:")
                .attachment(new Attachment("week.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'})).build());

        assertThat(messenger.drain()).containsExactly(
                "[dm alice] bot: Your circle, for your calendar:",
                "  (file circle.ics, text/calendar, " + ics.length + " bytes)",
                "    BEGIN:VCALENDAR",
                "    SUMMARY:Circle",
                "    END:VCALENDAR",
                "[dm alice] bot: Your week:",
                "  (file week.png, image/png, 4 bytes)");
    }

    @Test
    void rendersBoldWithAnsiWhenAskedAndPlainOtherwise() {
        messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("*Welcome*, \\*not bold\\*").build());
        messenger.rendering(ConsoleMessenger.Rendering.ANSI);
        messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("*Welcome*, \\*not bold\\*").build());

        List<String> lines = messenger.drain();

        assertThat(lines.get(0)).isEqualTo("[#circle-room] bot: Welcome, *not bold*");
        assertThat(lines.get(1)).startsWith("[#circle-room] bot: \u001b[1mWelcome").contains(", *not bold*");
    }

    @Test
    void tellsListenersWhenLinesWait() {
        AtomicInteger told = new AtomicInteger();
        messenger.onOutput(told::incrementAndGet);

        SentMessage sent = messenger.send(new Target.Member(ALICE), OutgoingMessage.text("one").build());
        messenger.edit(sent, OutgoingMessage.text("two").build());

        assertThat(told).hasValue(2);
    }

    @Test
    void keepsIdsButtonNumbersAndMessagesWholeWhenManyThreadsSend() throws Exception {
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<SentMessage>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<SentMessage> sent = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        sent.add(messenger.send(new Target.Channel(ROOM), OutgoingMessage.text("from " + thread + "\nline two")
                                .button("a", "x.a:1").button("b", "x.b:1").build()));
                    }
                    return sent;
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<List<SentMessage>> result : results) {
                result.get(30, TimeUnit.SECONDS).forEach(s -> ids.add(s.messageId()));
            }
            assertThat(ids).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = messenger.drain();
        assertThat(lines).hasSize(threads * perThread * 3);
        List<Integer> numbers = new ArrayList<>();
        Pattern buttons = Pattern.compile("  \\[(\\d+)] a   \\[(\\d+)] b");
        for (int i = 0; i < lines.size(); i += 3) {
            assertThat(lines.get(i)).startsWith("[#circle-room] bot: from ");
            assertThat(lines.get(i + 1)).isEqualTo("  line two");
            Matcher m = buttons.matcher(lines.get(i + 2));
            assertThat(m.matches()).as(lines.get(i + 2)).isTrue();
            numbers.add(Integer.parseInt(m.group(1)));
            numbers.add(Integer.parseInt(m.group(2)));
        }
        assertThat(numbers).as("printed in the order they were numbered, none twice")
                .isSorted().doesNotHaveDuplicates().hasSize(threads * perThread * 2);
    }
}
