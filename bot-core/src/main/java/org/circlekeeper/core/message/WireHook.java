package org.circlekeeper.core.message;

/**
 * Tells a due job's delivery the moment its request leaves for the platform, after every rate-limit wait: the
 * {@link Outbox} arms it on the sending thread around one delivery, and a {@link Messenger} fires it right before it
 * writes the request. A delivery whose sender died before that moment is sent again by the next run; one whose sender
 * died after it most likely reached the platform and is not repeated ({@link DeliveryLog}). A messenger that never
 * fires it leaves its deliveries on the safe side: sent again after a crash.
 */
public final class WireHook {

    private static final ThreadLocal<Runnable> ARMED = new ThreadLocal<>();

    private WireHook() {
    }

    /** Arms {@code onWire} for this thread's next request; {@link #disarm} after the send, whatever happened. */
    static void arm(Runnable onWire) {
        ARMED.set(onWire);
    }

    static void disarm() {
        ARMED.remove();
    }

    /** Called by a messenger right before a request leaves; runs the armed action once (later parts do nothing). */
    public static void fire() {
        Runnable armed = ARMED.get();
        if (armed != null) {
            ARMED.remove();
            armed.run();
        }
    }
}
