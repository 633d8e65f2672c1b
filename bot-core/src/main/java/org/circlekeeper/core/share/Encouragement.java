package org.circlekeeper.core.share;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The encouragements others can send the person sharing, with a button: a few warm words ("with you",
 * "thank you", "strength"), never a comment and never a count. The session keeps only which kinds were
 * sent during a turn.
 */
public enum Encouragement {
    WITH_YOU("w"), THANK_YOU("t"), STRENGTH("s");

    private final String code;

    Encouragement(String code) {
        this.code = code;
    }

    /** The one-letter code a support button carries. */
    public String code() {
        return code;
    }

    int bit() {
        return 1 << ordinal();
    }

    static Optional<Encouragement> fromCode(String code) {
        for (Encouragement kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kinds a bit set holds, in order. */
    static List<Encouragement> of(int bits) {
        List<Encouragement> kinds = new ArrayList<>();
        for (Encouragement kind : values()) {
            if ((bits & kind.bit()) != 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
