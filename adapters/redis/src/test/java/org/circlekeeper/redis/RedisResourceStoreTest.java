package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.resource.CommunityCatalog;
import org.circlekeeper.core.resource.OutdatedReport;
import org.circlekeeper.core.resource.Resource;
import org.circlekeeper.core.resource.ResourceKind;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.resource.ResourceText;
import org.circlekeeper.core.resource.SafetySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisResourceStoreTest {

    @RegisterExtension
    static final RealRedis REDIS = new RealRedis();

    private static final CommunityRef GROUP = new CommunityRef(Platform.TELEGRAM, "-1001");
    private static final CommunityRef OTHER = new CommunityRef(Platform.TELEGRAM, "-1002");
    private static final MemberRef ALICE = new MemberRef(Platform.TELEGRAM, "4711", "Alice");
    private static final MemberRef BOB = new MemberRef(Platform.TELEGRAM, "4712", "Bob");
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration HOURS_4 = Duration.ofHours(4);

    private static final String ENTRIES = "ck:c:{telegram:-1001}:res:entries";
    private static final String HIDDEN = "ck:c:{telegram:-1001}:res:hidden";
    private static final String VERSION = "ck:c:{telegram:-1001}:res:version";
    private static final String REPORTS = "ck:c:{telegram:-1001}:res:reports";
    private static final String SAFETY = "ck:c:{telegram:-1001}:res:safety";
    private static final String ALICE_COOLDOWN = "ck:m:{telegram:4711}:res:cooldown";

    private final RedisResourceStore store = new RedisResourceStore(REDIS.connection());

    static Resource entry(String id, String title) {
        return new Resource(id, ResourceKind.SERVICE, Map.of("en", new ResourceText(title, "A summary", "", List.of("sleep"))),
                List.of(), "https://example.org/" + id, null, null, LocalDate.of(2025, 3, 1), "", Resource.Origin.COMMUNITY);
    }

    private static Set<String> members(String key) {
        return REDIS.connection().call(key, jedis -> jedis.smembers(key));
    }

    private static String string(String key) {
        return REDIS.connection().call(key, jedis -> jedis.get(key));
    }

    // --- entries, hidden ids, version ---

    @Test
    void aCommunityWithNothingStoredHasAnEmptyCatalogAndNoKeys() {
        assertThat(store.catalog(GROUP)).isEqualTo(CommunityCatalog.EMPTY);
        assertThat(store.version(GROUP)).isZero();
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void savedEntriesComeBackInTheCatalogWithTheirVersion() {
        store.save(GROUP, entry("own-walks", "Walks"));
        store.save(GROUP, entry("own-art", "Art"));

        CommunityCatalog catalog = store.catalog(GROUP);

        assertThat(catalog.entries()).containsExactly(entry("own-art", "Art"), entry("own-walks", "Walks"));
        assertThat(catalog.hidden()).isEmpty();
        assertThat(catalog.version()).isEqualTo(2).isEqualTo(store.version(GROUP));
        assertThat(store.catalog(OTHER)).isEqualTo(CommunityCatalog.EMPTY);
        assertThat(REDIS.keys()).containsExactlyInAnyOrder(ENTRIES, VERSION);
        assertThat(REDIS.hash(ENTRIES)).containsOnlyKeys("own-walks", "own-art");
    }

    @Test
    void savingAnExistingIdEditsIt() {
        store.save(GROUP, entry("own-walks", "Walks"));
        store.save(GROUP, entry("own-walks", "Evening walks"));

        assertThat(store.catalog(GROUP).entries()).containsExactly(entry("own-walks", "Evening walks"));
    }

    @Test
    void removeSaysWhetherThereWasSuchAnEntry() {
        store.save(GROUP, entry("own-walks", "Walks"));

        assertThat(store.remove(OTHER, "own-walks")).isFalse();
        assertThat(store.remove(GROUP, "own-walks")).isTrue();
        assertThat(store.remove(GROUP, "own-walks")).isFalse();
        assertThat(store.catalog(GROUP).entries()).isEmpty();
        assertThat(REDIS.exists(ENTRIES)).isFalse();
    }

    @Test
    void hideAndUnhideSayWhetherTheyChangedAnything() {
        assertThat(store.hide(GROUP, "shipped-breathing")).isTrue();
        assertThat(store.hide(GROUP, "shipped-breathing")).isFalse();
        assertThat(store.catalog(GROUP).hidden()).containsExactly("shipped-breathing");
        assertThat(store.catalog(OTHER).hidden()).isEmpty();
        assertThat(members(HIDDEN)).containsExactly("shipped-breathing");

        assertThat(store.unhide(GROUP, "shipped-breathing")).isTrue();
        assertThat(store.unhide(GROUP, "shipped-breathing")).isFalse();
        assertThat(store.unhide(GROUP, "never-hidden")).isFalse();
        assertThat(store.catalog(GROUP).hidden()).isEmpty();
        assertThatThrownBy(() -> store.hide(GROUP, "Not An Id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theVersionMovesWithEveryChangeToEntriesOrHiddenIdsAndNothingElse() {
        store.save(GROUP, entry("own-walks", "Walks"));
        assertThat(store.version(GROUP)).isEqualTo(1);
        store.save(GROUP, entry("own-walks", "Walks"));
        assertThat(store.version(GROUP)).as("a save, even of the same entry").isEqualTo(2);
        store.remove(GROUP, "own-walks");
        assertThat(store.version(GROUP)).isEqualTo(3);
        store.remove(GROUP, "own-walks");
        assertThat(store.version(GROUP)).as("nothing removed").isEqualTo(3);
        store.hide(GROUP, "shipped-breathing");
        assertThat(store.version(GROUP)).isEqualTo(4);
        store.hide(GROUP, "shipped-breathing");
        assertThat(store.version(GROUP)).as("already hidden").isEqualTo(4);
        store.unhide(GROUP, "shipped-breathing");
        assertThat(store.version(GROUP)).isEqualTo(5);
        store.unhide(GROUP, "shipped-breathing");
        assertThat(store.version(GROUP)).as("not hidden").isEqualTo(5);

        store.catalog(GROUP);
        store.version(GROUP);
        store.recordOutdated(GROUP, "de-telefonseelsorge", T0);
        store.saveSafety(GROUP, SafetySettings.OFF.withDetection(true));
        store.startCooldown(GROUP, ALICE, T0, HOURS_4);
        assertThat(store.version(GROUP)).as("reads, reports, settings and cooldowns").isEqualTo(5);
        assertThat(store.version(OTHER)).isZero();
        assertThat(string(VERSION)).isEqualTo("5");
    }

    @Test
    void aFullCommunityCannotAddButMayStillEditWhatItHas() {
        for (int i = 0; i < ResourceStore.MAX_ENTRIES; i++) {
            store.save(GROUP, entry("own-" + i, "Entry " + i));
        }
        long version = store.version(GROUP);

        assertThatThrownBy(() -> store.save(GROUP, entry("own-one-more", "One more")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at most " + ResourceStore.MAX_ENTRIES);
        assertThat(store.version(GROUP)).as("a refused save changes nothing").isEqualTo(version);

        store.save(GROUP, entry("own-7", "Changed"));
        store.save(OTHER, entry("own-one-more", "One more"));

        assertThat(store.catalog(GROUP).entries()).hasSize(ResourceStore.MAX_ENTRIES).contains(entry("own-7", "Changed"));
        assertThat(REDIS.hash(ENTRIES)).hasSize(ResourceStore.MAX_ENTRIES).doesNotContainKey("own-one-more");
        assertThat(store.catalog(OTHER).entries()).containsExactly(entry("own-one-more", "One more"));
    }

    @Test
    void anOverlongEntryIsRefusedBeforeItReachesRedis() {
        Resource huge = new Resource("own-huge", ResourceKind.READING,
                Map.of("en", new ResourceText("Huge", "x".repeat(RedisResourceStore.MAX_ENTRY_CHARS), "", List.of())),
                List.of(), null, null, null, LocalDate.of(2025, 3, 1), "", Resource.Origin.COMMUNITY);

        assertThatThrownBy(() -> store.save(GROUP, huge)).isInstanceOf(IllegalArgumentException.class);
        assertThat(REDIS.keys()).isEmpty();
    }

    @Test
    void aGarbledEntryIsSkippedAndTheRestOfTheCatalogStillReads() {
        store.save(GROUP, entry("own-walks", "Walks"));
        store.hide(GROUP, "shipped-breathing");
        Map<String, String> garbled = new HashMap<>();
        garbled.put("own-broken", "{not json");
        garbled.put("own-old", "{\"v\":1}");
        garbled.put("own-moved", ResourceJson.write(entry("own-elsewhere", "Elsewhere")));
        REDIS.connection().run(ENTRIES, jedis -> jedis.hset(ENTRIES, garbled));

        CommunityCatalog catalog = store.catalog(GROUP);

        assertThat(catalog.entries()).containsExactly(entry("own-walks", "Walks"));
        assertThat(catalog.hidden()).containsExactly("shipped-breathing");
        assertThat(catalog.version()).isEqualTo(2);
    }

    @Test
    void entriesAreStoredAsTheDocumentedJson() {
        store.save(GROUP, entry("own-walks", "Walks"));

        assertThat(REDIS.hash(ENTRIES).get("own-walks")).startsWith("{\"v\":1,\"id\":\"own-walks\",\"kind\":\"service\"");
    }

    // --- outdated-number reports ---

    @Test
    void reportsAreCountedPerLineMostRecentFirstWithoutAnyoneIds() {
        store.recordOutdated(GROUP, "de-telefonseelsorge", T0);
        store.recordOutdated(GROUP, "es-024", T0.plusSeconds(60));
        store.recordOutdated(GROUP, "de-telefonseelsorge", T0.plusSeconds(120).plusNanos(5));
        store.recordOutdated(OTHER, "es-024", T0);

        assertThat(store.outdatedReports(GROUP)).containsExactly(
                new OutdatedReport("de-telefonseelsorge", 2, T0, T0.plusSeconds(120).plusNanos(5)),
                new OutdatedReport("es-024", 1, T0.plusSeconds(60), T0.plusSeconds(60)));
        assertThat(store.outdatedReports(OTHER)).containsExactly(new OutdatedReport("es-024", 1, T0, T0));
        long t0 = T0.getEpochSecond();
        assertThat(REDIS.hash(REPORTS)).containsOnly(
                Map.entry("de-telefonseelsorge", "2 " + t0 + " 0 " + (t0 + 120) + " 5"),
                Map.entry("es-024", "1 " + (t0 + 60) + " 0 " + (t0 + 60) + " 0"));
    }

    @Test
    void clearingReportsForgetsThemInThatCommunityOnly() {
        store.recordOutdated(GROUP, "es-024", T0);
        store.recordOutdated(OTHER, "es-024", T0);

        store.clearOutdatedReports(GROUP);

        assertThat(store.outdatedReports(GROUP)).isEmpty();
        assertThat(REDIS.exists(REPORTS)).isFalse();
        assertThat(store.outdatedReports(OTHER)).hasSize(1);
        store.recordOutdated(GROUP, "es-024", T0.plusSeconds(5));
        assertThat(store.outdatedReports(GROUP)).containsExactly(new OutdatedReport("es-024", 1, T0.plusSeconds(5), T0.plusSeconds(5)));
    }

    @Test
    void aGarbledReportIsSkippedWhenReadAndStartedAgainWhenReported() {
        store.recordOutdated(GROUP, "es-024", T0);
        REDIS.connection().run(REPORTS, jedis -> jedis.hset(REPORTS, "de-telefonseelsorge", "lots"));

        assertThat(store.outdatedReports(GROUP)).containsExactly(new OutdatedReport("es-024", 1, T0, T0));

        store.recordOutdated(GROUP, "de-telefonseelsorge", T0.plusSeconds(9));
        assertThat(store.outdatedReports(GROUP)).first()
                .isEqualTo(new OutdatedReport("de-telefonseelsorge", 1, T0.plusSeconds(9), T0.plusSeconds(9)));
    }

    // --- safety settings ---

    @Test
    void safetySettingsRoundTripAndAreOffUntilChanged() {
        ChannelRef organisers = new ChannelRef(Platform.TELEGRAM, "-100777", ChannelRef.Kind.GROUP);
        assertThat(store.safety(GROUP)).isEqualTo(SafetySettings.OFF);

        store.saveSafety(GROUP, SafetySettings.OFF.withDetection(true));
        assertThat(store.safety(GROUP)).isEqualTo(new SafetySettings(true, false, null));
        assertThat(REDIS.hash(SAFETY)).containsOnly(Map.entry("detection", "true"), Map.entry("alerts", "false"));

        store.saveSafety(GROUP, store.safety(GROUP).withAlertsTo(organisers));
        assertThat(store.safety(GROUP)).isEqualTo(new SafetySettings(true, true, organisers));
        assertThat(store.safety(OTHER)).isEqualTo(SafetySettings.OFF);
        assertThat(REDIS.hash(SAFETY)).containsOnly(Map.entry("detection", "true"), Map.entry("alerts", "true"),
                Map.entry("channelPlatform", "telegram"), Map.entry("channelKind", "group"), Map.entry("channelId", "-100777"));

        store.saveSafety(GROUP, store.safety(GROUP).withoutAlerts());
        assertThat(store.safety(GROUP)).isEqualTo(new SafetySettings(true, false, null));
        assertThat(REDIS.hash(SAFETY)).doesNotContainKeys("channelPlatform", "channelKind", "channelId");

        store.saveSafety(GROUP, SafetySettings.OFF);
        assertThat(store.safety(GROUP)).isEqualTo(SafetySettings.OFF);
        assertThat(REDIS.exists(SAFETY)).isFalse();
    }

    @Test
    void anUnreadableAlertChannelTurnsAlertsOffInsteadOfFailing() {
        REDIS.connection().run(SAFETY, jedis -> jedis.hset(SAFETY, Map.of("detection", "true", "alerts", "true",
                "channelPlatform", "myspace", "channelKind", "group", "channelId", "1")));

        assertThat(store.safety(GROUP)).isEqualTo(new SafetySettings(true, false, null));
    }

    // --- cooldowns ---

    @Test
    void aCooldownStartsOnceAndAgainOnlyAfterItEnded() {
        assertThat(store.startCooldown(GROUP, ALICE, T0, HOURS_4)).isTrue();
        assertThat(store.startCooldown(GROUP, ALICE, T0.plus(Duration.ofHours(3)), HOURS_4)).isFalse();
        assertThat(store.startCooldown(OTHER, ALICE, T0.plus(Duration.ofHours(3)), HOURS_4)).as("another community").isTrue();
        assertThat(store.startCooldown(GROUP, BOB, T0.plus(Duration.ofHours(3)), HOURS_4)).as("another member").isTrue();
        assertThat(store.startCooldown(GROUP, ALICE, T0.plus(HOURS_4).minusMillis(1), HOURS_4)).isFalse();
        assertThat(store.startCooldown(GROUP, ALICE, T0.plus(HOURS_4), HOURS_4)).as("ended exactly now").isTrue();
        assertThat(store.startCooldown(GROUP, ALICE, T0.plus(HOURS_4).plusSeconds(1), HOURS_4)).isFalse();
    }

    @Test
    void theCooldownHashHoldsCommunityToEndAndExpiresWithItsLastCooldown() {
        store.startCooldown(GROUP, ALICE, T0, HOURS_4);
        assertThat(REDIS.hash(ALICE_COOLDOWN))
                .containsOnly(Map.entry("telegram:-1001", Long.toString(T0.plus(HOURS_4).toEpochMilli())));
        assertThat(REDIS.ttlMillis(ALICE_COOLDOWN)).isBetween(HOURS_4.toMillis() - 5_000, HOURS_4.toMillis());

        // a shorter one started later must not shorten the key's life below the first one's end
        store.startCooldown(OTHER, ALICE, T0.plus(Duration.ofHours(1)), Duration.ofMinutes(30));
        assertThat(REDIS.ttlMillis(ALICE_COOLDOWN)).isBetween(Duration.ofHours(3).toMillis() - 5_000, Duration.ofHours(3).toMillis());

        // once the first ended, its field goes and the key lives as long as the one left
        store.startCooldown(OTHER, ALICE, T0.plus(Duration.ofMinutes(80)), Duration.ofMinutes(30));
        assertThat(REDIS.hash(ALICE_COOLDOWN)).containsOnlyKeys("telegram:-1001", "telegram:-1002");
        store.startCooldown(GROUP, BOB, T0, HOURS_4);
        store.startCooldown(OTHER, ALICE, T0.plus(HOURS_4).plusSeconds(1), Duration.ofMinutes(10));
        assertThat(REDIS.hash(ALICE_COOLDOWN)).containsOnlyKeys("telegram:-1002");
        assertThat(REDIS.ttlMillis(ALICE_COOLDOWN)).isBetween(Duration.ofMinutes(10).toMillis() - 5_000, Duration.ofMinutes(10).toMillis());
    }

    @Test
    void theCooldownKeyVanishesByItself() throws InterruptedException {
        Instant now = Instant.now();
        assertThat(store.startCooldown(GROUP, ALICE, now, Duration.ofMillis(50))).isTrue();
        assertThat(REDIS.exists(ALICE_COOLDOWN)).isTrue();

        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (REDIS.exists(ALICE_COOLDOWN) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(REDIS.keys()).isEmpty();
        assertThat(store.startCooldown(GROUP, ALICE, now.plusMillis(50), Duration.ofMillis(50))).isTrue();
    }

    @Test
    void theExportShowsRunningCooldownsOnlyAndErasureEndsThemAll() {
        store.startCooldown(GROUP, ALICE, T0, HOURS_4);
        store.startCooldown(OTHER, ALICE, T0, Duration.ofHours(1));
        store.startCooldown(GROUP, BOB, T0, HOURS_4);

        assertThat(store.cooldowns(ALICE, T0.plusSeconds(60))).containsExactly(
                Map.entry("telegram:-1001", T0.plus(HOURS_4)), Map.entry("telegram:-1002", T0.plus(Duration.ofHours(1))));
        assertThat(store.cooldowns(ALICE, T0.plus(Duration.ofHours(2))))
                .as("ended but not dropped yet").containsExactly(Map.entry("telegram:-1001", T0.plus(HOURS_4)));

        store.clearCooldowns(ALICE);

        assertThat(store.cooldowns(ALICE, T0)).isEmpty();
        assertThat(REDIS.exists(ALICE_COOLDOWN)).isFalse();
        assertThat(store.cooldowns(BOB, T0)).hasSize(1);
        assertThat(store.startCooldown(GROUP, ALICE, T0.plusSeconds(1), HOURS_4)).as("erased, so a new one starts").isTrue();
    }

    @Test
    void aCooldownEndingWithinAMillisecondIsRoundedUpNeverDown() {
        Instant now = T0.plusNanos(400_000);

        store.startCooldown(GROUP, ALICE, now, Duration.ofMinutes(1));

        assertThat(store.cooldowns(ALICE, now).get("telegram:-1001")).isEqualTo(T0.plus(Duration.ofMinutes(1)).plusMillis(1));
        assertThat(store.startCooldown(GROUP, ALICE, now.plus(Duration.ofMinutes(1)), Duration.ofMinutes(1))).isFalse();
        assertThatThrownBy(() -> store.startCooldown(GROUP, ALICE, T0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGarbledCooldownIsDroppedAndDoesNotBlockANewOne() {
        REDIS.connection().run(ALICE_COOLDOWN, jedis -> jedis.hset(ALICE_COOLDOWN, "telegram:-1001", "soon"));

        assertThat(store.cooldowns(ALICE, T0)).isEmpty();
        assertThat(store.startCooldown(GROUP, ALICE, T0, HOURS_4)).isTrue();
        assertThat(REDIS.hash(ALICE_COOLDOWN)).containsOnly(Map.entry("telegram:-1001", Long.toString(T0.plus(HOURS_4).toEpochMilli())));
    }
}
