package org.circlekeeper.core.member;

/**
 * Carries an erasure down to the store's files on disk: after {@code /forgetme} has deleted a member's data, the
 * store rewrites its persistence files (Redis: the append-only file and any snapshot) within its documented
 * bound, so the erased data does not live on in them.
 */
public interface ErasureFlush {

    /** For stores that keep nothing on disk (the in-memory stores of tests): there is nothing to rewrite. */
    ErasureFlush NOTHING_ON_DISK = () -> {
    };

    /** Says that member data was just erased; the request is kept (durably, where the store is) until it is done. */
    void erased();
}
