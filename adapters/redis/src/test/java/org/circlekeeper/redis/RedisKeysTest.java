package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

class RedisKeysTest {

    private static MemberRef member(Platform platform, String userId) {
        return new MemberRef(platform, userId, null);
    }

    @Test
    void keysFollowTheDocumentedSchema() {
        assertThat(RedisKeys.memberSettings(member(Platform.TELEGRAM, "4711")))
                .isEqualTo("ck:m:{telegram:4711}:settings");
        CommunityRef group = new CommunityRef(Platform.DISCORD, "123456789");
        assertThat(RedisKeys.communitySettings(group)).isEqualTo("ck:c:{discord:123456789}:settings");
        assertThat(RedisKeys.wording(group, Locale.forLanguageTag("es"))).isEqualTo("ck:c:{discord:123456789}:wording:es");
        assertThat(RedisKeys.wording(group, Locale.forLanguageTag("es-MX")))
                .isEqualTo("ck:c:{discord:123456789}:wording:es");
        assertThatThrownBy(() -> RedisKeys.wording(group, Locale.ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RedisKeys.token("AbC_-9")).isEqualTo("ck:token:AbC_-9");
    }

    @Test
    void resourceKeysShareTheirCommunitysOrMembersHashTag() {
        CommunityRef group = new CommunityRef(Platform.TELEGRAM, "-1001");
        assertThat(List.of(RedisKeys.resourceEntries(group), RedisKeys.resourceHidden(group),
                RedisKeys.resourceVersion(group), RedisKeys.resourceReports(group), RedisKeys.safety(group)))
                .containsExactly("ck:c:{telegram:-1001}:res:entries", "ck:c:{telegram:-1001}:res:hidden",
                        "ck:c:{telegram:-1001}:res:version", "ck:c:{telegram:-1001}:res:reports",
                        "ck:c:{telegram:-1001}:res:safety");
        assertThat(RedisKeys.safetyCooldowns(member(Platform.TELEGRAM, "a:b")))
                .isEqualTo("ck:m:{telegram:a%3Ab}:res:cooldown");
    }

    @Test
    void separatorsAndBracesInIdsAreEscapedSoTheyCannotReachIntoAnotherKey() {
        MemberRef sneaky = member(Platform.CONSOLE, "1}:settings:x{");
        String key = RedisKeys.memberSettings(sneaky);

        assertThat(key).isEqualTo("ck:m:{console:1%7D%3Asettings%3Ax%7B}:settings");
        // the cluster hash tag (between the first '{' and the next '}') is exactly the member
        assertThat(key.substring(key.indexOf('{') + 1, key.indexOf('}'))).isEqualTo("console:1%7D%3Asettings%3Ax%7B");
        assertThat(RedisIds.memberId(sneaky)).isEqualTo("console:1%7D%3Asettings%3Ax%7B");
    }

    @Test
    void theEscapingIsOneToOneEvenForIdsThatLookEscaped() {
        List<String> ids = List.of("a:b", "a%3Ab", "a%253Ab", "a", "a:", ":a", "a::b", "a:b:c", "{a}", "a}", "%",
                "%25", "ü", "%C3%BC", "a b", "a+b", "a/b", "A:B");
        Set<String> keys = new HashSet<>();
        for (String id : ids) {
            keys.add(RedisKeys.memberSettings(member(Platform.TELEGRAM, id)));
            keys.add(RedisKeys.memberSettings(member(Platform.DISCORD, id)));
        }
        assertThat(keys).hasSize(ids.size() * 2);
        assertThat(RedisIds.escape("a%3Ab")).isEqualTo("a%253Ab");
        assertThat(RedisIds.escape("ü")).isEqualTo("%C3%BC");
    }

    @Test
    void aMemberAndACommunityWithTheSameIdNeverShareAKey() {
        assertThat(RedisKeys.memberSettings(member(Platform.TELEGRAM, "42")))
                .isNotEqualTo(RedisKeys.communitySettings(new CommunityRef(Platform.TELEGRAM, "42")));
    }

    @Test
    void onlyTokenShapedTextMakesATokenKey() {
        assertThat(RedisIds.isToken("abc-DEF_123")).isTrue();
        assertThat(RedisIds.isToken("")).isFalse();
        assertThat(RedisIds.isToken(null)).isFalse();
        assertThat(RedisIds.isToken("a:b")).isFalse();
        assertThat(RedisIds.isToken("*")).isFalse();
        assertThat(RedisIds.isToken("x".repeat(65))).isFalse();
        assertThatThrownBy(() -> RedisKeys.token("ck:m:{telegram:1}:settings"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
