package org.circlekeeper.redis;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.circlekeeper.core.engine.CommunityRef;
import org.circlekeeper.core.engine.MemberRef;

/**
 * The one place where Redis key names are made, so that the key schema can be read (and changed) in
 * one file. Every key starts with {@value #PREFIX}; a community's keys share the prefix
 * {@code ck:c:{platform:communityId}:} and a member's keys the prefix {@code ck:m:{platform:userId}:},
 * where the braces are a Redis Cluster hash tag that keeps one community's (or one member's) keys on
 * one slot, so that a script may touch several of them.
 *
 * <p>Ids come from the platforms and may hold any character. They are percent-encoded: every byte of
 * their UTF-8 form outside {@code [A-Za-z0-9._~-]} becomes {@code %XX}. The encoding is one-to-one and
 * its output never holds {@code :}, <code>{</code> or <code>}</code>, so no id can reach into another
 * key's name or its hash tag (a user id <code>1}:settings</code> stays inside its own braces as
 * {@code 1%7D%3Asettings}).
 *
 * <table>
 * <caption>Key schema</caption>
 * <tr><th>key</th><th>type</th><th>what</th><th>bound</th></tr>
 * <tr><td>{@code ck:m:{platform:userId}:settings}</td><td>hash</td><td>a member's zone, language, country
 *     (only those set)</td><td>3 fields</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:settings}</td><td>hash</td><td>a community's zone and
 *     language</td><td>2 fields</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:wording:<language>}</td><td>hash</td><td>a community's own
 *     message texts in one language, by message key</td><td>{@link RedisWordingStore#MAX_OVERRIDES} fields of
 *     at most {@link RedisWordingStore#MAX_TEXT_LENGTH} characters</td></tr>
 * <tr><td>{@code ck:token:<token>}</td><td>hash</td><td>a one-time button token: its owner and
 *     purpose</td><td>2 fields, TTL as issued</td></tr>
 * <tr><td>{@code ck:{jobs}:due}</td><td>sorted set</td><td>waiting jobs' ids by due time</td><td>one member per
 *     waiting job</td></tr>
 * <tr><td>{@code ck:{jobs}:leased}</td><td>sorted set</td><td>claimed jobs' ids by lease end</td><td>one member
 *     per claimed job</td></tr>
 * <tr><td>{@code ck:{jobs}:data}</td><td>hash</td><td>every job: claim count, due time, kind, payload</td><td>one
 *     field per job, removed on ack or cancel; payload at most {@link RedisJobQueue#MAX_PAYLOAD_LENGTH}
 *     characters</td></tr>
 * </table>
 */
public final class RedisKeys {

    /** The prefix of every key circlekeeper writes, so that it can share a Redis with others. */
    public static final String PREFIX = "ck:";

    private static final String JOBS = "{jobs}";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RedisKeys() {
    }

    /** The hash of a member's own settings. */
    public static String memberSettings(MemberRef member) {
        return memberKey(member, "settings");
    }

    /** {@code ck:m:{platform:userId}:form}: the form the member's next private message answers. */
    public static String pendingForm(MemberRef member) {
        return memberKey(member, "form");
    }

    /** The hash of a community's default settings. */
    public static String communitySettings(CommunityRef community) {
        return communityKey(community, "settings");
    }

    /**
     * The hash of a community's own message texts in one language: texts are kept per language (as the
     * bot's messages are), so {@code es-MX} and {@code es} share one hash.
     */
    public static String wording(CommunityRef community, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("wording is kept per language; the locale '" + locale + "' has none");
        }
        return communityKey(community, "wording:" + escape(locale.getLanguage()));
    }

    /** The hash that holds one one-time token; the token must look like one {@link RedisActionTokens} issues. */
    public static String token(String token) {
        if (!isToken(token)) {
            throw new IllegalArgumentException("not a token: it must be 1 to 64 URL-safe base64 characters");
        }
        return PREFIX + "token:" + token;
    }

    /** True when the text could be a token: 1 to 64 characters of the URL-safe base64 alphabet. */
    public static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /**
     * The sorted set of waiting jobs: job id scored by its due time in epoch milliseconds (rounded up). The
     * three job keys share the hash tag {@code {jobs}}, so the queue's scripts may touch all of them in a Cluster.
     */
    public static String jobsDue() {
        return PREFIX + JOBS + ":due";
    }

    /** The sorted set of claimed jobs: job id scored by the end of its lease in epoch milliseconds (rounded up). */
    public static String jobsLeased() {
        return PREFIX + JOBS + ":leased";
    }

    /** The hash of every job, waiting or claimed: job id to its claim count, due time, kind and payload. */
    public static String jobsData() {
        return PREFIX + JOBS + ":data";
    }

    // ---- check-ins: a member's keys per community share the member's hash tag; see RedisCheckinStore ----

    /** The sorted set of a member's check-ins in one community: entry JSON scored by its day (epoch day). */
    public static String checkins(MemberRef member, CommunityRef community) {
        return memberCheckinKey(member, community, "days");
    }

    /** The sorted set of a member's journey marks in one community: entry JSON scored by its day. */
    public static String checkinJourney(MemberRef member, CommunityRef community) {
        return memberCheckinKey(member, community, "journey");
    }

    /** The hash of a member's check-in profile in one community: prompt choice, own time, away, buddy, first day, planned job. */
    public static String checkinProfile(MemberRef member, CommunityRef community) {
        return memberCheckinKey(member, community, "profile");
    }

    /** The line a member was shown and may still confirm, in one community. */
    public static String checkinShare(MemberRef member, CommunityRef community) {
        return memberCheckinKey(member, community, "share");
    }

    /** The running buddy-alert cooldown of a member in one community. */
    public static String checkinAlerted(MemberRef member, CommunityRef community) {
        return memberCheckinKey(member, community, "alerted");
    }

    /** The set of communities where a member has check-in keys, so they can be exported and erased without a scan. */
    public static String checkinCommunities(MemberRef member) {
        return memberKey(member, "checkin:communities");
    }

    /** The set of (community, member) pairs whose member chose this member as their buddy. */
    public static String checkinBuddyOf(MemberRef member) {
        return memberKey(member, "checkin:buddy-of");
    }

    /** The hash of a community's check-in prompt settings. */
    public static String checkinSettings(CommunityRef community) {
        return communityKey(community, "checkin:settings");
    }

    /** The set of members of a community who want prompts ({@code platform:userId}). */
    public static String checkinPrompted(CommunityRef community) {
        return communityKey(community, "checkin:prompted");
    }

    /** The sorted set of a community's members who checked in lately, scored by the day of their last check-in. */
    public static String checkinActive(CommunityRef community) {
        return communityKey(community, "checkin:active");
    }

    private static String memberCheckinKey(MemberRef member, CommunityRef community, String suffix) {
        Objects.requireNonNull(community, "community");
        return memberKey(member, "checkin:" + escape(community.key()) + ":" + suffix);
    }

    /**
     * A member's identity as stored inside values (a token's owner): {@code platform:userId} with the user
     * id escaped like in key names, so two members never share it.
     */
    public static String memberId(MemberRef member) {
        Objects.requireNonNull(member, "member");
        return member.platform().id() + ":" + escape(member.userId());
    }

    private static String memberKey(MemberRef member, String suffix) {
        return PREFIX + "m:{" + memberId(member) + "}:" + suffix;
    }

    private static String communityKey(CommunityRef community, String suffix) {
        Objects.requireNonNull(community, "community");
        return PREFIX + "c:{" + community.platform().id() + ":" + escape(community.communityId()) + "}:" + suffix;
    }

    /**
     * Percent-encodes every UTF-8 byte outside {@code [A-Za-z0-9._~-]}, the percent sign included, so
     * that distinct ids stay distinct and none holds a separator or a brace.
     */
    static String escape(String id) {
        Objects.requireNonNull(id, "id");
        StringBuilder out = new StringBuilder(id.length());
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '_' || c == '~' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
