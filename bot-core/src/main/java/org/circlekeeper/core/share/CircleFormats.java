package org.circlekeeper.core.share;

import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.ref.MessageKey;

/**
 * What the share circle tells other features about a circle's meetings: the format a share session there runs (the
 * one organisers chose with {@code /share format}, else the standard one), as the key of its name.
 */
@FeaturePort
public interface CircleFormats {

    /** The name of the format the circle's sessions run, as a message key (a community may word it its own way). */
    MessageKey formatName(CommunityRef community, String circleId);
}
