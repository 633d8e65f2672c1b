package org.circlekeeper.core.template;

/** What checking a community's wording of a message found, before it is saved. */
public sealed interface WordingCheck {

    /** The wording compiles, uses only the message's values and renders. */
    record Fits() implements WordingCheck {
    }

    /** The wording names a value the message does not have. */
    record UnknownValue(String name) implements WordingCheck {
    }

    /** The wording's double braces or sections do not match, so it cannot be shown as meant. */
    record Broken() implements WordingCheck {
    }
}
