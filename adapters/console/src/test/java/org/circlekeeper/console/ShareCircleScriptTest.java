package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/share-circle.txt} runs a whole basic share circle with five people through the console:
 * the opening, a check-in round with one pass, open sharing with raised and lowered hands and the chair
 * reordering the queue, a share without a name sent privately, a celebration round, the closing with the
 * next meeting, and the next chair asked in turn.
 */
class ShareCircleScriptTest {

    private final ConsoleFixture bot = new ConsoleFixture();
    private final ConsoleAdapter adapter = new ConsoleAdapter(bot.session);
    private List<String> out;

    @BeforeEach
    void runTheScript() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream script = Objects.requireNonNull(getClass().getResourceAsStream("/scripts/share-circle.txt"))) {
            adapter.runScripted(new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8)),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        // newer JDKs put a narrow no-break space before AM/PM in localized times
        out = bytes.toString(StandardCharsets.UTF_8).replace('\u202f', ' ').lines().toList();
    }

    @Test
    void theOpeningWelcomesEveryoneAndTheBoardShowsWhoArrived() {
        assertFollows("> olivia @ #circle-room: /share start basic",
                "[#circle-room] bot: Our circle is starting: Basic peer-support circle, with olivia chairing today.",
                "",
                "  Welcome",
                "  Thank you for coming. This is a space to share and to listen. Our agreements:",
                "  • We listen without interrupting, fixing or advising, unless someone asks.",
                "  • We speak from our own experience.",
                "  • Passing is always fine.",
                "  What is shared here stays here: please don't copy, forward or screenshot anyone's words.",
                "[#circle-room] bot: Here: olivia",
                "  [4] I'm here   [5] Next step");
        assertFollows("> dave @ #circle-room: :click 4",
                "[#circle-room → only dave] bot: Welcome, dave. You're in the circle. What's shared here stays here.",
                "[#circle-room] bot (edit): Here: olivia, alice, bob, carol, dave");
    }

    @Test
    void theCheckInRoundGoesAroundInJoinOrderAndBobPasses() {
        assertThat(out).containsSubsequence(
                "[#circle-room] bot: Check-in round",
                "[#circle-room] bot: The talking piece is with olivia. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 2 minutes each. When you've finished, press Done.",
                "  The talking piece is with alice. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 2 minutes each. When you've finished, press Done.",
                "> bob @ #circle-room: :click 29",
                "[#circle-room] bot: Thank you, bob. Passing is always fine.",
                "  The talking piece is with carol. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 2 minutes each. When you've finished, press Done.",
                "  The talking piece is with dave. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 2 minutes each. When you've finished, press Done.",
                "> dave @ #circle-room: /share done",
                "[#circle-room] bot: Thank you, dave.",
                "  Everyone has had a turn. Thank you all.",
                "  Open sharing");
    }

    @Test
    void handsGoUpAndDownAndTheChairReordersTheQueue() {
        assertThat(out).containsSubsequence(
                "> carol @ #circle-room: /share raise",
                "[#circle-room → only carol] bot: Your hand is up. You're number 2 in the queue. You can lower it anytime.",
                "  Waiting to share: 1. bob  2. carol",
                "> dave @ #circle-room: /share raise",
                "  Waiting to share: 1. bob  2. carol  3. dave",
                "> bob @ #circle-room: /share lower",
                "[#circle-room → only bob] bot: Your hand is down. That's completely fine.",
                "  Waiting to share: 1. carol  2. dave",
                "> carol @ #circle-room: /share place",
                "[#circle-room → only carol] bot: You're number 1 of 2 in the queue.",
                "> olivia @ #circle-room: /share move dave 1",
                "[#circle-room → only olivia] bot: Done: dave is now number 1 in the queue.",
                "  Waiting to share: 1. dave  2. carol");
        assertThat(out).containsSubsequence(
                "> alice @ #circle-room: :click 52",
                "[#circle-room] bot: Thank you, alice. The circle sends you: we're with you · thank you.",
                "  The talking piece is with dave. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 5 minutes each. When you've finished, press Done.",
                "> dave @ #circle-room: /share done",
                "[#circle-room] bot: Thank you, dave.",
                "  The talking piece is with carol. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 5 minutes each. When you've finished, press Done.");
    }

    @Test
    void badInputIsKindlyRefusedAndChangesNothing() {
        assertFollows("> olivia @ #circle-room: /share start",
                "[#circle-room → only olivia] bot: A circle is already running here (Basic peer-support circle, chaired by olivia). "
                        + "There's one circle per channel at a time, so nothing was changed. You can join it with /share join.");
        assertFollows("> bob @ #circle-room: /share done",
                "[#circle-room → only bob] bot: Only the person holding the talking piece can pass it on, and right now that's alice. "
                        + "Nothing was changed.",
                "> bob @ #circle-room: :as carol");
    }

    @Test
    void aShareWithoutANameWaitsForTheTurnsBeforeItAndNamesNobody() {
        assertFollows("> carol @ #circle-room: /share anon",
                "[#circle-room → only carol] bot: Write what you'd like to share and send it to me privately, as your next message. "
                        + "I'll post it in the circle without your name; if someone is sharing then, it waits in the queue until their "
                        + "turn ends. I never keep who wrote it, and the text only until it's posted. "
                        + "If you'd rather not, simply don't send anything.");
        String share = "It has been a hard week and I did not want to say it with my name. Thank you for listening.";
        assertFollows("> carol @ dm: " + share,
                "[dm carol] bot: Someone is sharing right now, so your words wait in the queue as “an anonymous share” (number 3), "
                        + "and I'll post them without your name when the turns before them end. Nobody, organisers included, "
                        + "can see who wrote them. Thank you for sharing.",
                "[#circle-room] bot (edit): The talking piece is with alice.",
                "  Waiting to share: 1. dave  2. carol  3. an anonymous share");
        // alice is not interrupted: the share is posted once dave and carol had their turns
        List<String> untilPosted = out.subList(out.indexOf("> carol @ dm: " + share), out.indexOf("  " + share));
        assertThat(untilPosted).contains("> dave @ #circle-room: /share done", "> carol @ #circle-room: :click 112");
        assertThat(out).containsSubsequence("> carol @ #circle-room: :click 112",
                "[#circle-room] bot: Thank you, carol.",
                "",
                "  Someone in the circle shares, without their name:",
                "",
                "  " + share);
        assertThat(out).filteredOn(line -> line.contains(share)).hasSize(2);
    }

    @Test
    void aTurnNearingItsTimeGetsAGentleNotice() {
        assertFollows("> carol @ #circle-room: :clock +4m",
                "(console) the time is now Fri 2026-11-27 09:04 UTC.",
                "[#circle-room] bot: alice, we're nearing the time for each share. No need to rush.");
    }

    @Test
    void theCelebrationRoundStartsOnePlaceFurtherAndTheClosingSaysWhenWeMeetNext() {
        assertThat(out).containsSubsequence(
                "> olivia @ #circle-room: :click 129",
                "[#circle-room] bot: Celebration round",
                "[#circle-room] bot: The talking piece is with alice. Share what's on your mind, or pass: passing is always fine. "
                        + "We have about 2 minutes each. When you've finished, press Done.");
        assertFollows("> olivia @ #circle-room: :click 156",
                "[#circle-room] bot: Thank you, olivia.",
                "",
                "  Everyone has had a turn. Thank you all.",
                "",
                "  Closing",
                "  A reading: We came as we are. We listened, and we were heard. What was shared stays here; what we learned goes with us.",
                "  Thank you all for being here and for holding this space together.",
                "  We meet next for Tuesday circle: Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin).",
                "[#circle-room] bot: alice, would you like to chair our next circle? It's completely fine to say not this time.",
                "  [162] Yes, I'll chair   [163] Not this time");
    }

    @Test
    void theNextChairIsAskedInTurnAndOnlyCountsRemain() {
        assertFollows("> alice @ #circle-room: :click 163",
                "[#circle-room] bot (edit): Thank you for letting us know, alice. No problem at all.",
                "",
                "  bob, would you like to chair our next circle? It's completely fine to say not this time.",
                "  [164] Yes, I'll chair   [165] Not this time");
        assertFollows("> bob @ #circle-room: :click 164",
                "[#circle-room] bot (edit): Thank you, bob! You'll chair our next circle here. When it's time, start it with /share start.");
        assertFollows("> olivia @ #circle-room: /share history",
                "[#circle-room → only olivia] bot: Recent circles (counts only: never names, never words)",
                "  • Nov 27, 2026: Basic peer-support circle, 4 min; 5 joined, 12 shared, 1 passed, 1 without a name",
                "> olivia @ #circle-room: /share status",
                "[#circle-room → only olivia] bot: There's no share circle running here right now. Nothing was changed.");
    }

    /** Asserts that these lines come right after the given line, in order and with nothing between. */
    private void assertFollows(String line, String... following) {
        int index = out.indexOf(line);
        assertThat(index).as("line '%s' in the transcript", line).isNotNegative();
        assertThat(out.subList(index + 1, Math.min(out.size(), index + 1 + following.length))).containsExactly(following);
    }
}
