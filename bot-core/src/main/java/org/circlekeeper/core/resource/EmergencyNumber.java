package org.circlekeeper.core.resource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The general emergency number(s) of one country, as listed in {@code templates/resources/emergency-numbers.yml}:
 * one number for every service, or separate police, ambulance and fire numbers; none where there
 * is no public network.
 *
 * @param all     the number for every service, or null when they differ
 * @param sources where the numbers were listed (full texts of the file's {@code sources})
 * @param check   how the number shown first was checked
 */
public record EmergencyNumber(String country, String all, String police, String ambulance, String fire,
                              List<String> sources, LocalDate verified, Check check, String note) {

    /** How a number was checked; see the header of the data file. */
    public enum Check {
        /** Checked against a stored copy of a public page. */
        PAGE("page"),
        /** 112 by EU law. */
        LAW("law"),
        /** From the Wikipedia list as known to the compiler, not re-fetched. */
        LISTING("listing"),
        /** 112 on GSM-family mobile networks only: the national number is not confirmed. */
        GSM_112("gsm-112"),
        /** No public telephone network: no number. */
        NO_NETWORK("no-network");

        private final String id;

        Check(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Optional<Check> fromId(String id) {
            return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
        }
    }

    public EmergencyNumber {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(check, "check of " + country);
        Objects.requireNonNull(verified, "verified date of " + country);
        sources = List.copyOf(sources);
        note = note == null ? "" : note;
        if (check == Check.NO_NETWORK) {
            if (all != null || police != null || ambulance != null || fire != null) {
                throw new IllegalArgumentException(country + " has no network but lists a number");
            }
        } else if (all == null && (police == null || ambulance == null || fire == null)) {
            throw new IllegalArgumentException(country + " needs 'all' or all of 'police', 'ambulance' and 'fire'");
        } else if (all != null && (police != null || ambulance != null || fire != null)) {
            throw new IllegalArgumentException(country + " has 'all' and separate numbers; use one or the other");
        }
        if (check == Check.GSM_112 && !"112".equals(all)) {
            throw new IllegalArgumentException(country + " is marked gsm-112 but does not show 112");
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(country + " needs a source");
        }
    }

    /** The number to call first in a crisis: the one for every service, else the ambulance; empty without a network. */
    public Optional<String> first() {
        return Optional.ofNullable(all != null ? all : ambulance);
    }

    /** The police number, when it differs from {@link #first()}. */
    public Optional<String> separatePolice() {
        return all == null && police != null && !police.equals(ambulance) ? Optional.of(police) : Optional.empty();
    }

    /** True when the number shown works only from a mobile phone (112 on GSM-family networks). */
    public boolean mobileOnly() {
        return check == Check.GSM_112;
    }
}
