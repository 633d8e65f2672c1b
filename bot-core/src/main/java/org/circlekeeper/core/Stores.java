package org.circlekeeper.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.checkin.CheckinStores;
import org.circlekeeper.core.circle.CircleStores;
import org.circlekeeper.core.community.CommunitySettingsStore;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.member.ErasureFlush;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.DeliveryLog;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.resource.ResourceStore;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.share.ShareStore;
import org.circlekeeper.core.template.WordingStore;

/**
 * The bot's store ports by name ({@link StoreKey}), implemented by Redis in production and in memory in tests, and
 * how an erasure reaches the store's files on disk. Built with {@link #builder()}: each store is put in under its
 * key, so adding a store breaks no one's code; the bot refuses to start, naming what is missing, when a store that
 * it or a registered feature needs is not there.
 */
public final class Stores {

    /**
     * The stores the bot itself uses, whatever features it has: settings, wording, tokens, forms, jobs, deliveries,
     * and which communities removed the bot.
     */
    public static final List<StoreKey<?>> BASE = List.of(MemberSettingsStore.KEY, CommunitySettingsStore.KEY,
            WordingStore.KEY, ActionTokens.KEY, PendingForms.KEY, JobQueue.KEY, DeliveryLog.KEY, DepartureStore.KEY);

    private final Map<StoreKey<?>, Object> stores;
    private final ErasureFlush erasure;

    private Stores(Map<StoreKey<?>, Object> stores, ErasureFlush erasure) {
        this.stores = Map.copyOf(stores);
        this.erasure = erasure;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these stores, to replace or add some (a test's own store, a failing one). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.stores.putAll(stores);
        builder.erasure = erasure;
        return builder;
    }

    /**
     * The store under {@code key}.
     *
     * @throws IllegalStateException naming the store when there is none
     */
    public <T> T get(StoreKey<T> key) {
        Object store = stores.get(Objects.requireNonNull(key, "key"));
        if (store == null) {
            throw new IllegalStateException("there is no store " + key + " among " + names(stores.keySet())
                    + "; put it in with Stores.builder().put(" + key.type().getSimpleName() + ".KEY, …)");
        }
        return key.cast(store);
    }

    /** Whether a store is there under {@code key}. */
    public boolean has(StoreKey<?> key) {
        return stores.containsKey(key);
    }

    /** The keys of every store held. */
    public Set<StoreKey<?>> keys() {
        return Set.copyOf(stores.keySet());
    }

    /**
     * Fails, naming every missing store and who needs it, unless each key is here.
     *
     * @param neededBy who needs them, for the message (e.g. {@code the feature checkin})
     */
    public void require(Collection<StoreKey<?>> keys, String neededBy) {
        List<StoreKey<?>> missing = keys.stream().filter(k -> !stores.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(neededBy + " needs the store" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(StoreKey::toString).collect(Collectors.joining(", "))
                    + ", which " + (missing.size() > 1 ? "are" : "is") + " not among the stores given ("
                    + names(stores.keySet()) + "); put " + (missing.size() > 1 ? "them" : "it")
                    + " in with Stores.builder().put(KEY, store)");
        }
    }

    public MemberSettingsStore memberSettings() {
        return get(MemberSettingsStore.KEY);
    }

    public CommunitySettingsStore communitySettings() {
        return get(CommunitySettingsStore.KEY);
    }

    public WordingStore wording() {
        return get(WordingStore.KEY);
    }

    public ActionTokens tokens() {
        return get(ActionTokens.KEY);
    }

    public PendingForms forms() {
        return get(PendingForms.KEY);
    }

    public JobQueue jobs() {
        return get(JobQueue.KEY);
    }

    public DeliveryLog deliveries() {
        return get(DeliveryLog.KEY);
    }

    /** Which communities removed the bot, and the erasure of a community as a whole. */
    public DepartureStore departures() {
        return get(DepartureStore.KEY);
    }

    // Shortcuts to the shipped features' stores, for the tests and the app that read them; a new feature needs
    // none of its own: get(ItsStore.KEY) reads it.

    public ResourceStore resources() {
        return get(ResourceStore.KEY);
    }

    public CircleStores circles() {
        return get(CircleStores.KEY);
    }

    public ShareStore share() {
        return get(ShareStore.KEY);
    }

    public CheckinStores checkins() {
        return get(CheckinStores.KEY);
    }

    /** How an erasure reaches the store's files on disk ({@link ErasureFlush#NOTHING_ON_DISK} unless set). */
    public ErasureFlush erasure() {
        return erasure;
    }

    private static String names(Collection<StoreKey<?>> keys) {
        return keys.stream().map(StoreKey::name).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    /** Collects stores by key; {@link #build()} checks that the bot's own ({@link #BASE}) are all there. */
    public static final class Builder {

        private final Map<StoreKey<?>, Object> stores = new LinkedHashMap<>();
        private ErasureFlush erasure = ErasureFlush.NOTHING_ON_DISK;

        private Builder() {
        }

        /** Puts {@code store} in under {@code key}, replacing any store put there before. */
        public <T> Builder put(StoreKey<T> key, T store) {
            Objects.requireNonNull(key, "key");
            stores.put(key, key.cast(Objects.requireNonNull(store, () -> "the store " + key)));
            return this;
        }

        /** How an erasure reaches the files on disk; stores that keep nothing on disk need not say. */
        public Builder erasure(ErasureFlush erasure) {
            this.erasure = Objects.requireNonNull(erasure, "erasure");
            return this;
        }

        /**
         * The stores.
         *
         * @throws IllegalStateException naming each store the bot itself needs that was not put in
         */
        public Stores build() {
            Stores built = new Stores(stores, erasure);
            built.require(new ArrayList<>(BASE), "the bot");
            return built;
        }
    }
}
