package org.circlekeeper.core.engine;

/** Looks at a plain message (not a command), e.g. an answer a feature asked for; returns true when it took it. */
@FunctionalInterface
public interface TextListener {
    boolean onText(Turn turn, String text);
}
