package org.circlekeeper.core.engine;

/** Tells whether the person in a context chairs the meeting running there (the share-circle feature decides). */
@FunctionalInterface
public interface ChairPolicy {

    ChairPolicy NOBODY = context -> false;

    boolean isChair(Context context);
}
