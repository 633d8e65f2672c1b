package org.circlekeeper.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * Message keys are collected from their declarations, not listed by hand; these checks keep it so. Every key a
 * class of the core holds in a constant reaches the engine's list (which the i18n sync test checks in every
 * locale), and every key of a {@link MessageCatalog} has its text in the catalog's own bundle, in every locale.
 */
class DeclaredKeysTest {

    private static final List<Field> CONSTANTS = constants();

    @Test
    void everyKeyConstantOfTheCoreIsCollected() throws IllegalAccessException {
        Map<String, MessageKey> collected = new BotTester().engine().registry().messageKeys().stream()
                .collect(Collectors.toMap(MessageKey::key, k -> k));
        Set<String> missed = new TreeSet<>();
        int checked = 0;
        for (Field field : CONSTANTS) {
            if (field.getType() == MessageKey.class) {
                MessageKey key = (MessageKey) field.get(null);
                checked++;
                if (!key.equals(collected.get(key.key()))) {
                    missed.add(field.getDeclaringClass().getSimpleName() + "." + field.getName() + " (" + key.key() + ")");
                }
            }
        }
        assertThat(checked).as("key constants found").isGreaterThan(300);
        assertThat(missed).as("key constants that no feature hands to the engine: declare them in a MessageCatalog")
                .isEmpty();
    }

    @Test
    void everyCatalogsKeysLiveInItsOwnBundleInEveryLocale() throws IllegalAccessException {
        Set<String> missing = new TreeSet<>();
        int catalogs = 0;
        for (Field field : CONSTANTS) {
            if (field.getType() == MessageCatalog.class) {
                MessageCatalog catalog = (MessageCatalog) field.get(null);
                catalogs++;
                TemplateSource bundle = TemplateSource.shipped(List.of(catalog.bundle()));
                for (Locale locale : Locales.SUPPORTED) {
                    catalog.keys().stream().filter(k -> bundle.text(locale, k.key()) == null)
                            .forEach(k -> missing.add(k.key() + " in " + catalog.bundle() + ".yml (" + locale + ")"));
                }
            }
        }
        assertThat(catalogs).as("catalogs found").isGreaterThanOrEqualTo(9);
        assertThat(missing).as("keys whose text is not in their catalog's bundle").isEmpty();
    }

    /** Every static field of the core's main classes, made readable (reading it initialises its class). */
    private static List<Field> constants() {
        List<Field> fields = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.circlekeeper.core")) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC)
                        && (field.getRawType().isEquivalentTo(MessageKey.class) || field.getRawType().isEquivalentTo(MessageCatalog.class))) {
                    Field reflected = field.reflect();
                    reflected.setAccessible(true);
                    fields.add(reflected);
                }
            }
        }
        return fields;
    }
}
