package org.circlekeeper.redis;

/**
 * A stored value that is not in the format its codec writes (not JSON, a missing field, a newer format); its
 * message says what is wrong and never quotes the value, which may be a member's words.
 */
final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String reason) {
        super(reason);
    }
}
