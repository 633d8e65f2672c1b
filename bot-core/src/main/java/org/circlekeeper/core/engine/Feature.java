package org.circlekeeper.core.engine;

import java.util.List;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobMove;

/**
 * A capability plugged into the engine: its commands, buttons, forms and text listeners, the
 * messages it uses, and what it keeps about members. A shipped feature declares how it is built in a
 * {@link Plugin} and is registered in the bot's feature list. {@link #personalData()} has no default on
 * purpose: a feature cannot be added without saying how its data is exported and erased.
 */
public interface Feature {

    /** A short id, the prefix of its action ids (e.g. {@code settings}). */
    String id();

    List<CommandSpec> commands();

    /**
     * The {@code /help} topic the feature's commands belong to, e.g. {@code meetings}; its label is
     * the message {@code help.topic.<topic>}. Features of one subject name the same topic.
     */
    default String helpTopic() {
        return id();
    }

    default List<ActionSpec> actions() {
        return List.of();
    }

    default List<FormSpec> forms() {
        return List.of();
    }

    default List<TextListener> textListeners() {
        return List.of();
    }

    /** Handlers for the feature's due jobs (reminders, prompts). */
    default List<JobHandler> jobHandlers() {
        return List.of();
    }

    /**
     * Every message key the feature renders besides those its command specs name: its {@code MessageCatalog}'s keys,
     * collected as they are declared, never a list kept by hand.
     */
    List<MessageKey> messages();

    /** What the feature keeps about members; an empty list only when it keeps nothing. */
    List<PersonalData> personalData();

    /**
     * What the feature keeps for a community beyond the community's records in the stores (which the community's
     * erasure removes together), e.g. its due jobs: erased when the bot has left the community for good.
     */
    default List<CommunityData> communityData() {
        return List.of();
    }

    /**
     * How the feature's due jobs follow a community whose id changed ({@link MembershipEvent.CommunityMoved}); a
     * feature without jobs of a community has none.
     */
    default List<JobMove> jobMoves() {
        return List.of();
    }

    /**
     * Whether using this feature's commands or buttons in a group makes the bot remember that group for the
     * member's private chats (their last group). True for nearly every feature; false where using it must
     * store nothing about the member, such as asking for one's data or erasing it.
     */
    default boolean remembersTheGroup() {
        return true;
    }
}
