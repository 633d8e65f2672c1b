package org.circlekeeper.core.engine;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.Outbox;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.template.TemplateRenderer;

/**
 * What a {@link Plugin} builds its feature from while the bot is assembled: the stores it declared, the bot's
 * clock, outbox, preferences and registry, and shared parts by type (a deployment's options, data that several
 * features read, a port one feature offers another). Every lookup that finds nothing fails naming what is missing.
 */
public interface Wiring {

    /**
     * The store under {@code key}; only the stores the plugin declares (and the bot's own) are handed out.
     *
     * @throws IllegalStateException when the plugin did not declare the store
     */
    <T> T store(StoreKey<T> key);

    Clock clock();

    /** Sends the messages the bot starts itself, rendered in each recipient's language and the community's wording. */
    Outbox outbox();

    PreferenceResolver preferences();

    TemplateRenderer renderer();

    /** Every feature registered so far and after: for features that list commands (help) or walk personal data. */
    FeatureRegistry registry();

    /** The connected platforms. */
    Messengers messengers();

    Metrics metrics();

    /** The event lists of the platforms that have one (Discord's server Events). */
    EventMirrors mirrors();

    /**
     * A part given to the bot's builder or provided by a feature built earlier.
     *
     * @throws IllegalStateException naming the type when there is none
     */
    <T> T part(Class<T> type);

    /** A part several features share: the first to ask makes it with {@code make}, the rest get the same one. */
    <T> T part(Class<T> type, Supplier<T> make);

    /** A part, if there is one. */
    <T> Optional<T> find(Class<T> type);

    /**
     * Offers a part to the features built after this one and to the bot (a {@link ChairPolicy}).
     *
     * @throws IllegalStateException when there is one of that type already
     */
    <T> void provide(Class<T> type, T part);
}
