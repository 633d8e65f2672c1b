package org.circlekeeper.core.engine;

/** The kinds of values a command option takes; adapters map them to the platform's option types. */
public enum OptionType { TEXT, INTEGER, CHOICE }
