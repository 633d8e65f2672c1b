package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** Every stored value of the share circle comes back from JSON as it was written. */
class ShareCodecTest {

    private static final Instant T = Instant.parse("2026-11-27T09:00:00.123456789Z");

    @Test
    void aLiveCircleWithEveryFieldSurvivesTheRoundTrip() {
        Person olivia = new Person("discord:1", "Olivia 🌿");
        Person alice = new Person("discord:2", "alice \"a\" <b>");
        Person waiting = Person.waitingShare("16");
        ShareSession circle = new ShareSession("k3x9a0", 17, "basic", 2, olivia, List.of(olivia, alice), List.of(alice, waiting), olivia,
                9, 1, 2, T, T.plusSeconds(60), T.plusSeconds(90), T.plusSeconds(120), true, 5, 1, "msg-42",
                new ShareSession.Counts(3, 3, 1, 1), Map.of(waiting.key(), "words \"without\" a name"), List.of("discord:3"));
        assertThat(ShareCodec.readLive(ShareCodec.write(circle))).isEqualTo(circle);
        assertThat(ShareCodec.readLive(ShareCodec.write(circle)).queue().get(1).anonymousShare()).isTrue();
        assertThat(ShareCodec.write(circle)).as("only the record's own fields are written").doesNotContain("anonymousShare");
        String older = ShareCodec.write(circle).replaceAll(",\"waiting\":\\{[^}]*\\}", "");
        assertThat(older).doesNotContain("waiting");
        assertThat(ShareCodec.readLive(older).waiting()).as("a circle stored before shares could wait").isEmpty();
        String beforeLeft = ShareCodec.write(circle).replaceAll(",\"left\":\\[[^]]*\\]", "");
        assertThat(beforeLeft).doesNotContain("\"left\"");
        assertThat(ShareCodec.readLive(beforeLeft).left()).as("a circle stored before it kept who left").isEmpty();

        ShareSession fresh = Rules.open("m", ShareFormats.shipped().standard(), olivia, T).next();
        assertThat(ShareCodec.readLive(ShareCodec.write(fresh))).isEqualTo(fresh);
        assertThat(ShareCodec.readLive(ShareCodec.write(fresh).replaceFirst("\\{", "{\"fromANewerReplica\":1,"))).isEqualTo(fresh);
    }

    @Test
    void rotationsVolunteersAndSummariesSurviveTheRoundTrip() {
        ChairRotation rotation = new ChairRotation(3, 2, new Person("telegram:7", "bob"), List.of("telegram:8"), null);
        assertThat(ShareCodec.readRotation(ShareCodec.write(rotation))).isEqualTo(rotation);
        Volunteer volunteer = new Volunteer(new Person("telegram:7", "bob"), T, null);
        assertThat(ShareCodec.readVolunteer(ShareCodec.write(volunteer))).isEqualTo(volunteer);
        SessionSummary summary = new SessionSummary("checkin", T, T.plusSeconds(900), 5, 4, 1, 0);
        assertThat(ShareCodec.readSummary(ShareCodec.write(summary))).isEqualTo(summary);
    }

    @Test
    void aRoomIsOneLineAndBack() {
        ShareRoom room = new ShareRoom(new CommunityRef(Platform.TELEGRAM, "-100 12"), new ChannelRef(Platform.TELEGRAM, "a b/c%", ChannelRef.Kind.GROUP));
        assertThat(room.token()).doesNotContain("\n").hasToString("telegram -100+12 a+b%2Fc%25");
        assertThat(ShareRoom.parse(room.token())).contains(room);
        assertThat(ShareRoom.parse("nonsense")).isEmpty();
        assertThat(ShareRoom.parse("fax a b")).isEmpty();
    }
}
