package org.circlekeeper.core.ref;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageCatalogTest {

    @Test
    void keysAreCollectedAsTheyAreDeclaredInOrderAndOnce() {
        MessageCatalog catalog = MessageCatalog.of("sample");
        MessageKey hello = catalog.key("sample.hello", "name");
        catalog.key("sample.bye");
        catalog.add(MessageKey.of("sample.hello", "name"));

        assertThat(catalog.bundle()).isEqualTo("sample");
        assertThat(catalog.keys()).extracting(MessageKey::key).containsExactly("sample.hello", "sample.bye");
        assertThat(catalog.keys().get(0)).isEqualTo(hello);
    }

    @Test
    void oneKeyDeclaredWithTwoSetsOfValuesIsRefused() {
        MessageCatalog catalog = MessageCatalog.of("sample");
        catalog.key("sample.hello", "name");

        assertThatThrownBy(() -> catalog.key("sample.hello", "nickname"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample.hello is declared twice");
    }

    @Test
    void aBundleNameIsALowerCaseFileName() {
        assertThatThrownBy(() -> MessageCatalog.of("../core")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageCatalog.of("Core")).isInstanceOf(IllegalArgumentException.class);
    }
}
