package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.junit.jupiter.api.Test;

/**
 * The engine answers which community is a member's home (the group their private chat settles to), so that an
 * adapter asks it instead of reading the member settings store: none before they use a feature in a group, the
 * last group they used one in after, none again once they are forgotten; asking stores nothing.
 */
class EngineHomeTest {

    private final BotTester bot = new BotTester();
    private final InMemoryMemberSettingsStore members = (InMemoryMemberSettingsStore) bot.stores().memberSettings();

    @Test
    void aMemberWhoNeverUsedAFeatureInAGroupHasNoHomeAndAskingStoresNothing() {
        MemberRef lurker = bot.as("lurker").member();
        bot.as("lurker").inGroup().send("just reading along");

        assertThat(bot.engine().homeOf(lurker)).isEmpty();
        assertThat(members.size()).isZero();
    }

    @Test
    void theHomeIsTheLastGroupTheMemberUsedAFeatureIn() {
        MemberRef bea = bot.as("bea").member();
        bot.as("bea").inGroup().send("/help");
        assertThat(bot.engine().homeOf(bea)).contains(BotTester.COMMUNITY);

        bot.as("bea").inGroupOf("tuesday").send("/help");
        assertThat(bot.engine().homeOf(bea)).contains(new CommunityRef(Platform.CONSOLE, "tuesday"));

        bot.as("bea").inDirect().send("/help");
        assertThat(bot.engine().homeOf(bea)).as("a private chat moves no home").contains(new CommunityRef(Platform.CONSOLE, "tuesday"));
    }

    @Test
    void aForgottenMemberHasNoHome() {
        MemberRef alice = bot.as("alice").member();
        bot.as("alice").inGroup().send("/timezone Europe/Berlin");
        bot.as("alice").inDirect().send("/forgetme").press("Yes, erase everything");

        assertThat(bot.engine().homeOf(alice)).isEmpty();
    }

    @Test
    void theHomeIsWhereTheMembersPrivateChatSettles() {
        InMemoryMemberSettingsStore store = new InMemoryMemberSettingsStore();
        SettingsPreferences preferences = new SettingsPreferences(store, new InMemoryCommunitySettingsStore(), Locale.ENGLISH,
                ZoneId.of("UTC"));
        MemberRef member = new MemberRef(Platform.TELEGRAM, "101", "Mia");
        preferences.remember(new Context(member, new ChannelRef(Platform.TELEGRAM, "-1001",
                ChannelRef.Kind.GROUP), new CommunityRef(Platform.TELEGRAM, "-1001"), Role.MEMBER, null));
        Context direct = new Context(member, new ChannelRef(Platform.TELEGRAM, "101",
                ChannelRef.Kind.DIRECT), CommunityRef.unresolved(Platform.TELEGRAM), Role.MEMBER, null);

        assertThat(preferences.home(member)).contains(new CommunityRef(Platform.TELEGRAM, "-1001"))
                .contains(preferences.settle(direct).context().community());
    }
}
