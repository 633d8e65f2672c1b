package org.circlekeeper.core.engine;

import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Preferences;

/** Resolves preferences from the member's settings, the community's and the deployment's defaults. */
public interface PreferenceResolver extends Preferences.Lookup {

    /** A context whose community is settled, with the preferences that apply in it. */
    record Settled(Context context, Preferences preferences) {
    }

    /** For a person in a place (an event's context). */
    Preferences resolve(Context context);

    /**
     * Settles an event's context and its preferences together: a direct chat's unresolved
     * community becomes the group the member last used the bot in. It stores nothing.
     */
    default Settled settle(Context context) {
        return new Settled(context, resolve(context));
    }

    /**
     * The member's home: the group they last used the bot in, where their direct chat settles ({@link #settle}).
     * Empty when they have none; a resolver without a member store (fixed preferences in tests) settles nothing,
     * so it knows no home. It only reads.
     */
    default Optional<CommunityRef> home(MemberRef member) {
        return Optional.empty();
    }

    /**
     * Remembers the group of a group context as the one the member last used the bot in; the engine calls it
     * only after the member used a feature there (a command or a button), never for a plain message. A
     * resolver without a member store (fixed preferences in tests) has nothing to remember it in.
     */
    default void remember(Context context) {
    }

    /**
     * For a person in a place when their settings cannot be read (the store is unreachable): what the
     * platform says of their language, else the deployment's defaults. Reads no store, so never throws.
     */
    Preferences fallback(Context context);

    @Override
    Preferences resolve(CommunityRef community);

    @Override
    default Preferences resolve(MemberRef member, CommunityRef community) {
        ChannelRef direct = new ChannelRef(member.platform(), "dm:" + member.userId(), ChannelRef.Kind.DIRECT);
        return resolve(new Context(member, direct, community, Role.MEMBER, null));
    }
}
