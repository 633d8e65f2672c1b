package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.testing.InMemoryMemberSettingsStore;
import org.circlekeeper.core.testing.InMemoryResourceStore;
import org.junit.jupiter.api.Test;

/** What the resource feature hands another feature through its CrisisSupport port. */
class ResourceCrisisSupportTest {

    private static final CommunityRef GROUP = new CommunityRef(Platform.CONSOLE, "circle");

    private final InMemoryResourceStore resources = new InMemoryResourceStore();
    private final CrisisSupport support = new ResourceCrisisSupport(CrisisLines.shipped(), SafetyPhrases.shipped(),
            ResourceCatalog.shipped(), resources, new InMemoryMemberSettingsStore());

    @Test
    void techniquesComeInTheAskedOrderAndThoseTheCatalogLacksAreLeftOut() {
        List<CrisisSupport.Technique> techniques = support.techniques(
                List.of("reaching-out", "no-such-technique", "grounding-5-4-3-2-1"), Locales.SPANISH);
        assertThat(techniques).extracting(CrisisSupport.Technique::id).containsExactly("reaching-out", "grounding-5-4-3-2-1");
        assertThat(techniques).allSatisfy(t -> assertThat(t.title()).isNotBlank());
    }

    @Test
    void theSupportAlertChannelIsThereOnlyWhileAlertsAreOn() {
        assertThat(support.supportAlertChannel(GROUP)).isEmpty();
        ChannelRef room = new ChannelRef(Platform.CONSOLE, "#organisers", ChannelRef.Kind.GROUP);
        resources.saveSafety(GROUP, SafetySettings.OFF.withAlertsTo(room));
        assertThat(support.supportAlertChannel(GROUP)).contains(room);
        resources.saveSafety(GROUP, resources.safety(GROUP).withoutAlerts());
        assertThat(support.supportAlertChannel(GROUP)).isEmpty();
    }

    @Test
    void aTextSoundsLikeACrisisByTheShippedPhrases() {
        assertThat(support.soundsLikeCrisis("I want to kill myself")).isTrue();
        assertThat(support.soundsLikeCrisis("The walk this morning helped.")).isFalse();
    }
}
