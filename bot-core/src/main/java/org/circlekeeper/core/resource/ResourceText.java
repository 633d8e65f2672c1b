package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Objects;

/**
 * A resource's words in one language: what the member reads in the result list ({@code title},
 * {@code summary}), what "open" adds ({@code details}, may be empty) and the topics it is about.
 */
public record ResourceText(String title, String summary, String details, List<String> tags) {

    public ResourceText {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? "" : details;
        tags = List.copyOf(tags);
    }

    public ResourceText withTitle(String newTitle) {
        return new ResourceText(newTitle, summary, details, tags);
    }

    public ResourceText withSummary(String newSummary) {
        return new ResourceText(title, newSummary, details, tags);
    }

    public ResourceText withDetails(String newDetails) {
        return new ResourceText(title, summary, newDetails, tags);
    }

    public ResourceText withTags(List<String> newTags) {
        return new ResourceText(title, summary, details, newTags);
    }
}
