package org.circlekeeper.core.engine;

/**
 * The storage behind a store port cannot be reached now (Redis down, a connection refused or timed out,
 * no pooled connection free). Store implementations throw it instead of their driver's own exceptions, so
 * the core can tell "try again in a minute" from a defect without knowing the driver; the engine answers it
 * kindly and counts it. Its message says which operation failed, never what was being read or written.
 */
public final class StoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@code what} names the failure in a few fixed words (no keys, no member data); {@code cause} is the driver's exception. */
    public StoreUnavailable(String what, Throwable cause) {
        super(what, cause);
    }
}
