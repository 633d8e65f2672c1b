package org.circlekeeper.core.dashboard;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Speech;
import org.circlekeeper.core.template.TemplateRenderer;

/**
 * The texts of one page for one reader: the bot's messages in the reader's language, with the community's own wording
 * where it has one, as neutral markup (the web adapter turns it into HTML, escaping member text).
 */
public final class PageTexts implements Speech {

    private final TemplateRenderer renderer;
    private final Locale locale;
    private final ZoneId zone;
    private final Map<String, String> wording;

    PageTexts(TemplateRenderer renderer, Locale locale, ZoneId zone, Map<String, String> wording) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.wording = Map.copyOf(wording);
    }

    @Override
    public String text(MessageKey key, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("template values come in name, value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return renderer.render(key, locale, wording, values);
    }

    @Override
    public Locale locale() {
        return locale;
    }

    /** The zone the reader sees times in: their own, else their community's. */
    public ZoneId zone() {
        return zone;
    }
}
