package org.circlekeeper.core.share;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.template.Speech;

/**
 * What the share circle shows of its past outside chat (the organisers' page): the counts of the community's last
 * ended sessions, the same {@code /share history} gives organisers. Counts only: no names and nothing anyone said.
 */
@FeaturePort
public interface ShareHistory {

    /** The most sessions one call returns: all the community keeps ({@link ShareStore#HISTORY_KEPT}). */
    int MAX = ShareStore.HISTORY_KEPT;

    /** The community's last ended sessions, newest first, at most {@code max} (and {@link #MAX}); format names in the speech's language. */
    List<Session> recent(CommunityRef community, int max, Speech speech);

    /**
     * One ended session in counts.
     *
     * @param format    the name of the format it ran, in the speech's language
     * @param joined    how many people joined
     * @param shares    turns taken with the talking piece
     * @param passes    turns passed
     * @param anonymous shares posted without a name
     */
    @FeaturePort
    record Session(Instant startedAt, Duration length, String format, int joined, int shares, int passes, int anonymous) {

        public Session {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(format, "format");
        }
    }
}
