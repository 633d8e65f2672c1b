package org.circlekeeper.core.dashboard;

import java.util.List;

/**
 * The community's resource library as the organisers' page shows it: its entries grouped by kind, the outdated-number
 * reports and the crisis lines, every text in the reader's language.
 *
 * @param listedAsOf when the crisis-line directory was last checked
 */
public record LibraryShelf(List<Group> groups, List<Report> reports, List<Line> lines, String listedAsOf) {

    public LibraryShelf {
        groups = List.copyOf(groups);
        reports = List.copyOf(reports);
        lines = List.copyOf(lines);
    }

    /** The entries of one kind ({@code kind} its id, {@code label} its name for the reader). */
    public record Group(String kind, String label, List<Entry> entries) {
        public Group {
            entries = List.copyOf(entries);
        }
    }

    /**
     * One entry; the community's own ({@code own}) are edited and removed, shipped ones hidden or shown again.
     *
     * @param contact   its link or phone number, or empty
     * @param countries the countries it is for, by name, or empty for anywhere
     */
    public record Entry(String id, String kind, String title, String summary, String details, String contact, String tags,
                        String countries, boolean own, boolean hidden) {
    }

    /** A crisis line members marked as outdated, {@code count} times, last on {@code last}. */
    public record Report(String name, String country, String contact, int count, String last) {
    }

    /** A crisis line as listed, read-only: where and when it was checked. */
    public record Line(String name, String country, String contact, String source, String verified) {
    }
}
