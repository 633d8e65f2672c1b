package org.circlekeeper.core.template;

/**
 * The scans that let plain text pass {@link Markup}'s escaping and bidi work as it is (issue #15): every value of
 * every message goes through them, and most are plain Latin text that needs nothing done.
 */
final class PlainText {

    /** U+0590, where Hebrew, the first right-to-left script, begins (see {@link #beforeRightToLeft}). */
    static final char FIRST_RIGHT_TO_LEFT = '\u0590';

    private PlainText() {
    }

    /**
     * True when every character lies before U+0590: no character there is right-to-left, an Arabic digit or a bidi
     * control (those lie at U+202A and later), so {@link Markup#isolate} has nothing to do.
     */
    static boolean beforeRightToLeft(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_RIGHT_TO_LEFT) {
                return false;
            }
        }
        return true;
    }

    /** True when the text holds a character {@link Markup#escape} must escape: {@code \ * _ ` [ ]}. */
    static boolean hasMarkupCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '\\', '*', '_', '`', '[', ']' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** True when the text holds no embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069). */
    static boolean noBidiControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                return false;
            }
        }
        return true;
    }
}
