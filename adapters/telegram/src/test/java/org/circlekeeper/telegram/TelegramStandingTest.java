package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

/**
 * What a ChatMember (Bot API, "ChatMember", as TelegramBots reads it) means to the core: the bot's own standing
 * ({@code my_chat_member}) and a person's ({@code chat_member}).
 */
class TelegramStandingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");

    private static ChatMember member(String status, long userId, boolean bot, String extra) throws Exception {
        return JSON.readValue("{\"status\":\"" + status + "\",\"user\":{\"id\":" + userId + ",\"is_bot\":" + bot
                + ",\"first_name\":\"Someone\"}" + extra + "}", ChatMember.class);
    }

    private static String restricted(boolean member) {
        return ",\"is_member\":" + member + ",\"can_send_messages\":false,\"can_send_audios\":false,\"can_send_documents\":false,"
                + "\"can_send_photos\":false,\"can_send_videos\":false,\"can_send_video_notes\":false,\"can_send_voice_notes\":false,"
                + "\"can_send_polls\":false,\"can_send_other_messages\":false,\"can_add_web_page_previews\":false,"
                + "\"can_change_info\":false,\"can_invite_users\":false,\"can_pin_messages\":false,\"can_manage_topics\":false,"
                + "\"until_date\":0";
    }

    @Test
    void theBotLeftKickedOrRestrictedOutOfTheGroupIsRemoved() throws Exception {
        MembershipEvent removed = new MembershipEvent.BotRemoved(GROUP);
        assertThat(TelegramUpdates.botStanding(GROUP, member("left", 999, true, ""))).contains(removed);
        assertThat(TelegramUpdates.botStanding(GROUP, member("kicked", 999, true, ",\"until_date\":0"))).contains(removed);
        assertThat(TelegramUpdates.botStanding(GROUP, member("restricted", 999, true, restricted(false)))).contains(removed);
    }

    @Test
    void theBotAMemberAnAdministratorOrMutedButStillInTheGroupIsPresent() throws Exception {
        MembershipEvent present = new MembershipEvent.BotPresent(GROUP);
        assertThat(TelegramUpdates.botStanding(GROUP, member("member", 999, true, ""))).contains(present);
        assertThat(TelegramUpdates.botStanding(GROUP, member("restricted", 999, true, restricted(true)))).contains(present);
        assertThat(TelegramUpdates.botStanding(GROUP, null)).isEmpty();
    }

    @Test
    void aPersonGoneIsMemberLeftButAPersonStillThereOrABotIsNothing() throws Exception {
        MemberRef mia = new MemberRef(Platform.TELEGRAM, "101", "Someone");
        assertThat(TelegramUpdates.memberLeft(GROUP, member("left", 101, false, "")))
                .contains(new MembershipEvent.MemberLeft(GROUP, mia));
        assertThat(TelegramUpdates.memberLeft(GROUP, member("kicked", 101, false, ",\"until_date\":0")))
                .contains(new MembershipEvent.MemberLeft(GROUP, mia));
        assertThat(TelegramUpdates.memberLeft(GROUP, member("restricted", 101, false, restricted(false))))
                .contains(new MembershipEvent.MemberLeft(GROUP, mia));
        assertThat(TelegramUpdates.memberLeft(GROUP, member("restricted", 101, false, restricted(true)))).isEmpty();
        assertThat(TelegramUpdates.memberLeft(GROUP, member("member", 101, false, ""))).isEmpty();
        assertThat(TelegramUpdates.memberLeft(GROUP, member("left", 555, true, ""))).as("another bot").isEqualTo(Optional.empty());
    }
}
