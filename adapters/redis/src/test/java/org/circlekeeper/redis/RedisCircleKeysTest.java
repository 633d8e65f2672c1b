package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/** The keys of the circles feature, and the ids kept inside values and indexes, read back exactly. */
class RedisCircleKeysTest {

    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "4711", "Alice");
    private static final OccurrenceRef MEETING = new OccurrenceRef("tuesday", LocalDateTime.parse("2027-03-02T19:00"));

    @Test
    void keysFollowTheDocumentedSchema() {
        assertThat(RedisKeys.circles(GROUP)).isEqualTo("ck:c:{telegram:-1001}:circles");
        assertThat(RedisKeys.circleSettings(GROUP)).isEqualTo("ck:c:{telegram:-1001}:circles:settings");
        assertThat(RedisKeys.rsvps(GROUP, MEETING)).isEqualTo("ck:c:{telegram:-1001}:rsvp:tuesday:20270302T1900");
        assertThat(RedisKeys.memberRsvps(ALICE)).isEqualTo("ck:m:{telegram:4711}:rsvps");
        assertThat(RedisIds.rsvpEntry(GROUP, MEETING)).isEqualTo("telegram:-1001/tuesday/20270302T1900");
        assertThat(RedisKeys.reminderChoices(GROUP)).isEqualTo("ck:c:{telegram:-1001}:reminders");
        assertThat(RedisKeys.memberReminderChoices(ALICE)).isEqualTo("ck:m:{telegram:4711}:reminders");
        assertThat(RedisKeys.feedToken(GROUP)).isEqualTo("ck:c:{telegram:-1001}:feed");
        assertThat(RedisKeys.feed("AbC_-9")).isEqualTo("ck:feed:AbC_-9");
        assertThat(RedisIds.communityId(GROUP)).isEqualTo("telegram:-1001");
    }

    @Test
    void aFeedKeyIsMadeOnlyFromSomethingThatLooksLikeAToken() {
        for (String notAToken : new String[] {null, "", "a:b", "a}b", "../x", "x".repeat(65)}) {
            assertThatThrownBy(() -> RedisKeys.feed(notAToken)).as("'%s'", notAToken).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void idsWithSeparatorsComeBackAsTheyWere() {
        for (String id : List.of("a:b", "a/b", "a%3Ab", "{x}", "ü", "a b", "%", "-1001", "~direct")) {
            CommunityRef community = new CommunityRef(Platform.DISCORD, id);
            MemberRef member = new MemberRef(Platform.CONSOLE, id, null);

            assertThat(RedisIds.parseCommunityId(RedisIds.communityId(community))).isEqualTo(community);
            assertThat(RedisIds.parseMemberId(RedisIds.memberId(member))).isEqualTo(member);
            assertThat(RedisIds.parseRsvpEntry(RedisIds.rsvpEntry(community, MEETING))).isEqualTo(Map.entry(community, MEETING));
            assertThat(RedisIds.unescape(RedisIds.escape(id))).isEqualTo(id);
        }
        String key = RedisKeys.rsvps(new CommunityRef(Platform.DISCORD, "1}:rsvp"), MEETING);
        assertThat(key.substring(key.indexOf('{') + 1, key.indexOf('}'))).isEqualTo("discord:1%7D%3Arsvp");
    }

    @Test
    void whatEscapingCannotHaveWrittenIsRefused() {
        for (String text : List.of("a:b", "a%", "a%3", "a%zz", "a%3a", "%C3", "a/b", "a b")) {
            assertThatThrownBy(() -> RedisIds.unescape(text)).as("'%s'", text).isInstanceOf(IllegalArgumentException.class);
        }
        for (String id : List.of("", "telegram", "mastodon:1", "telegram:", "telegram:a%zz")) {
            assertThatThrownBy(() -> RedisIds.parseCommunityId(id)).as("'%s'", id).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> RedisIds.parseMemberId(id)).as("'%s'", id).isInstanceOf(IllegalArgumentException.class);
        }
        for (String entry : List.of("telegram:-1001/tuesday", "telegram:-1001/tuesday/20270302", "telegram:-1001/a/b/c",
                "telegram:-1001//20270302T1900", "nowhere/tuesday/20270302T1900")) {
            assertThatThrownBy(() -> RedisIds.parseRsvpEntry(entry)).as("'%s'", entry).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
