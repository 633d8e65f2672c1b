package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.telegram.TelegramFixture.GROUP;
import static org.circlekeeper.telegram.TelegramFixture.MIA;
import static org.circlekeeper.telegram.TelegramFixture.person;
import static org.circlekeeper.telegram.TelegramFixture.text;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Whose unreachable mark an update's claim clears: only a person's own message in their private chat with the bot. */
class TelegramWrotePrivatelyTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectNode MIA_USER = person(MIA, "Mia", "en");

    @Test
    void aPrivateMessageNamesItsWriter() throws Exception {
        assertThat(UpdateClaims.wrotePrivately(update(text(MIA_USER, MIA, "hello"))))
                .contains(new MemberRef(Platform.TELEGRAM, Long.toString(MIA), "Mia"));
    }

    @Test
    void aGroupMessageOrAPressNamesNobody() throws Exception {
        assertThat(UpdateClaims.wrotePrivately(update(text(MIA_USER, GROUP, "/help")))).isEmpty();
        assertThat(UpdateClaims.wrotePrivately(update(TelegramFixture.press(MIA_USER, MIA, 7, "x")))).isEmpty();
    }

    @Test
    void anotherBotNamesNobody() throws Exception {
        ObjectNode bot = FakeBotApi.user(555, "Other", "other_bot", true);
        assertThat(UpdateClaims.wrotePrivately(update(text(bot, MIA, "hello")))).isEmpty();
    }

    private static Update update(ObjectNode json) throws Exception {
        return JSON.treeToValue(json.put("update_id", 1), Update.class);
    }
}
