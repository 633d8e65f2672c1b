package org.circlekeeper.core.share;

import java.time.Instant;
import java.util.Objects;

/**
 * A member who offered to chair share sessions in a community. Their name is kept so the bot can ask them
 * by name; it is exported and erased with their data.
 *
 * @param lastChaired when they last chaired a session here, or null: the one who waited longest is asked first
 */
public record Volunteer(Person person, Instant since, Instant lastChaired) {

    public Volunteer {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(since, "since");
    }

    Volunteer chaired(Instant when) {
        return new Volunteer(person, since, when);
    }
}
