package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.circlekeeper.core.community.SettingsPreferences;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryCommunitySettingsStore;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.junit.jupiter.api.Test;

/**
 * The bot stores nothing about a person until they use a feature: a lurker's group messages, a crisis phrase
 * the safety check answers, and a member's messages or privacy commands after /forgetme leave no record. Using a
 * feature in a group still makes private chats know that group.
 */
class NothingStoredForLurkersTest {

    private final BotTester bot = new BotTester();
    private final InMemoryMemberSettingsStore members = (InMemoryMemberSettingsStore) bot.stores().memberSettings();

    @Test
    void aLurkersPlainGroupMessagesStoreNoSettings() {
        bot.asOrganiser("olivia").inGroup().send("/safety on");
        int before = members.size();
        Talk lurker = bot.as("lurker").inGroup();
        lurker.send("hello everyone, just reading along");
        lurker.send("thanks, that helped");
        assertThat(members.get(bot.as("lurker").member()).isEmpty()).isTrue();
        assertThat(members.size()).isEqualTo(before);
        assertThat(bot.as("lurker").inDirect().send("/mydata").text()).contains("I keep nothing about you");
    }

    @Test
    void afterForgetmeMessagesAndPrivacyCommandsInTheGroupStoreNothingAgain() {
        Talk alice = bot.as("alice").inGroup();
        alice.send("/timezone Europe/Berlin");
        assertThat(members.get(bot.as("alice").member()).communitySetting()).as("she used a feature in the group").contains("circle");
        bot.as("alice").inDirect().send("/forgetme").press("Yes, erase everything");
        assertThat(members.get(bot.as("alice").member()).isEmpty()).isTrue();

        alice.send("I'm back, just chatting");
        alice.send("/mydata");
        alice.send("/forgetme").press("No, keep it");
        assertThat(members.get(bot.as("alice").member()).isEmpty()).isTrue();
        assertThat(members.size()).isZero();
        assertThat(bot.as("alice").inDirect().send("/mydata").text()).contains("I keep nothing about you");
    }

    @Test
    void usingAFeatureInAGroupLetsPrivateChatsKnowTheGroup() {
        bot.as("bea").inGroup().send("/help");
        assertThat(members.get(bot.as("bea").member()).communitySetting()).contains("circle");
        assertThat(members.get(bot.as("bea").member()).zoneSetting()).isEmpty();
    }

    @Test
    void settlingAGroupContextReadsAndNeverWrites() {
        InMemoryMemberSettingsStore store = new InMemoryMemberSettingsStore();
        SettingsPreferences preferences = new SettingsPreferences(store, new InMemoryCommunitySettingsStore(), Locale.ENGLISH,
                ZoneId.of("UTC"));
        MemberRef member = new MemberRef(Platform.CONSOLE, "lurker", null);
        Context inGroup = new Context(member, new ChannelRef(Platform.CONSOLE, "#room", ChannelRef.Kind.GROUP),
                new CommunityRef(Platform.CONSOLE, "circle"), Role.MEMBER, null);
        preferences.settle(inGroup);
        assertThat(store.size()).isZero();

        preferences.remember(inGroup);
        assertThat(store.get(member).communitySetting()).contains("circle");
        Context inDirect = new Context(member, new ChannelRef(Platform.CONSOLE, "dm:lurker", ChannelRef.Kind.DIRECT),
                CommunityRef.unresolved(Platform.CONSOLE), Role.MEMBER, null);
        assertThat(preferences.settle(inDirect).context().community().communityId()).isEqualTo("circle");
    }
}
