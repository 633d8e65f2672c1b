package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.circlekeeper.core.template.Markup.TimeStyle;
import org.circlekeeper.core.template.Markup;
import org.junit.jupiter.api.Test;

class TelegramHtmlTest {

    @Test
    void neutralMarkupBecomesTelegramHtml() {
        assertThat(TelegramHtml.render("*bold* _italic_ `code` [the site](https://example.org/a?b=1&c=2)"))
                .isEqualTo("<b>bold</b> <i>italic</i> <code>code</code> <a href=\"https://example.org/a?b=1&amp;c=2\">the site</a>");
    }

    @Test
    void memberTextIsEscapedSoItCannotBecomeTags() {
        String typed = "<b>hi</b> & <a href=\"x\">*not bold*</a>";
        String html = TelegramHtml.render("You said: " + Markup.escape(typed));
        assertThat(html).isEqualTo("You said: &lt;b&gt;hi&lt;/b&gt; &amp; &lt;a href=&quot;x&quot;&gt;*not bold*&lt;/a&gt;");
    }

    @Test
    void aShortTextIsOneMessage() {
        assertThat(TelegramHtml.split("Hello *there*", 4_096)).containsExactly("Hello <b>there</b>");
    }

    @Test
    void longTextsSplitAtParagraphsWithinTheLimit() {
        String paragraph = "word ".repeat(300).strip();          // 1,499 characters
        String markup = String.join("\n\n", paragraph, paragraph, paragraph, "*the end*");
        List<String> parts = TelegramHtml.split(markup, 4_096);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).isEqualTo(paragraph + "\n\n" + paragraph);
        assertThat(parts.get(1)).isEqualTo(paragraph + "\n\n<b>the end</b>");
        parts.forEach(p -> assertThat(TelegramHtml.visibleText(p.replace("<b>", "").replace("</b>", ""))).hasSizeLessThanOrEqualTo(4_096));
    }

    @Test
    void aParagraphLongerThanTheLimitSplitsAtLinesThenSpacesAndKeepsItsFormatting() {
        String bold = "*" + "abc ".repeat(20).strip() + "*";       // 79 visible characters, bold
        List<String> parts = TelegramHtml.split(bold, 30);
        assertThat(parts).hasSizeGreaterThan(2);
        for (String part : parts) {
            assertThat(part).startsWith("<b>").endsWith("</b>");
            assertThat(part.length() - "<b></b>".length()).isLessThanOrEqualTo(30);
        }
        assertThat(String.join(" ", parts).replace("</b> <b>", " ")).isEqualTo("<b>" + "abc ".repeat(20).strip() + "</b>");

        List<String> noSpaces = TelegramHtml.split("x".repeat(70), 30);
        assertThat(noSpaces).containsExactly("x".repeat(30), "x".repeat(30), "x".repeat(10));
    }

    @Test
    void escapingCountsAsOneVisibleCharacter() {
        String markup = "<".repeat(4_096);
        List<String> parts = TelegramHtml.split(markup, 4_096);
        assertThat(parts).containsExactly("&lt;".repeat(4_096));
    }

    @Test
    void aMomentShowsItsFallbackTextInTheReadersZone() {
        String markup = "Next: " + Markup.time(Instant.parse("2026-12-01T18:00:00Z"), TimeStyle.FULL,
                "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin) <b>");
        assertThat(TelegramHtml.render(markup)).isEqualTo("Next: Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin) &lt;b&gt;");
        assertThat(TelegramHtml.visibleText(markup)).isEqualTo("Next: Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin) <b>");
        assertThat(String.join("|", TelegramHtml.split(markup, 30)).replace("|", " ")).isEqualTo(TelegramHtml.render(markup));
    }

    @Test
    void aSplitNeverCutsAnEntityOrATagAndEveryPartIsHtmlTelegramReadsWithinTheLimit() {
        Random random = new Random(13);
        String alphabet = "&<>\"ab c\n";
        for (int round = 0; round < 200; round++) {
            StringBuilder markup = new StringBuilder();
            int length = 50 + random.nextInt(400);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(40) == 0) {
                    markup.append(random.nextBoolean() ? "*" + Markup.escape("b&<") + "*" : "[l&nk](https://x.org/?a=1&b=\"2\")");
                } else {
                    markup.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            int limit = 10 + random.nextInt(60);
            StringBuilder seen = new StringBuilder();
            for (String part : TelegramHtml.split(markup.toString(), limit)) {
                String visible = TelegramHtmlParser.visibleText(part);
                assertThat(visible.length()).as("round %d", round).isLessThanOrEqualTo(limit);
                seen.append(visible);
            }
            assertThat(seen.toString().replaceAll("\\s", "")).as("round %d", round)
                    .isEqualTo(TelegramHtml.visibleText(markup.toString()).replaceAll("\\s", ""));
        }
    }
}
