package org.circlekeeper.core.share;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of support others can send the person sharing: a few warm words, never a comment and
 * never a count. The circle keeps only which kinds were sent during a turn.
 */
public enum Support {
    WITH_YOU("w"), THANK_YOU("t"), STRENGTH("s");

    private final String code;

    Support(String code) {
        this.code = code;
    }

    /** The one-letter code a support button carries. */
    public String code() {
        return code;
    }

    int bit() {
        return 1 << ordinal();
    }

    static Optional<Support> fromCode(String code) {
        for (Support support : values()) {
            if (support.code.equals(code)) {
                return Optional.of(support);
            }
        }
        return Optional.empty();
    }

    /** The kinds a bit set holds, in order. */
    static List<Support> of(int bits) {
        List<Support> kinds = new ArrayList<>();
        for (Support support : values()) {
            if ((bits & support.bit()) != 0) {
                kinds.add(support);
            }
        }
        return kinds;
    }
}
