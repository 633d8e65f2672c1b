package org.circlekeeper.core.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

/** What a platform adapter keeps about a member is exported and erased with the rest. */
class PlatformDataTest {

    private final Set<String> unreachable = new HashSet<>(Set.of("telegram:7"));

    private final Messenger telegramLike = new Messenger() {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SentMessage send(Target target, OutgoingMessage message) {
            throw new DeliveryFailed("not in this test", true, null);
        }

        @Override
        public void edit(SentMessage sent, OutgoingMessage message) {
            throw new DeliveryFailed("not in this test", true, null);
        }

        @Override
        public List<PersonalData> personalData() {
            return List.of(new PersonalData() {
                @Override
                public String section() {
                    return "telegram";
                }

                @Override
                public MessageKey label() {
                    return PersonalData.PLATFORM;
                }

                @Override
                public Map<String, Object> export(MemberRef member) {
                    return unreachable.contains(member.key()) ? Map.of("privateChatUnreachable", true) : Map.of();
                }

                @Override
                public void erase(MemberRef member) {
                    unreachable.remove(member.key());
                }
            });
        }
    };

    @Test
    void mydataAndForgetmeCoverWhatTheAdapterKeeps() {
        VirtualClock clock = new VirtualClock(BotTester.START);
        Engine engine = Bot.builder().stores(InMemoryStores.create(clock)).clock(clock)
                .messengers(new Messengers(List.of(telegramLike)))
                .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).build()
                .engine();
        MemberRef member = new MemberRef(Platform.TELEGRAM, "7", "Sam");
        Context direct = new Context(member, new ChannelRef(Platform.TELEGRAM, "7", ChannelRef.Kind.DIRECT),
                new CommunityRef(Platform.TELEGRAM, "-100"), Role.MEMBER, null);

        List<Reply> export = engine.handle(Inbound.CommandInvoked.typed(direct, "mydata", ""));
        assertThat(new String(export.get(0).message().attachment().content(), StandardCharsets.UTF_8))
                .contains("\"privateChatUnreachable\" : true");

        List<Reply> ask = engine.handle(Inbound.CommandInvoked.typed(direct, "forgetme", ""));
        engine.handle(new Inbound.ButtonPressed(direct, ask.get(0).message().buttons().get(0).actionId(), null));
        assertThat(unreachable).isEmpty();
    }
}
