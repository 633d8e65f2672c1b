package org.circlekeeper.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.circlekeeper.core.member.ErasureFlush;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.schedule.JobQueue;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

/** Stores are put in and taken out by name, and what is missing is named. */
class StoresTest {

    private final Stores memory = InMemoryStores.create(Clock.systemUTC());

    @Test
    void aStoreIsFoundByItsKeyAndAnotherCanBeAddedWithoutTouchingTheRest() {
        StoreKey<StringBuilder> notes = StoreKey.of("notes", StringBuilder.class);
        StringBuilder store = new StringBuilder();
        Stores more = memory.toBuilder().put(notes, store).build();

        assertThat(more.get(notes)).isSameAs(store);
        assertThat(more.memberSettings()).isSameAs(memory.memberSettings());
        assertThat(more.keys()).containsAll(memory.keys()).contains(notes);
        assertThat(memory.has(notes)).isFalse();
    }

    @Test
    void aMissingStoreIsNamedWithHowToPutItIn() {
        StoreKey<StringBuilder> notes = StoreKey.of("notes", StringBuilder.class);

        assertThatThrownBy(() -> memory.get(notes)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no store 'notes' (StringBuilder)").hasMessageContaining("Stores.builder().put(StringBuilder.KEY");
        assertThatThrownBy(() -> memory.require(List.of(notes, JobQueue.KEY), "the feature notes"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the feature notes needs the store 'notes' (StringBuilder), which is not among");
    }

    @Test
    void theBotsOwnStoresMustAllBeThere() {
        assertThatThrownBy(() -> Stores.builder().put(MemberSettingsStore.KEY, new InMemoryMemberSettingsStore()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the bot needs the stores ")
                .hasMessageContaining("'jobs' (JobQueue)").hasMessageContaining("'wording' (WordingStore)").hasMessageNotContaining("'memberSettings' (MemberSettingsStore),");
    }

    @Test
    void aStoreOfTheWrongTypeIsRefusedWhenPutIn() {
        @SuppressWarnings({"unchecked", "rawtypes"})
        StoreKey<Object> lying = (StoreKey) JobQueue.KEY;

        assertThatThrownBy(() -> Stores.builder().put(lying, "not a queue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the store 'jobs' must be a JobQueue");
    }

    @Test
    void erasureReachesNoFilesUnlessSaid() {
        ErasureFlush flush = () -> { };

        assertThat(memory.erasure()).isSameAs(ErasureFlush.NOTHING_ON_DISK);
        assertThat(memory.toBuilder().erasure(flush).build().erasure()).isSameAs(flush);
    }
}
