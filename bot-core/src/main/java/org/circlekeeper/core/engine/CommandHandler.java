package org.circlekeeper.core.engine;

/** A feature's code for one command; it answers only through the {@link Turn}. */
@FunctionalInterface
public interface CommandHandler {
    void handle(Turn turn, Args args);
}
