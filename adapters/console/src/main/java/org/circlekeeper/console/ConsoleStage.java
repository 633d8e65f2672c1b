package org.circlekeeper.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * Who is typing in a console session and where: the people played so far with their roles, the one community, the
 * current person and place (a group channel or their direct chat), and the {@code :as} and {@code :in} directives
 * that change them. Part of {@link ConsoleSession}, driven by its one thread.
 */
final class ConsoleStage {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");
    private static final Pattern CHANNEL = Pattern.compile("#[\\p{L}\\p{N}_.-]{1,64}");

    private final CommunityRef community;
    private final ConsoleRoles roles;
    private final Set<String> channels = new LinkedHashSet<>();
    private MemberRef member;
    private String place;

    ConsoleStage(ConsoleRoles roles) {
        this.roles = roles;
        this.community = roles.community();
        becomes(ConsoleSession.DEFAULT_PERSON, Role.MEMBER);
        goTo(ConsoleSession.DEFAULT_CHANNEL);
    }

    /** Who is typing and where, as the engine sees it. */
    Context context() {
        return in(channel());
    }

    /** The current person, with their role, in the given channel (where a pressed button's message is). */
    Context in(ChannelRef where) {
        return new Context(member, where, community, roles.get(member.userId()), null);
    }

    /** The person typing now. */
    MemberRef member() {
        return member;
    }

    /** The channel typed into now: a group channel or the person's direct chat. */
    ChannelRef channel() {
        return ConsoleSession.DM.equals(place) ? Transcript.dm(member) : new ChannelRef(Platform.CONSOLE, place, ChannelRef.Kind.GROUP);
    }

    /** {@code alice @ #circle-room}. */
    String whoAndWhere() {
        return member.userId() + " @ " + place;
    }

    /** What {@code :who} prints, without the time. */
    String who() {
        return "you are " + member.userId() + " (" + roleName(roles.get(member.userId())) + ") " + placeDescription()
                + ", in the community \"" + community.communityId() + "\"";
    }

    /** The names of the people played so far, in order of appearance. */
    List<String> people() {
        return roles.people();
    }

    /** The group channels visited so far, in order of appearance. */
    List<String> channels() {
        return List.copyOf(channels);
    }

    /** {@code :as NAME [member|organiser]}: becomes someone (a new name starts as a member). */
    void as(String[] words, List<String> out) {
        if (words.length < 2 || words.length > 3) {
            out.add(ConsoleSession.CONSOLE + ":as takes a name and, if you like, a role: :as alice, or :as olivia organiser.");
            return;
        }
        if (!NAME.matcher(words[1]).matches()) {
            out.add(ConsoleSession.CONSOLE + "\"" + words[1] + "\" can't be a name here; use one word of letters or digits, like alice.");
            return;
        }
        Role role;
        if (words.length == 3) {
            Optional<Role> given = role(words[2]);
            if (given.isEmpty()) {
                out.add(ConsoleSession.CONSOLE + "\"" + words[2] + "\" is not a role; use member or organiser.");
                return;
            }
            role = given.get();
        } else {
            role = roles.getOrDefault(words[1].toLowerCase(Locale.ROOT), Role.MEMBER);
        }
        becomes(words[1], role);
        out.add(ConsoleSession.CONSOLE + "you are " + member.userId() + " (" + roleName(role) + ").");
    }

    /** {@code :in #channel} or {@code :in dm}: goes to a group channel or to the person's private chat. */
    void in(String[] words, List<String> out) {
        if (words.length != 2 || !(ConsoleSession.DM.equalsIgnoreCase(words[1]) || CHANNEL.matcher(words[1]).matches())) {
            out.add(ConsoleSession.CONSOLE + ":in takes a group channel whose name starts with # (like :in #circle-room), or dm for "
                    + "your private chat with the bot.");
            return;
        }
        goTo(ConsoleSession.DM.equalsIgnoreCase(words[1]) ? ConsoleSession.DM : words[1]);
        out.add(ConsoleSession.CONSOLE + "you are " + placeDescription() + ".");
    }

    private void becomes(String name, Role role) {
        member = new MemberRef(Platform.CONSOLE, name.toLowerCase(Locale.ROOT), name);
        roles.put(member.userId(), role);
    }

    private static Optional<Role> role(String word) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "member":
                return Optional.of(Role.MEMBER);
            case "organiser":
            case "organizer":
                return Optional.of(Role.ORGANISER);
            default:
                return Optional.empty();
        }
    }

    private static String roleName(Role role) {
        return role == Role.ORGANISER ? "organiser" : "member";
    }

    private void goTo(String newPlace) {
        place = newPlace;
        if (!ConsoleSession.DM.equals(newPlace)) {
            channels.add(newPlace);
        }
    }

    private String placeDescription() {
        return ConsoleSession.DM.equals(place) ? "in your private chat with the bot (dm)" : "in " + place;
    }
}
