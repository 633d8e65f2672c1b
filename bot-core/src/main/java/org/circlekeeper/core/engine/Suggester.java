package org.circlekeeper.core.engine;

import java.util.List;

/** Offers completions for an option as the person types (Discord autocomplete, console hints). */
@FunctionalInterface
public interface Suggester {

    /** One offered completion: what the person sees and the value that is sent. */
    record Suggestion(String label, String value) {
    }

    List<Suggestion> suggest(Context context, String partial);
}
