package org.circlekeeper.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.message.FormRequest;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.testing.FixedPreferences;
import org.circlekeeper.core.testing.InMemoryPendingForms;
import org.circlekeeper.core.testing.InMemoryWordingStore;
import org.junit.jupiter.api.Test;

/** A form asked where platforms have no forms is answered by the member's next private message, once. */
class FormTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final List<String> answers = new ArrayList<>();
    private final FormSpec note = new FormSpec("test.note", (turn, state, fields) ->
            answers.add(state + "=" + fields.getOrDefault("note", fields.get(FormSpec.ANSWER))));

    private final Feature asking = new Feature() {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public List<CommandSpec> commands() {
            return List.of(CommandSpec.command("note", MessageKey.of("cmd.help")).handler((turn, args) ->
                    turn.replyPrivately(OutgoingMessage.text("Write your note")
                            .form(note.request("day1", "A note", List.of(new FormRequest.Field("note", "Note", true, false, 1000))))
                            .build())).build());
        }

        @Override
        public List<FormSpec> forms() {
            return List.of(note);
        }

        @Override
        public List<MessageKey> messages() {
            return List.of();
        }

        @Override
        public List<PersonalData> personalData() {
            return List.of();
        }
    };

    private final Engine engine = new Engine(new FeatureRegistry().add(asking), new TemplateRenderer(Bot.templates(null)),
            new InMemoryWordingStore(), FixedPreferences.englishUtc(), ChairPolicy.NOBODY, new InMemoryPendingForms(clock), clock);

    private final MemberRef alice = new MemberRef(Platform.CONSOLE, "alice", "Alice");
    private final CommunityRef community = new CommunityRef(Platform.CONSOLE, "c");
    private final Context direct = new Context(alice, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT), community, Role.MEMBER, null);
    private final Context group = new Context(alice, new ChannelRef(Platform.CONSOLE, "#g", ChannelRef.Kind.GROUP), community, Role.MEMBER, null);

    @Test
    void theNextPrivateMessageAnswersTheFormOnce() {
        engine.handle(Inbound.CommandInvoked.typed(direct, "note", ""));
        engine.handle(new Inbound.TextReceived(group, "said in the group, not an answer"));
        engine.handle(new Inbound.TextReceived(direct, "a calm day"));
        List<Reply> later = engine.handle(new Inbound.TextReceived(direct, "just chatting"));
        assertThat(answers).containsExactly("day1=a calm day");
        assertThat(later.get(0).message().markup()).contains("/help");
    }

    @Test
    void aRealFormSubmitClearsThePendingAnswer() {
        engine.handle(Inbound.CommandInvoked.typed(direct, "note", ""));
        engine.handle(new Inbound.FormSubmitted(direct, "test.note:day1", Map.of("note", "from the modal")));
        engine.handle(new Inbound.TextReceived(direct, "not an answer"));
        assertThat(answers).containsExactly("day1=from the modal");
    }

    @Test
    void anUnansweredFormExpires() {
        engine.handle(Inbound.CommandInvoked.typed(direct, "note", ""));
        clock.advance(Engine.FORM_WINDOW.plus(Duration.ofMinutes(1)));
        engine.handle(new Inbound.TextReceived(direct, "too late"));
        assertThat(answers).isEmpty();
    }

    @Test
    void aFormFromAnUnknownFeatureIsStale() {
        List<Reply> replies = engine.handle(new Inbound.FormSubmitted(direct, "gone.form:x", Map.of("a", "b")));
        assertThat(replies.get(0).message().markup()).contains("older conversation");
    }
}
