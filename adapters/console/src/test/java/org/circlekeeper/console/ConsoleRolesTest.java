package org.circlekeeper.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

/**
 * The console's roles as the organisers' page asks them: whoever {@code :as} last made an organiser of the console's
 * community is one, and {@code :as name member} takes the role away, exactly as chat then treats them.
 */
class ConsoleRolesTest {

    private final ConsoleFixture bot = new ConsoleFixture();
    private final ConsoleRoles roles = new ConsoleRoles("local");
    private final ConsoleSession session = new ConsoleSession(bot.engine, bot.clock, new ConsoleMessenger(), roles);
    private final CommunityRef local = new CommunityRef(Platform.CONSOLE, "local");
    private final MemberRef olivia = new MemberRef(Platform.CONSOLE, "olivia", "olivia");

    private boolean organiser(CommunityRef community, MemberRef member) {
        return roles.ask(community, member) == OrganiserCheck.Answer.ORGANISER;
    }

    @Test
    void theRolePlayedInChatIsTheRoleThePageSees() {
        assertThat(organiser(local, olivia)).as("never played").isFalse();
        session.handle(":as olivia organiser");
        assertThat(organiser(local, olivia)).isTrue();
        assertThat(String.join("\n", session.handle("/safety status"))).doesNotContain("organisers only");

        session.handle(":as olivia member");
        assertThat(organiser(local, olivia)).isFalse();
        assertThat(String.join("\n", session.handle("/safety status"))).contains("for the group's organisers");
    }

    @Test
    void onlyTheConsolesOwnCommunityAndPeople() {
        session.handle(":as olivia organiser");
        assertThat(organiser(new CommunityRef(Platform.CONSOLE, "elsewhere"), olivia)).isFalse();
        assertThat(organiser(new CommunityRef(Platform.TELEGRAM, "local"), olivia)).isFalse();
        assertThat(organiser(local, new MemberRef(Platform.TELEGRAM, "olivia", "olivia"))).isFalse();
        assertThat(roles.platform()).isEqualTo(Platform.CONSOLE);
        assertThat(session.people()).containsExactly("alice", "olivia");
    }
}
