package org.circlekeeper.core.gratitude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.TemplateSource;
import org.circlekeeper.core.testing.BotTester.Replies;
import org.circlekeeper.core.testing.BotTester.Talk;
import org.circlekeeper.core.testing.BotTester;
import org.circlekeeper.core.testing.InMemoryStores;
import org.junit.jupiter.api.Test;

/**
 * A feature of the test tree, added exactly as the README's "Adding a feature" says (its own package, its own
 * bundle, its own store, one registration), runs a whole conversation through the real engine: its command, its
 * texts in both languages, /help, bad input, /mydata and /forgetme.
 */
class GratitudeFeatureTest {

    private final VirtualClock clock = new VirtualClock(BotTester.START);
    // no line puts the store in: InMemoryGratitudeStore, beside its port, is found by its name
    private final Stores stores = InMemoryStores.builder(clock).build();
    private final GratitudeStore gratitude = stores.get(GratitudeStore.KEY);
    private final BotTester bot = new BotTester(clock, stores, List.of(GratitudeFeature.PLUGIN));
    private final Talk alice = bot.as("alice").inDirect();

    @Test
    void aMemberKeepsLinesAndSeesThemInTheirLanguage() {
        assertThat(alice.send("/grateful").text()).contains("Nothing kept yet");
        assertThat(alice.send("/grateful the walk by the river").text()).contains("Kept. That makes 1 things");
        assertThat(alice.send("/grateful   a call from my sister  ").text()).contains("That makes 2 things");

        Replies list = alice.send("/grateful");
        assertThat(list.allPrivate()).isTrue();
        assertThat(list.text()).contains("What you are grateful for").contains("• the walk by the river")
                .contains("• a call from my sister");

        alice.send("/language es");
        assertThat(alice.send("/grateful").text()).contains("Lo que agradeces").contains("• the walk by the river");
        assertThat(bot.as("bob").inDirect().send("/grateful").text())
                .as("another member sees none of alice's lines").contains("Nothing kept yet").doesNotContain("river");
    }

    @Test
    void itsCommandIsInHelpUnderItsOwnTopic() {
        assertThat(alice.send("/help").text()).contains("Gratitude").contains("/grateful");
        assertThat(alice.send("/help gratitude").text()).contains("/grateful").contains("Keep something you are grateful for");
    }

    @Test
    void aLineTooLongGetsTheEnginesKindAnswerAndKeepsNothing() {
        Replies refused = alice.send("/grateful " + "x".repeat(GratitudeFeature.MAX_LENGTH + 1));

        assertThat(refused.text()).contains("up to 200 characters").contains("Nothing was changed");
        assertThat(gratitude.lines(bot.as("alice").member())).isEmpty();
    }

    @Test
    void mydataExportsItsLinesAndForgetmeErasesThem() {
        alice.send("/grateful the walk by the river");

        Replies mydata = alice.send("/mydata");
        assertThat(mydata.text()).contains("What you are grateful for");
        String json = new String(mydata.all().get(0).message().attachment().content(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"gratitude\"").contains("the walk by the river");

        alice.send("/forgetme").press("Yes, erase everything");
        assertThat(gratitude.lines(bot.as("alice").member())).isEmpty();
        assertThat(alice.send("/grateful").text()).contains("Nothing kept yet");
    }

    @Test
    void everyKeyItDeclaresHasATextInItsOwnBundleInEveryLocaleAndNoTextIsUnused() {
        List<MessageKey> declared = bot.engine().registry().messageKeys();
        TemplateSource own = TemplateSource.shipped(List.of(GratitudeFeature.PLUGIN.bundle()));
        Set<String> ownKeys = new TreeSet<>(own.all(Locale.ENGLISH).keySet());
        List<MessageKey> its = new ArrayList<>(new GratitudeFeature(gratitude).messages());
        assertThat(its).extracting(MessageKey::key).contains("gratitude.kept", "cmd.grateful");
        for (Locale locale : Locales.SUPPORTED) {
            assertThat(own.all(locale).keySet()).as("the keys of gratitude.yml in %s", locale).isEqualTo(ownKeys);
            Set<String> missing = its.stream().map(MessageKey::key).filter(k -> own.text(locale, k) == null)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(missing).as("keys missing in %s", locale).isEmpty();
        }
        Set<String> known = declared.stream().map(MessageKey::key).collect(Collectors.toSet());
        assertThat(ownKeys).as("texts no code declares").allMatch(known::contains);
    }

    @Test
    void withoutItsStoreTheBotRefusesToStartAndSaysWhichStore() {
        Stores putOnly = InMemoryStores.builder(clock).maker(Stores.Maker.NONE).build();
        assertThatThrownBy(() -> Bot.builder().stores(putOnly).clock(clock).features(List.of(GratitudeFeature.PLUGIN)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the feature gratitude needs the store 'gratitude' (GratitudeStore)")
                .hasMessageContaining("Stores.builder().put");
    }

    @Test
    void aStoreWhoseClassIsNotWhereItsNameSaysIsMissingAndTheMessageSaysWhereItWasLookedFor() {
        StoreKey<Runnable> nowhere = StoreKey.of("nowhere", Runnable.class);
        Plugin lost = new Plugin("lost", "gratitude", List.of(nowhere), wiring -> new GratitudeFeature(gratitude));

        assertThatThrownBy(() -> Bot.builder().stores(stores).clock(clock).features(List.of(lost)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the feature lost needs the store 'nowhere'")
                .hasMessageContaining("no class java.lang.InMemoryRunnable was found");
    }

    @Test
    void aPluginThatTakesAStoreItDidNotDeclareIsStopped() {
        Plugin sneaky = new Plugin("gratitude", "gratitude", List.of(),
                wiring -> new GratitudeFeature(wiring.store(GratitudeStore.KEY)));

        assertThatThrownBy(() -> Bot.builder().stores(stores).clock(clock).features(List.of(sneaky)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asks for the store 'gratitude' (GratitudeStore), which its plugin does not declare");
    }
}
