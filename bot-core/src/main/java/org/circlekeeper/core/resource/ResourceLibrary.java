package org.circlekeeper.core.resource;

import java.time.ZoneId;
import java.util.List;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.template.Speech;

/**
 * What the resource feature shows of a community's library outside chat (the organisers' page): every entry a member's
 * search can find there or that the organisers hid, the outdated-number reports {@code /resource reports} lists, and
 * the crisis lines with their source. It reads only; every change goes through the engine ({@code /library}).
 */
@FeaturePort
public interface ResourceLibrary {

    /** The community's library as its organisers see it, texts in the speech's language, dates in {@code zone}. */
    Shelf shelf(CommunityRef community, Speech speech, ZoneId zone);

    /**
     * The library.
     *
     * @param entries    shipped and own entries (no crisis line), by kind in the catalog's order, then by title
     * @param reports    outdated-number reports, most recent first
     * @param lines      every crisis line of the directory, read-only
     * @param listedAsOf when the crisis-line directory was last checked, as the reader writes dates
     */
    @FeaturePort
    record Shelf(List<Entry> entries, List<Report> reports, List<Line> lines, String listedAsOf) {
        public Shelf {
            entries = List.copyOf(entries);
            reports = List.copyOf(reports);
            lines = List.copyOf(lines);
        }
    }

    /**
     * One entry. For the community's own entries the texts are those an edit changes (the entry's own language).
     *
     * @param kind      the kind's id ({@code technique}), {@code kindLabel} its name in the reader's language
     * @param contact   its link or phone number, or empty
     * @param countries the countries it is for, by name, or empty for anywhere
     */
    @FeaturePort
    record Entry(String id, String kind, String kindLabel, String title, String summary, String details, String contact,
                 String tags, String countries, boolean own, boolean hidden) {
    }

    /** Members marked this crisis line's number as outdated {@code count} times, last on {@code last}. */
    @FeaturePort
    record Report(String lineId, String name, String country, String contact, int count, String last) {
    }

    /** One crisis line as listed: how to reach it, where and when it was checked. */
    @FeaturePort
    record Line(String id, String name, String country, String contact, String source, String verified) {
    }
}
