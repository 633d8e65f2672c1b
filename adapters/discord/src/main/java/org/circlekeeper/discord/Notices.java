package org.circlekeeper.discord;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The few notes the adapter writes itself, in the member's language: when a private answer cannot
 * reach a member whose direct messages are closed. They never carry the answer's content.
 */
final class Notices {

    private static final String BUNDLE = "org.circlekeeper.discord.notices";

    private Notices() {
    }

    /** The note that a private answer could not be delivered, addressed to the member's mention. */
    static String dmClosed(Locale locale, String mention) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString("dm-closed"), locale).format(new Object[] {mention});
    }
}
