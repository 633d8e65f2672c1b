package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * {@link Engine#answer}: a form (the organisers' page) learns which option a command refused, so that it can show the
 * refusal beside that field; a command that passed, or a refusal of the whole command, names none.
 */
class AnswerTest {

    private final BotTester bot = new BotTester();
    private final Context olivia = bot.asOrganiser("olivia").inGroup().context();

    private Engine.Answer send(String command, String subcommand, Map<String, String> options) {
        return bot.engine().answer(new Inbound.CommandInvoked(olivia, command, new Arguments.Named(subcommand, options)));
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        Engine.Answer answer = send("circle", "create", Map.of("when", "every tuesday 19:00"));
        assertThat(answer.refusedOption()).contains("name");
        assertThat(answer.replies()).hasSize(1);
        assertThat(bot.stores().circles().circles().all(BotTester.COMMUNITY)).isEmpty();
    }

    @Test
    void aTooLongValueAndAnUnknownChoiceAreNamed() {
        assertThat(send("circle", "create", Map.of("name", "x".repeat(500), "when", "every tuesday 19:00")).refusedOption())
                .contains("name");
        send("circle", "create", Map.of("name", "Tuesday circle", "when", "every tuesday 19:00"));
        assertThat(send("circle", "edit", Map.of("id", "tuesday-circle", "field", "colour", "value", "red")).refusedOption())
                .contains("field");
    }

    @Test
    void aCommandThatPassesOrIsRefusedAsAWholeNamesNoOption() {
        Engine.Answer created = send("circle", "create", Map.of("name", "Tuesday circle", "when", "every tuesday 19:00"));
        assertThat(created.refusedOption()).isEmpty();
        assertThat(created.replies()).isNotEmpty();
        assertThat(send("circle", "dance", Map.of()).refusedOption()).as("an unknown subcommand").isEmpty();
        Context member = bot.as("alice").inGroup().context();
        Engine.Answer denied = bot.engine().answer(new Inbound.CommandInvoked(member, "circle",
                new Arguments.Named("create", Map.of("name", "Mine", "when", "every friday 10:00"))));
        assertThat(denied.refusedOption()).as("not an organiser").isEmpty();
        assertThat(bot.engine().handle(new Inbound.CommandInvoked(olivia, "circle", new Arguments.Named("create", Map.of()))))
                .as("handle answers the same replies").hasSize(1);
    }
}
