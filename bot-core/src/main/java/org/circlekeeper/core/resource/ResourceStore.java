package org.circlekeeper.core.resource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/**
 * Keeps what the resource feature needs per community: its own entries and hidden shipped ids
 * (with a version for the search cache), outdated-number reports (no member ids), the safety
 * settings, and per-member safety cooldowns (which expire on their own). Redis in production,
 * in memory in the core's tests.
 *
 * <p>A layout that fits Redis (6.2 commands; {@code {c}} is the community's hash tag, so each
 * change is one {@code MULTI} on one slot): {@code ck:c:{c}:res:entries} hash id → entry JSON
 * (at most {@link #MAX_ENTRIES}); {@code ck:c:{c}:res:hidden} set of shipped ids; {@code
 * ck:c:{c}:res:version} counter, {@code INCR}ed in the same {@code MULTI} as every change to
 * those two; {@code ck:c:{c}:res:reports} hash line id → count, first, last (bounded by the
 * directory); {@code ck:c:{c}:res:safety} hash of the settings. Cooldowns belong to the member:
 * {@code ck:m:{m}:res:cooldown} hash community → end, checked and set by one script that drops
 * ended fields and {@code PEXPIRE}s the key, so it vanishes by itself.
 */
public interface ResourceStore {

    /** This store's name among the bot's stores. */
    StoreKey<ResourceStore> KEY = StoreKey.of("resources", ResourceStore.class);

    /** The most entries one community can add; {@link #save} callers check it first. */
    int MAX_ENTRIES = 200;

    /** A number that changes whenever the community's entries or hidden ids change. */
    long version(CommunityRef community);

    /** The community's entries, hidden ids and version, read together. */
    CommunityCatalog catalog(CommunityRef community);

    /** Adds or replaces one of the community's own entries, and moves the version. */
    void save(CommunityRef community, Resource entry);

    /** Removes one of the community's own entries; false (and no change) when it has none with that id. */
    boolean remove(CommunityRef community, String id);

    /** Hides a shipped entry in this community; false when it was already hidden. */
    boolean hide(CommunityRef community, String shippedId);

    /** Shows a hidden shipped entry again; false when it was not hidden. */
    boolean unhide(CommunityRef community, String shippedId);

    /** Counts one "this number is outdated" report for a crisis line. */
    void recordOutdated(CommunityRef community, String lineId, Instant at);

    /** Every line reported in this community, most recent first. */
    List<OutdatedReport> outdatedReports(CommunityRef community);

    /** Forgets the community's reports (after organisers checked them). */
    void clearOutdatedReports(CommunityRef community);

    /** The community's safety settings, {@link SafetySettings#OFF} until an organiser changes them. */
    SafetySettings safety(CommunityRef community);

    void saveSafety(CommunityRef community, SafetySettings settings);

    /**
     * Starts a safety cooldown for the member in this community unless one is running: true when it
     * started (the caller may reply), false while an earlier one lasts. Atomic across replicas.
     */
    boolean startCooldown(CommunityRef community, MemberRef member, Instant now, Duration length);

    /** The member's running cooldowns, by community key, for their data export. */
    Map<String, Instant> cooldowns(MemberRef member, Instant now);

    /** Ends the member's cooldowns in every community (their erasure). */
    void clearCooldowns(MemberRef member);
}
