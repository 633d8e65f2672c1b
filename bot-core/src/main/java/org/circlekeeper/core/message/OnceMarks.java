package org.circlekeeper.core.message;

import java.time.Duration;

/**
 * Marks that something was said once, shared by every replica: a notice that the bot can no longer post in a place
 * (a closed topic, say) goes to the organisers once a window, not at every reminder that fails there. A mark names
 * ids only, never text. Redis in production.
 */
public interface OnceMarks {

    /** True for the first call with this mark within {@code window} (then the caller speaks); false while it stands. */
    boolean first(String mark, Duration window);
}
