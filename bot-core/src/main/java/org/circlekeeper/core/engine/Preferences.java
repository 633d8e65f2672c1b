package org.circlekeeper.core.engine;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** The language and time zone to use for one person in one community, after all settings are weighed. */
public record Preferences(Locale locale, ZoneId zone) {

    public Preferences {
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(zone, "zone");
    }

    /** A context whose community is settled, with the preferences that apply in it. */
    public record Settled(Context context, Preferences preferences) {
    }

    /** Resolves preferences from the member's settings, the community's and the deployment's defaults. */
    public interface Resolver {

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

        /** For the whole community (messages to a group channel). */
        Preferences resolve(CommunityRef community);

        /** For one member in a community when the bot writes first (a private reminder). */
        default Preferences resolve(MemberRef member, CommunityRef community) {
            ChannelRef direct = new ChannelRef(member.platform(), "dm:" + member.userId(), ChannelRef.Kind.DIRECT);
            return resolve(new Context(member, direct, community, Role.MEMBER, null));
        }
    }
}
