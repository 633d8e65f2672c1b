package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.circlekeeper.core.ref.ChannelRef;
import org.junit.jupiter.api.Test;

class TelegramChatTest {

    @Test
    void aTopicIsTheChatAndItsThreadAndAnIdStoredBeforeTopicsIsTheChat() {
        TelegramChat topic = TelegramChat.parse("-1001234567890/42");
        assertThat(topic).isEqualTo(new TelegramChat(-1_001_234_567_890L, 42));
        assertThat(topic.inTopic()).isTrue();
        assertThat(topic.channelId()).isEqualTo("-1001234567890/42");
        assertThat(topic.chat()).isEqualTo(TelegramChat.of(-1_001_234_567_890L));
        assertThat(topic.channel(ChannelRef.Kind.GROUP).channelId()).isEqualTo("-1001234567890/42");

        TelegramChat before = TelegramChat.parse("-1001234567890");
        assertThat(before.inTopic()).isFalse();
        assertThat(before.threadId()).isNull();
        assertThat(before.channelId()).isEqualTo("-1001234567890");
        assertThat(TelegramChat.parse("101")).isEqualTo(TelegramChat.of(101));
    }

    @Test
    void generalIsTheChatItselfNeverAThread() {
        assertThat(TelegramChat.of(-1001, 1)).isEqualTo(TelegramChat.of(-1001));
        assertThat(TelegramChat.of(-1001, null)).isEqualTo(TelegramChat.of(-1001));
        assertThatThrownBy(() -> TelegramChat.parse("-1001/1")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> new TelegramChat(-1001, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatIsNoTelegramPlaceIsRefused() {
        for (String id : new String[] {"", "abc", "-1001/", "/42", "-1001/x", "-1001/42/7", "dm:101"}) {
            assertThatThrownBy(() -> TelegramChat.parse(id)).as(id).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aTopicsLinkOpensItForTheGroupsMembers() {
        assertThat(TelegramChat.parse("-1001234567890/42").link()).isEqualTo("https://t.me/c/1234567890/42");
        assertThat(TelegramChat.parse("-1234/42").link()).isEqualTo("#42");
    }

    @Test
    void aButtonsAnswerKeepsToTwoHundredCharactersWithoutSplittingACharacter() {
        assertThat(TelegramUpdates.atMost200("short")).isEqualTo("short");
        String emoji = "a".repeat(198) + "😀" + "b".repeat(10);
        assertThat(TelegramUpdates.atMost200(emoji)).isEqualTo("a".repeat(198) + "…");
        assertThat(TelegramUpdates.atMost200("c".repeat(250))).hasSize(200).endsWith("…");
    }
}
