package org.circlekeeper.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.template.Markup.Span;
import org.circlekeeper.core.template.Markup.Style;
import org.circlekeeper.core.template.Markup.TimeStyle;
import org.circlekeeper.core.template.Markup;
import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void parsesTheNeutralStyles() {
        List<Span> spans = Markup.parse("Hi *there*, _you_ `code` [site](https://example.org)!");
        assertThat(spans).containsExactly(
                new Span(Style.PLAIN, "Hi ", null),
                new Span(Style.BOLD, "there", null),
                new Span(Style.PLAIN, ", ", null),
                new Span(Style.ITALIC, "you", null),
                new Span(Style.PLAIN, " ", null),
                new Span(Style.CODE, "code", null),
                new Span(Style.PLAIN, " ", null),
                new Span(Style.LINK, "site", "https://example.org"),
                new Span(Style.PLAIN, "!", null));
    }

    @Test
    void escapedMemberTextStaysLiteral() {
        String member = "*not bold* _x_ [click](https://evil.example) \\ `y` @everyone";
        List<Span> spans = Markup.parse("Name: " + Markup.escape(member));
        assertThat(spans).containsExactly(new Span(Style.PLAIN, "Name: " + member, null));
    }

    @Test
    void aStrayMarkerIsKeptAsText() {
        assertThat(Markup.plain("5 * 3 = 15\nand *bold*")).isEqualTo("5 * 3 = 15\nand bold");
        assertThat(Markup.parse("a_b")).containsExactly(new Span(Style.PLAIN, "a_b", null));
    }

    @Test
    void onlySafeLinkSchemesBecomeLinks() {
        assertThat(Markup.parse("[x](javascript:alert(1))")).allMatch(s -> s.style() == Style.PLAIN);
        assertThat(Markup.plain("[call](tel:+34900000000)")).isEqualTo("call (tel:+34900000000)");
    }

    // ---- moments ----

    private static final Instant TUESDAY = Instant.parse("2026-12-01T18:00:00Z");
    private static final String BERLIN = "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)";

    @Test
    void aMomentParsesIntoATimeSpanWithItsSecondsStyleAndFallback() {
        String markup = "Next: " + Markup.time(TUESDAY, TimeStyle.FULL, BERLIN) + ", then "
                + Markup.time(TUESDAY.plusSeconds(7 * 86400), TimeStyle.RELATIVE, "in a week");
        assertThat(Markup.parse(markup)).containsExactly(
                new Span(Style.PLAIN, "Next: ", null),
                new Span(Style.TIME, BERLIN, null, TUESDAY, TimeStyle.FULL),
                new Span(Style.PLAIN, ", then ", null),
                new Span(Style.TIME, "in a week", null, TUESDAY.plusSeconds(7 * 86400), TimeStyle.RELATIVE));
        assertThat(Markup.parse(markup).get(1).epochSecond()).isEqualTo(1_796_148_000L);
        assertThat(Markup.plain(markup)).isEqualTo("Next: " + BERLIN + ", then in a week");
    }

    @Test
    void aMomentIsWrittenWithTheSyntaxTheEscaperNeutralises() {
        assertThat(Markup.time(TUESDAY, TimeStyle.FULL, BERLIN).toString())
                .isEqualTo("[" + BERLIN + "](time:1796148000:F)");
        assertThat(Markup.time(TUESDAY, TimeStyle.RELATIVE, "soon").toString()).isEqualTo("[soon](time:1796148000:R)");
        assertThat(Markup.time(TUESDAY, TimeStyle.FULL, "*7* [pm]").toString()).isEqualTo("[\\*7\\* \\[pm\\]](time:1796148000:F)");
        assertThat(Markup.plain(Markup.time(TUESDAY, TimeStyle.FULL, "*7* [pm]").toString())).isEqualTo("*7* [pm]");
    }

    @Test
    void aMemberTypingTheMomentSyntaxGetsLiteralText() {
        String typed = "[Free pizza](time:1796148000:F) [x](time:0:R)";
        assertThat(Markup.parse("Circle: " + Markup.escape(typed))).containsExactly(new Span(Style.PLAIN, "Circle: " + typed, null));
        String exact = Markup.time(TUESDAY, TimeStyle.FULL, BERLIN).toString();
        assertThat(Markup.parse(Markup.escape(exact))).containsExactly(new Span(Style.PLAIN, exact, null));
    }

    @Test
    void onlyAWellFormedMomentCounts() {
        for (String bad : List.of("[x](time:12a:F)", "[x](time:1:X)", "[x](time:1)", "[x](time: 1:F)", "[x](time:1234567890123:F)",
                "[x](time:1:F\n)")) {
            assertThat(Markup.parse(bad)).as(bad).allMatch(s -> s.style() == Style.PLAIN);
        }
    }

    @Test
    void aMomentInsideAStyledRunShowsItsFallbackInThatStyle() {
        String markup = "moves to *" + Markup.time(TUESDAY, TimeStyle.FULL, "Tue_7 PM") + "*.";
        assertThat(Markup.parse(markup)).containsExactly(
                new Span(Style.PLAIN, "moves to ", null),
                new Span(Style.BOLD, "Tue_7 PM", null),
                new Span(Style.PLAIN, ".", null));
    }

    @Test
    void aMomentSpanIsWhole() {
        assertThatThrownBy(() -> new Span(Style.TIME, "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Span(Style.PLAIN, "x", null, TUESDAY, TimeStyle.FULL)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Markup.time(TUESDAY, TimeStyle.FULL, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Span(Style.PLAIN, "x", null).epochSecond()).isInstanceOf(IllegalStateException.class);
        Span piece = new Span(Style.TIME, BERLIN, null, TUESDAY, TimeStyle.FULL).withText("Tuesday");
        assertThat(piece).isEqualTo(new Span(Style.TIME, "Tuesday", null, TUESDAY, TimeStyle.FULL));
    }

    @Test
    void memberTextLosesItsBidiControlsAndRightToLeftTextIsIsolated() {
        String overrides = "\u202Eevil\u202C \u202Aa\u202Bb\u202Dc \u2066x\u2067y\u2068z\u2069";
        assertThat(Markup.escape(overrides)).isEqualTo("evil abc xyz");
        assertThat(Markup.escape("Tuesday circle")).as("left-to-right text as it is").isEqualTo("Tuesday circle");
        assertThat(Markup.escape("\u05E9\u05DC\u05D5\u05DD *1*")).isEqualTo("\u2068\u05E9\u05DC\u05D5\u05DD \\*1\\*\u2069");
        assertThat(Markup.escape("\u0633\u0644\u0627\u0645\u202E")).isEqualTo("\u2068\u0633\u0644\u0627\u0645\u2069");
        assertThat(Markup.escape("\u200F")).as("a right-to-left mark is isolated too").isEqualTo("\u2068\u200F\u2069");
    }

    @Test
    void aWholeMessageKeepsOnlyPairedIsolates() {
        assertThat(Markup.balanceBidi("a \u2068b\u2069 c")).isEqualTo("a \u2068b\u2069 c");
        assertThat(Markup.balanceBidi("a \u202Eb c")).isEqualTo("a b c");
        assertThat(Markup.balanceBidi("a \u2067b c\nd \u2069e")).as("an isolate ends with its line").isEqualTo("a b c\nd e");
        assertThat(Markup.balanceBidi("\u2068\u2066x\u2069")).isEqualTo("\u2066x\u2069");
        assertThat(OutgoingMessage.text("*\u202Ename*").build().markup()).isEqualTo("*name*");
    }
}
