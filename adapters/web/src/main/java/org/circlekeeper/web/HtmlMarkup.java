package org.circlekeeper.web;

import java.util.Locale;
import org.circlekeeper.core.template.Markup;

/**
 * Turns the core's neutral markup into HTML: bold, italic, code, https links and moments (their text, which is
 * already in the reader's zone). Every piece of text is HTML-escaped, so member-written text can never become markup
 * or script on the page; a link that is not https stays text.
 */
final class HtmlMarkup {

    private HtmlMarkup() {
    }

    static String html(String markup) {
        StringBuilder out = new StringBuilder(markup.length() + 16);
        for (Markup.Span span : Markup.parse(markup)) {
            String text = escape(span.text());
            switch (span.style()) {
                case BOLD -> out.append("<strong>").append(text).append("</strong>");
                case ITALIC -> out.append("<em>").append(text).append("</em>");
                case CODE -> out.append("<code>").append(text).append("</code>");
                case LINK -> {
                    if (span.url() != null && span.url().toLowerCase(Locale.ROOT).startsWith("https://")) {
                        out.append("<a href=\"").append(escape(span.url())).append("\" rel=\"noopener noreferrer\">")
                                .append(text).append("</a>");
                    } else {
                        out.append(text);
                    }
                }
                default -> out.append(text);
            }
        }
        return out.toString().replace("\n", "<br>");
    }

    /** HTML-escapes text for an element's content or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
