package org.circlekeeper.core.member;

import java.util.Optional;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Button;

/**
 * A way to a member's own page on the web (their check-in history, export and erasure): a button that, pressed, answers
 * privately with a one-time sign-in link. Offered by the organisers' page feature; {@code /mydata} and the check-in
 * history put it under their answers. Found in the registry when asked, so it does not matter which feature is built
 * first.
 */
public interface OwnPageOffer {

    /** The button for the member of this turn, in the community it settled on; empty when the page is off. */
    Optional<Button> ownPageButton(Turn turn);

    /** The offer of whichever registered feature makes one; none when no feature does. */
    static OwnPageOffer in(FeatureRegistry registry) {
        return turn -> registry.features().stream().filter(OwnPageOffer.class::isInstance).map(OwnPageOffer.class::cast)
                .findFirst().flatMap(offer -> offer.ownPageButton(turn));
    }
}
