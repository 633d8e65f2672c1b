package org.circlekeeper.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * key, so adding a store breaks no one's code. A store no one put in is made by the builder's {@link Maker} when it
 * has one (an adapter's naming rule, {@link StoreClasses}), so a new feature's store needs no line where stores are
 * put in; the bot refuses to start, naming what is missing and where it was looked for, when a store that it or a
 * registered feature needs is not there.
 */
public final class Stores {

    /**
     * The stores the bot itself uses, whatever features it has: settings, wording, tokens, forms, jobs, deliveries,
     * and which communities removed the bot.
     */
    public static final List<StoreKey<?>> BASE = List.of(MemberSettingsStore.KEY, CommunitySettingsStore.KEY,
            WordingStore.KEY, ActionTokens.KEY, PendingForms.KEY, JobQueue.KEY, DeliveryLog.KEY, DepartureStore.KEY);

    /** Makes a store that was not put in, from its key alone; the adapters' naming rule ({@link StoreClasses}). */
    public interface Maker {

        /** The store for {@code key}, newly made, or empty when there is none to make. */
        Optional<Object> make(StoreKey<?> key);

        /** Where a store for {@code key} was looked for, for the message when there is none. */
        String lookedFor(StoreKey<?> key);

        /** Makes nothing: every store must be put in. */
        Maker NONE = new Maker() {
            @Override
            public Optional<Object> make(StoreKey<?> key) {
                return Optional.empty();
            }

            @Override
            public String lookedFor(StoreKey<?> key) {
                return "";
            }
        };
    }

    private final Map<StoreKey<?>, Object> stores;
    private final ErasureFlush erasure;
    private final Maker maker;

    private Stores(Map<StoreKey<?>, Object> stores, ErasureFlush erasure, Maker maker) {
        this.stores = new ConcurrentHashMap<>(stores);
        this.erasure = erasure;
        this.maker = maker;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these stores, to replace or add some (a test's own store, a failing one). */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.stores.putAll(stores);
        builder.erasure = erasure;
        builder.maker = maker;
        return builder;
    }

    /**
     * The store under {@code key}.
     *
     * @throws IllegalStateException naming the store when there is none
     */
    public <T> T get(StoreKey<T> key) {
        Object store = find(Objects.requireNonNull(key, "key"));
        if (store == null) {
            throw new IllegalStateException("there is no store " + key + " among " + names(stores.keySet())
                    + "; put it in with Stores.builder().put(" + key.type().getSimpleName() + ".KEY, …)"
                    + maker.lookedFor(key));
        }
        return key.cast(store);
    }

    /** Whether a store is there under {@code key}, put in or made now by the {@link Maker}. */
    public boolean has(StoreKey<?> key) {
        return find(key) != null;
    }

    /** The store under {@code key}: the one put in, else the one the maker made (once: it is kept), else null. */
    private Object find(StoreKey<?> key) {
        Object store = stores.get(key);
        if (store != null) {
            return store;
        }
        return stores.computeIfAbsent(key, k -> maker.make(k).map(k::cast).orElse(null));
    }

    /** The keys of every store held (put in, or made so far). */
    public Set<StoreKey<?>> keys() {
        return Set.copyOf(stores.keySet());
    }

    /**
     * Fails, naming every missing store and who needs it, unless each key is here.
     *
     * @param neededBy who needs them, for the message (e.g. {@code the feature checkin})
     */
    public void require(Collection<StoreKey<?>> keys, String neededBy) {
        List<StoreKey<?>> missing = keys.stream().filter(k -> !has(k)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(neededBy + " needs the store" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().map(StoreKey::toString).collect(Collectors.joining(", "))
                    + ", which " + (missing.size() > 1 ? "are" : "is") + " not among the stores given ("
                    + names(stores.keySet()) + "); put " + (missing.size() > 1 ? "them" : "it")
                    + " in with Stores.builder().put(KEY, store)" + missing.stream().map(maker::lookedFor)
                    .collect(Collectors.joining()));
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
        private Maker maker = Maker.NONE;

        private Builder() {
        }

        /** How a store that was not put in is made from its key (an adapter's naming rule); none by default. */
        public Builder maker(Maker maker) {
            this.maker = Objects.requireNonNull(maker, "maker");
            return this;
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
            Stores built = new Stores(stores, erasure, maker);
            built.require(new ArrayList<>(BASE), "the bot");
            return built;
        }
    }
}
