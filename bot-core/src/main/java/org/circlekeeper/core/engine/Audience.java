package org.circlekeeper.core.engine;

/** Who may use a command or press a button: any member, organisers only, or the chair (and organisers). */
public enum Audience { MEMBER, ORGANISER, CHAIR }
