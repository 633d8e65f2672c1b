package org.circlekeeper.core.dashboard;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in page session: who, the token every change must carry (against cross-site requests), and when it
 * started (a session ends {@link Dashboard#LONGEST} after that, however busy).
 */
public record WebSession(SignIn signIn, String csrf, Instant started) {

    public WebSession {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(started, "started");
    }
}
