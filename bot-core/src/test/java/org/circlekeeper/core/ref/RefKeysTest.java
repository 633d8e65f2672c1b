package org.circlekeeper.core.ref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A stored key reads back as the ref it was made from, in the one place that parses keys (once a copy each in the
 * circles and check-in features): the id after the first colon is kept whole, colons and all.
 */
class RefKeysTest {

    @Test
    void aMembersKeyReadsBackAsTheSameMemberNamedByTheirIdOrTheNameKept() {
        MemberRef alice = new MemberRef(Platform.TELEGRAM, "4711", "Alice");

        assertThat(MemberRef.fromKey(alice.key())).isEqualTo(new MemberRef(Platform.TELEGRAM, "4711", "4711"));
        assertThat(MemberRef.fromKey(alice.key()).sameMember(alice)).isTrue();
        assertThat(MemberRef.fromKey(alice.key(), "Alice")).isEqualTo(alice);
        assertThat(MemberRef.fromKey("discord:a:b}")).isEqualTo(new MemberRef(Platform.DISCORD, "a:b}", null));
    }

    @Test
    void aCommunitysKeyReadsBackAsTheSameCommunity() {
        for (CommunityRef community : new CommunityRef[] {new CommunityRef(Platform.TELEGRAM, "-1001234567890"),
                new CommunityRef(Platform.DISCORD, "42"), new CommunityRef(Platform.CONSOLE, "local:room")}) {
            assertThat(CommunityRef.fromKey(community.key())).isEqualTo(community);
        }
    }

    @Test
    void aPlatformsIdReadsBackInAnyCaseAndAnUnknownOneIsRefused() {
        for (Platform platform : Platform.values()) {
            assertThat(Platform.fromId(platform.id())).isSameAs(platform);
        }
        assertThat(Platform.fromId("Discord")).isSameAs(Platform.DISCORD);
        assertThatThrownBy(() -> Platform.fromId("matrix")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberRef.fromKey("matrix:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommunityRef.fromKey("telegram:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemberRef.fromKey("no colon")).isInstanceOf(RuntimeException.class);
    }
}
