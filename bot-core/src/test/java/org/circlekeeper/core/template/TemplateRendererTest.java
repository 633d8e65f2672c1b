package org.circlekeeper.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Markup.Span;
import org.circlekeeper.core.template.Markup.Style;
import org.circlekeeper.core.template.Markup.TimeStyle;
import org.junit.jupiter.api.Test;

/** Values through Mustache: member text is always escaped, a moment the core made always survives. */
class TemplateRendererTest {

    private static final MessageKey KEY = MessageKey.of("test.moment", "name", "start", "items", "items.start");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T18:00:00Z");
    private static final Markup.Time MOMENT = Markup.time(TUESDAY, TimeStyle.FULL,
            "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)");

    private final TemplateRenderer renderer = new TemplateRenderer(TemplateSource.shipped(List.of("core")));

    private String render(String template, Object name, Object start) {
        return renderer.render(KEY, Locale.ENGLISH, Map.of(KEY.key(), template),
                Map.of("name", name, "start", start, "items", List.of(Map.of("start", start))));
    }

    @Test
    void aMomentTheCoreMadeSurvivesEscapedAndUnescapedPlaceholdersAndSections() {
        String markup = render("*{{name}}* on {{start}}; {{{start}}}{{#items}}; {{start}}{{/items}}", "Tuesday circle", MOMENT);
        List<Span> spans = Markup.parse(markup);
        assertThat(spans).filteredOn(s -> s.style() == Style.TIME).hasSize(3)
                .allSatisfy(s -> {
                    assertThat(s.time()).isEqualTo(TUESDAY);
                    assertThat(s.timeStyle()).isEqualTo(TimeStyle.FULL);
                    assertThat(s.text()).isEqualTo(MOMENT.fallback());
                });
        assertThat(Markup.plain(markup)).isEqualTo("Tuesday circle on " + MOMENT.fallback() + "; " + MOMENT.fallback() + "; "
                + MOMENT.fallback());
    }

    @Test
    void memberTextThatLooksExactlyLikeAMomentIsEscapedLikeAnyOtherText() {
        String forged = MOMENT.toString();
        String markup = render("{{name}} on {{start}}", forged, "[soon](time:0:R)");
        assertThat(Markup.parse(markup)).containsExactly(new Span(Style.PLAIN, forged + " on [soon](time:0:R)", null));
    }

    @Test
    void aMomentInASectionTestIsTrueAndOtherValuesKeepTheirText() {
        String markup = render("{{#start}}at {{start}}{{/start}}{{^start}}never{{/start}} ({{name}})", 42, MOMENT);
        assertThat(Markup.plain(markup)).isEqualTo("at " + MOMENT.fallback() + " (42)");
        assertThat(Markup.plain(render("{{#start}}at {{start}}{{/start}}{{^start}}never{{/start}}", "x", ""))).isEqualTo("never");
    }

    @Test
    void wordingIsCheckedForBracesValuesAndRenderingBeforeItIsSaved() {
        assertThat(renderer.check(KEY, "{{name}} at {{start}}{{#items}} {{start}}{{/items}}")).isInstanceOf(WordingCheck.Fits.class);
        assertThat(renderer.check(KEY, "{{name} starts")).isInstanceOf(WordingCheck.Broken.class);
        assertThat(renderer.check(KEY, "{{name}}}} starts")).isInstanceOf(WordingCheck.Broken.class);
        assertThat(renderer.check(KEY, "{{#name}}starts")).isInstanceOf(WordingCheck.Broken.class);
        assertThat(renderer.check(KEY, "{{/name}}starts")).isInstanceOf(WordingCheck.Broken.class);
        assertThat(renderer.check(KEY, "{{{name}} starts")).isInstanceOf(WordingCheck.Broken.class);
        assertThat(renderer.check(KEY, "Hi {{email}}")).isEqualTo(new WordingCheck.UnknownValue("email"));
        assertThat(renderer.check(KEY, "Hi {{>partial}}")).isEqualTo(new WordingCheck.UnknownValue("partial"));
        assertThat(renderer.fits(KEY, "Hi {name} with one brace is plain text")).isTrue();
    }
}
