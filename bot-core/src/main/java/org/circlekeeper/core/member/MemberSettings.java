package org.circlekeeper.core.member;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a member chose about themselves; each is empty until they set it (we keep the least).
 *
 * @param country   an ISO 3166-1 alpha-2 code, used for the crisis lines and the services of that country
 * @param community the id of the group (on the member's platform) where they last used the bot, so
 *                  that a private chat knows which group's circles and resources they mean
 */
public record MemberSettings(ZoneId zone, Locale language, String country, String community) {

    public static final MemberSettings NONE = new MemberSettings(null, null, null, null);

    public Optional<ZoneId> zoneSetting() {
        return Optional.ofNullable(zone);
    }

    public Optional<Locale> languageSetting() {
        return Optional.ofNullable(language);
    }

    public Optional<String> countrySetting() {
        return Optional.ofNullable(country);
    }

    public Optional<String> communitySetting() {
        return Optional.ofNullable(community);
    }

    public MemberSettings withZone(ZoneId newZone) {
        return new MemberSettings(newZone, language, country, community);
    }

    public MemberSettings withLanguage(Locale newLanguage) {
        return new MemberSettings(zone, newLanguage, country, community);
    }

    public MemberSettings withCountry(String newCountry) {
        return new MemberSettings(zone, language, newCountry, community);
    }

    public MemberSettings withCommunity(String newCommunity) {
        return new MemberSettings(zone, language, country, newCommunity);
    }

    public boolean isEmpty() {
        return zone == null && language == null && country == null && community == null;
    }

    /** The settings as plain values, only those set, for the member's data export. */
    public Map<String, Object> export() {
        Map<String, Object> out = new LinkedHashMap<>();
        zoneSetting().ifPresent(z -> out.put("timeZone", z.getId()));
        languageSetting().ifPresent(l -> out.put("language", l.getLanguage()));
        countrySetting().ifPresent(c -> out.put("country", c));
        communitySetting().ifPresent(c -> out.put("lastGroup", c));
        return out;
    }
}
