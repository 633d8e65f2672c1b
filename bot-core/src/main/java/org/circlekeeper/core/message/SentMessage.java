package org.circlekeeper.core.message;

/** A message the platform accepted, so it can be edited later (a flow step, a live queue). */
public record SentMessage(Target target, String messageId) {
}
