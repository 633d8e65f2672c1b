package org.circlekeeper.telegram;

import java.util.Locale;

/**
 * The few texts only the Telegram adapter says, in the core's languages (English, Spanish): the note in
 * a group when a private answer cannot be delivered, and the inline-search hints. The core has no place
 * for an adapter's own messages yet, so they live here, in Telegram HTML, values escaped by the caller.
 */
final class TelegramTexts {

    private TelegramTexts() {
    }

    /**
     * Said in the group, naming nothing of the answer: {@code mention} is an HTML mention of the member,
     * {@code link} the escaped deep link that opens the private chat.
     */
    static String privateAnswerWaiting(Locale locale, String mention, String link) {
        if (isSpanish(locale)) {
            return mention + ", tengo una respuesta solo para ti, pero aún no puedo escribirte en privado. "
                    + "Abre <a href=\"" + link + "\">nuestro chat privado</a>, pulsa <b>Iniciar</b> y vuelve a pedírmelo.";
        }
        return mention + ", I have an answer that is only for you, but I cannot write to you privately yet. "
                + "Open <a href=\"" + link + "\">our private chat</a>, press <b>Start</b>, and ask me again.";
    }

    /** The title of the inline result shown while nothing matches. */
    static String inlineNothingFound(Locale locale) {
        return isSpanish(locale) ? "No encontré nada con esas palabras" : "Nothing found for those words";
    }

    /** The switch-to-private button text above inline results. */
    static String inlineOpenPrivate(Locale locale) {
        return isSpanish(locale) ? "Buscar en privado" : "Search privately";
    }

    private static boolean isSpanish(Locale locale) {
        return locale != null && "es".equals(locale.getLanguage());
    }
}
