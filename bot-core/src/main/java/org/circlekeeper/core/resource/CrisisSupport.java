package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.template.Speech;

/**
 * What the resource feature offers another feature for a member in a hard moment: the crisis lines of their
 * country, whether a text sounds like a crisis, a few coping techniques from the catalog, and where the
 * organisers take support alerts. The check-in feature reaches resources only through this port.
 */
@FeaturePort
public interface CrisisSupport {

    /** The crisis lines of the member's country (or the international ones), as a card in the speech's language. */
    String crisisCard(Speech speech, MemberRef member);

    /** True when the text says what the safety check would catch in a group (the shipped phrases). */
    boolean soundsLikeCrisis(String text);

    /** The catalog's techniques with these ids, in this order, read in {@code locale}; those the catalog lacks are left out. */
    List<Technique> techniques(List<String> ids, Locale locale);

    /** The channel where the community's organisers take support alerts, when they turned alerts on ({@code /safety alerts on}). */
    Optional<ChannelRef> supportAlertChannel(CommunityRef community);

    /**
     * One coping technique as a member reads it.
     *
     * @param language the language the technique is written in when it has no text in the reader's, else empty
     */
    @FeaturePort
    record Technique(String id, String title, String summary, String language) {
    }
}
