package org.circlekeeper.core.message;

/** Who may see a reply: everyone where the event happened, or only the member who caused it. */
public enum Visibility { PUBLIC, PRIVATE }
