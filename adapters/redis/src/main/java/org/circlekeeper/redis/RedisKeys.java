package org.circlekeeper.redis;

import java.util.Locale;
import java.util.Objects;
import org.circlekeeper.core.circle.Occurrence;
import org.circlekeeper.core.circle.OccurrenceRef;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;

/**
 * The one place where Redis key names are made, so that the key schema can be read (and changed) in
 * one file. Every key starts with {@value #PREFIX}; a community's keys share the prefix
 * {@code ck:c:{platform:communityId}:} and a member's keys the prefix {@code ck:m:{platform:userId}:},
 * where the braces are a Redis Cluster hash tag that keeps one community's (or one member's) keys on
 * one slot, so that a script may touch several of them.
 *
 * <p>Ids come from the platforms and may hold any character. They are percent-encoded ({@link RedisIds#escape}):
 * every byte of their UTF-8 form outside {@code [A-Za-z0-9._~-]} becomes {@code %XX}. The encoding is one-to-one and
 * its output never holds {@code :}, <code>{</code> or <code>}</code>, so no id can reach into another
 * key's name or its hash tag (a user id <code>1}:settings</code> stays inside its own braces as
 * {@code 1%7D%3Asettings}).
 *
 * <p>This class is long because it is a schema table and nothing else: one short method per key of the shipped
 * stores, beside the table below, so the whole schema reads in one file (how ids are written inside keys and values
 * is {@link RedisIds}'). A new feature's store does not edit this file: it names its keys in its own class with
 * {@link #memberKey} and {@link #communityKey}, under a namespace of its own (its feature's id), and documents them
 * there. Every key of a member must sit under {@link #memberKey} (or be reached from a key there), so that its
 * {@code PersonalData} can export and erase it.
 *
 * <table>
 * <caption>Key schema</caption>
 * <tr><th>key</th><th>type</th><th>what</th><th>bound</th></tr>
 * <tr><td>{@code ck:m:{platform:userId}:settings}</td><td>hash</td><td>a member's zone, language, country
 *     and last group (only those set)</td><td>4 fields</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:form}</td><td>string</td><td>the form the member's next private
 *     message answers</td><td>TTL 15 minutes</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:settings}</td><td>hash</td><td>a community's zone and
 *     language</td><td>2 fields</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:wording:<language>}</td><td>hash</td><td>a community's own
 *     message texts in one language, by message key</td><td>{@link RedisWordingStore#MAX_OVERRIDES} fields of
 *     at most {@link RedisWordingStore#MAX_TEXT_LENGTH} characters</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:res:entries}</td><td>hash</td><td>a community's own resource
 *     entries, by entry id</td><td>{@link org.circlekeeper.core.resource.ResourceStore#MAX_ENTRIES} fields, checked
 *     in Redis</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:res:hidden}</td><td>set</td><td>shipped resource ids the community
 *     hid</td><td>the shipped catalog</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:res:version}</td><td>string</td><td>counter moved with every change to
 *     the two keys above</td><td>one number</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:res:reports}</td><td>hash</td><td>outdated-number reports by crisis
 *     line id: count, first and last time, no member ids</td><td>the crisis directory</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:res:safety}</td><td>hash</td><td>a community's safety settings
 *     </td><td>5 fields</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:res:cooldown}</td><td>hash</td><td>a member's running safety cooldowns:
 *     community key to end</td><td>one field per community; TTL until the last one ends</td></tr>
 * <tr><td>{@code ck:token:<token>}</td><td>hash</td><td>a one-time button token: its owner and
 *     purpose</td><td>2 fields, TTL as issued</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:share:live:<channelId>}</td><td>hash</td><td>the share circle running in
 *     a channel: {@code v} (its version) and {@code s} (its state as JSON)</td><td>2 fields, TTL 12 hours after the last
 *     change</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:share:chair:<channelId>}</td><td>hash</td><td>a channel's chair rotation:
 *     {@code v} and {@code s}</td><td>2 fields, TTL 60 days after the last change</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:share:history}</td><td>list</td><td>counts of ended circles, newest
 *     first</td><td>50 entries</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:share:settings}</td><td>hash</td><td>shares without a name allowed, a
 *     format per circle</td><td>1 field and one per circle</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:share:volunteers}</td><td>hash</td><td>member key to a volunteer to
 *     chair</td><td>one field per volunteer</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:share:rooms}</td><td>set</td><td>the channels where the member is in the
 *     share circle's state, for export and erasure</td><td>TTL 60 days after the last addition</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:share:anon}</td><td>string</td><td>how many shares without a name the
 *     member posted in the current window; no text, no circle</td><td>TTL 15 minutes</td></tr>
 * <tr><td>{@code ck:{jobs}:due}</td><td>sorted set</td><td>waiting jobs' ids by due time</td><td>one member per
 *     waiting job</td></tr>
 * <tr><td>{@code ck:{jobs}:leased}</td><td>sorted set</td><td>claimed jobs' ids by lease end</td><td>one member
 *     per claimed job</td></tr>
 * <tr><td>{@code ck:{jobs}:data}</td><td>hash</td><td>every job: claim count, due time, kind, payload</td><td>one
 *     field per job, removed on ack or cancel; payload at most {@link RedisJobQueue#MAX_PAYLOAD_LENGTH}
 *     characters</td></tr>
 * <tr><td>{@code ck:{jobs}:claims}</td><td>hash</td><td>claimed jobs: job id to the token of the claim that holds
 *     it</td><td>one field per claimed job, removed with its claim</td></tr>
 * <tr><td>{@code ck:{jobs}:dead}</td><td>list</td><td>jobs given up on, newest first: time, attempts, kind, reason
 *     (a class name) and a fingerprint of the id; no id, no payload</td><td>{@link RedisJobQueue#MAX_DEAD} entries, TTL
 *     {@link RedisJobQueue#DEAD_KEPT} after the last one</td></tr>
 * <tr><td>{@code ck:{jobs}:wake}</td><td>pub/sub channel</td><td>a job's due time, published when it is scheduled
 *     earlier than every waiting job: wakes the sleeping schedulers</td><td>nothing stored</td></tr>
 * <tr><td>{@code ck:delivery:<fingerprint>}</td><td>string</td><td>one delivery of a job to one target: being sent by
 *     a holder until a time, or sent</td><td>TTL {@link org.circlekeeper.core.message.DeliveryLog#KEEP}</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:circles}</td><td>hash</td><td>a community's circles: circle id to
 *     the circle's JSON (with its version)</td><td>{@link org.circlekeeper.core.circle.CircleStore#MAX_CIRCLES} fields,
 *     checked in Redis</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:circles:settings}</td><td>hash</td><td>a community's channel reminder lead
 *     times</td><td>1 field</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:circles:events}</td><td>hash</td><td>which event of the platform's own event
 *     list (a Discord scheduled event) shows each circle: circle id to event id</td><td>{@link
 *     org.circlekeeper.core.circle.CircleStore#MAX_CIRCLES} fields, checked in Redis</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:rsvp:<circleId>:<meeting>}</td><td>hash</td><td>the answers for one
 *     meeting: member id to answer JSON</td><td>one field per member; expires with its last answer</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:rsvps}</td><td>sorted set</td><td>where the member's answers are:
 *     {@code platform:communityId/circleId/meeting} scored by the answer's expiry</td><td>pruned on write; expires
 *     with its last entry</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:reminders}</td><td>hash</td><td>members' private reminder choices: member
 *     id to choice JSON</td><td>one field per member who chose</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:reminders}</td><td>set</td><td>the communities where the member chose
 *     reminders</td><td>one member per community</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:feed}</td><td>string</td><td>the community's calendar-feed
 *     token</td><td>one token</td></tr>
 * <tr><td>{@code ck:feed:<token>}</td><td>string</td><td>the community a calendar-feed token names</td><td>one per
 *     token; removed when the token is replaced</td></tr>
 * <tr><td>{@code ck:{rate:platform}:<bucket>}</td><td>string</td><td>a send-rate bucket's theoretical arrival
 *     time in epoch microseconds ({@link RedisRateLimiter})</td><td>one per bucket; expires when the bucket is
 *     full again</td></tr>
 * <tr><td>{@code ck:update:platform:<updateId>}</td><td>string</td><td>an inbound update seen, while it is
 *     processed and for a day after ({@link RedisUpdateLog})</td><td>TTL as claimed</td></tr>
 * <tr><td>{@code ck:c:{platform:communityId}:admins}</td><td>string</td><td>the community's administrators'
 *     user ids as the platform listed them ({@link RedisAdminCache})</td><td>TTL as cached</td></tr>
 * <tr><td>{@code ck:m:{platform:userId}:unreachable}</td><td>string</td><td>the bot cannot write to the member
 *     privately (blocked, never started) ({@link RedisReachability})</td><td>TTL as marked</td></tr>
 * <tr><td>{@code ck:held:<token>}</td><td>string</td><td>a command held until an organiser confirms it: where
 *     it was typed, its name and words ({@link RedisHeldCommands})</td><td>TTL as held; taken once</td></tr>
 * <tr><td>{@code ck:roster:<platform>}</td><td>set</td><td>the ids of the platform's communities the bot was last
 *     seen in ({@link RedisRoster}), so that a removal while it was offline is noticed when it connects</td><td>one
 *     member per community; removed with the bot's removal</td></tr>
 * <tr><td>{@code ck:once:<mark>}</td><td>string</td><td>something said once a window, such as a notice about a
 *     place the bot can no longer post in ({@link RedisOnceMarks}); the mark holds ids only</td><td>TTL the
 *     window</td></tr>
 * </table>
 */
public final class RedisKeys {

    /** The prefix of every key circlekeeper writes, so that it can share a Redis with others. */
    public static final String PREFIX = "ck:";

    private static final String JOBS = "{jobs}";
    private static final String PERSISTENCE = "{persistence}";

    private RedisKeys() {
    }

    /** The hash of a member's own settings. */
    public static String memberSettings(MemberRef member) {
        return memberKey(member, "settings");
    }

    /** {@code ck:m:{platform:userId}:home}: the group the member last used the bot in; it expires. */
    public static String memberHome(MemberRef member) {
        return memberKey(member, "home");
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
        return communityKey(community, "wording:" + RedisIds.escape(locale.getLanguage()));
    }

    /**
     * The hash of a community's own resource entries: entry id to the entry's JSON, at most {@link
     * org.circlekeeper.core.resource.ResourceStore#MAX_ENTRIES} fields, checked inside Redis.
     */
    public static String resourceEntries(CommunityRef community) {
        return communityKey(community, "res:entries");
    }

    /** The set of shipped resource ids a community hid. */
    public static String resourceHidden(CommunityRef community) {
        return communityKey(community, "res:hidden");
    }

    /** The counter that moves with every change to a community's resource entries or hidden ids. */
    public static String resourceVersion(CommunityRef community) {
        return communityKey(community, "res:version");
    }

    /** The hash of a community's "this number is outdated" reports: crisis line id to count and times. */
    public static String resourceReports(CommunityRef community) {
        return communityKey(community, "res:reports");
    }

    /** The hash of a community's safety settings. */
    public static String safety(CommunityRef community) {
        return communityKey(community, "res:safety");
    }

    /** The hash of a member's running safety cooldowns: community key to the cooldown's end; it expires by itself. */
    public static String safetyCooldowns(MemberRef member) {
        return memberKey(member, "res:cooldown");
    }

    /** The hash that holds one one-time token; the token must look like one {@link RedisActionTokens} issues. */
    public static String token(String token) {
        if (!RedisIds.isToken(token)) {
            throw new IllegalArgumentException("not a token: it must be 1 to 64 URL-safe base64 characters");
        }
        return PREFIX + "token:" + token;
    }

    /** {@code ck:held:<token>}: a command held until an organiser confirms it. */
    public static String heldCommand(String token) {
        if (!RedisIds.isToken(token)) {
            throw new IllegalArgumentException("not a token: it must be 1 to 64 URL-safe base64 characters");
        }
        return PREFIX + "held:" + token;
    }

    /** {@code ck:once:<mark>}: a mark that something was said once within its window. */
    public static String onceMark(String mark) {
        return PREFIX + "once:" + RedisIds.escape(mark);
    }

    /** {@code ck:roster:<platform>}: the platform's communities the bot was last seen in. */
    public static String roster(Platform platform) {
        return PREFIX + "roster:" + platform.id();
    }

    /** {@code ck:c:{platform:communityId}:share:live:<channelId>}: the share circle running in a channel. */
    public static String shareLive(CommunityRef community, ChannelRef channel) {
        return communityKey(community, "share:live:" + RedisIds.escape(channel.channelId()));
    }

    /** {@code ck:c:{platform:communityId}:share:chair:<channelId>}: who is asked, or accepted, to chair a channel's next circle. */
    public static String shareRotation(CommunityRef community, ChannelRef channel) {
        return communityKey(community, "share:chair:" + RedisIds.escape(channel.channelId()));
    }

    /** {@code ck:c:{platform:communityId}:share:history}: the counts of a community's ended share circles. */
    public static String shareHistory(CommunityRef community) {
        return communityKey(community, "share:history");
    }

    /** {@code ck:c:{platform:communityId}:share:settings}: a community's share-circle settings. */
    public static String shareSettings(CommunityRef community) {
        return communityKey(community, "share:settings");
    }

    /** {@code ck:c:{platform:communityId}:share:volunteers}: a community's volunteers to chair. */
    public static String shareVolunteers(CommunityRef community) {
        return communityKey(community, "share:volunteers");
    }

    /** {@code ck:m:{platform:userId}:share:rooms}: where the share circle keeps something about the member. */
    public static String shareRooms(MemberRef member) {
        return memberKey(member, "share:rooms");
    }

    /** {@code ck:m:{platform:userId}:share:anon}: the member's count of shares without a name in the current window. */
    public static String shareAnonymous(MemberRef member) {
        return memberKey(member, "share:anon");
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

    /**
     * {@code ck:{persistence}:erased}: a counter raised by every erasure whose data may still be in Redis's files
     * on disk; removed once a rewrite that began after the last raise has finished. No member is named in it.
     */
    public static String persistenceErased() {
        return PREFIX + PERSISTENCE + ":erased";
    }

    /** {@code ck:{persistence}:window}: present while the last rewrite's batching interval runs (its TTL). */
    public static String persistenceWindow() {
        return PREFIX + PERSISTENCE + ":window";
    }

    /** {@code ck:{persistence}:started}: the {@link #persistenceErased} count a running rewrite covers. */
    public static String persistenceStarted() {
        return PREFIX + PERSISTENCE + ":started";
    }

    /** The hash of claimed jobs: job id to the token of the claim that holds it (the fence of ack, retry, renew). */
    public static String jobsClaims() {
        return PREFIX + JOBS + ":claims";
    }

    /** The list of dead jobs, newest first, for operators: no payload, so nothing a member wrote. */
    public static String jobsDead() {
        return PREFIX + JOBS + ":dead";
    }

    /**
     * {@code ck:{jobs}:wake}: a pub/sub channel, not a key. The queue publishes a job's due time (epoch milliseconds)
     * on it when a job is scheduled, rescheduled or put back earlier than every waiting one, so each replica's
     * scheduler, asleep until the earliest job it knew, wakes for it.
     */
    public static String jobsWake() {
        return PREFIX + JOBS + ":wake";
    }

    /**
     * {@code ck:delivery:<fingerprint>}: whether one delivery of a job to one target is being sent or was sent. The
     * fingerprint is a hash of the job id and the target ({@link RedisDeliveryLog}), so the key names no member. No
     * hash tag: each script touches one such key, so they spread over a Cluster.
     */
    public static String delivery(String fingerprint) {
        return PREFIX + "delivery:" + RedisIds.escape(fingerprint);
    }

    // ---- check-ins: a member's keys per community share the member's hash tag; see CheckinRedis ----

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
        return memberKey(member, "checkin:" + RedisIds.escape(community.key()) + ":" + suffix);
    }

    /**
     * {@code ck:c:{platform:communityId}:circles}: the hash of a community's circles, circle id to the circle's
     * JSON, at most {@link org.circlekeeper.core.circle.CircleStore#MAX_CIRCLES} fields (checked inside Redis).
     */
    public static String circles(CommunityRef community) {
        return communityKey(community, "circles");
    }

    /** {@code ck:c:{platform:communityId}:circles:settings}: the hash of a community's circle settings. */
    public static String circleSettings(CommunityRef community) {
        return communityKey(community, "circles:settings");
    }

    /**
     * {@code ck:c:{platform:communityId}:circles:events}: the hash of the platform events that show a community's
     * circles, circle id to event id, at most {@link org.circlekeeper.core.circle.CircleStore#MAX_CIRCLES} fields
     * (checked inside Redis).
     */
    public static String circleEvents(CommunityRef community) {
        return communityKey(community, "circles:events");
    }

    /**
     * {@code ck:c:{platform:communityId}:rsvp:<circleId>:<meeting>}: the hash of the answers for one meeting, member
     * id ({@link RedisIds#memberId}) to answer. The circle id and the meeting key ({@code 20270302T1900}) hold neither
     * separators nor braces; they are escaped all the same.
     */
    public static String rsvps(CommunityRef community, OccurrenceRef occurrence) {
        Objects.requireNonNull(occurrence, "occurrence");
        return communityKey(community, "rsvp:" + RedisIds.escape(occurrence.circleId()) + ":"
                + RedisIds.escape(Occurrence.key(occurrence.original())));
    }

    /** The start of the name of every answers hash of the community ({@link #rsvps}). */
    public static String rsvpsPrefix(CommunityRef community) {
        return communityKey(community, "rsvp:");
    }

    /**
     * {@code ck:m:{platform:userId}:rsvps}: the sorted set that indexes a member's answers, each entry naming one
     * meeting of one community ({@link #rsvpEntry}), scored by the answer's expiry in epoch milliseconds.
     */
    public static String memberRsvps(MemberRef member) {
        return memberKey(member, "rsvps");
    }

    /**
     * {@code ck:c:{platform:communityId}:circles:lost}: the set of channel ids whose loss the community's organisers
     * were told of, at most {@link org.circlekeeper.core.circle.CircleStore#MAX_LOST_PLACES}.
     */
    public static String circleLostPlaces(CommunityRef community) {
        return communityKey(community, "circles:lost");
    }

    /** {@code ck:c:{platform:communityId}:departed}: when the bot was removed from the community (epoch ms), while it is away. */
    public static String departed(CommunityRef community) {
        return communityKey(community, "departed");
    }

    /**
     * A {@code SCAN MATCH} pattern for every key of the community ({@code ck:c:{platform:communityId}:*}); an escaped
     * id holds no glob character ({@code * ? [ ] \}), so the pattern matches this community's keys only.
     */
    public static String communityKeys(CommunityRef community) {
        return communityKey(community, "*");
    }

    /** {@code ck:c:{platform:communityId}:reminders}: the hash of members' reminder choices, member id to choice. */
    public static String reminderChoices(CommunityRef community) {
        return communityKey(community, "reminders");
    }

    /** {@code ck:m:{platform:userId}:reminders}: the set of communities ({@link RedisIds#communityId}) the member chose reminders in. */
    public static String memberReminderChoices(MemberRef member) {
        return memberKey(member, "reminders");
    }

    /** {@code ck:c:{platform:communityId}:feed}: the string holding the community's calendar-feed token. */
    public static String feedToken(CommunityRef community) {
        return communityKey(community, "feed");
    }

    /** {@code ck:feed:<token>}: the string holding the community ({@link RedisIds#communityId}) a calendar-feed token names. */
    public static String feed(String token) {
        if (!RedisIds.isToken(token)) {
            throw new IllegalArgumentException("not a token: it must be 1 to 64 URL-safe base64 characters");
        }
        return PREFIX + "feed:" + token;
    }

    /**
     * A send-rate bucket of a platform ({@code global}, {@code chat:<id>}, ...). All buckets of one platform
     * share the hash tag <code>{rate:platform}</code>, so one script may check several of them on a Cluster.
     */
    public static String rateBucket(Platform platform, String bucket) {
        Objects.requireNonNull(platform, "platform");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("a rate bucket needs a name");
        }
        return PREFIX + "{rate:" + platform.id() + "}:" + RedisIds.escape(bucket);
    }

    /** The marker of one inbound update (its platform's update id), for processing each update once. */
    public static String update(Platform platform, String updateId) {
        Objects.requireNonNull(platform, "platform");
        if (updateId == null || updateId.isBlank()) {
            throw new IllegalArgumentException("an update needs an id");
        }
        return PREFIX + "update:" + platform.id() + ":" + RedisIds.escape(updateId);
    }

    /** The cached list of a community's administrators (its organisers on platforms that have admins). */
    public static String communityAdmins(CommunityRef community) {
        return communityKey(community, "admins");
    }

    /** The mark that the bot cannot write to a member privately (they blocked it, or never started a chat). */
    public static String memberUnreachable(MemberRef member) {
        return memberKey(member, "unreachable");
    }

    /**
     * {@code ck:m:{platform:userId}:<suffix>}: a key of one member, in the member's hash tag. A store class that names
     * its own keys (a new feature's) makes them here, with a suffix that starts with its own namespace (its feature's
     * id, e.g. {@code gratitude:lines}), escaping any id it puts in with {@link RedisIds#escape}.
     */
    public static String memberKey(MemberRef member, String suffix) {
        return PREFIX + "m:{" + RedisIds.memberId(member) + "}:" + suffix(suffix);
    }

    /**
     * {@code ck:c:{platform:communityId}:<suffix>}: a key of one community, in the community's hash tag; for a store's
     * own keys as {@link #memberKey} says.
     */
    public static String communityKey(CommunityRef community, String suffix) {
        Objects.requireNonNull(community, "community");
        return PREFIX + "c:{" + community.platform().id() + ":" + RedisIds.escape(community.communityId()) + "}:" + suffix(suffix);
    }

    private static String suffix(String suffix) {
        if (suffix == null || suffix.isEmpty() || suffix.indexOf('{') >= 0 || suffix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("a key's suffix must be a name without braces (escape ids with RedisIds.escape)");
        }
        return suffix;
    }
}
