package org.circlekeeper.core.engine;

/** A person's standing in a community, as the adapter resolved it from the platform (admins are organisers). */
public enum Role { MEMBER, ORGANISER }
