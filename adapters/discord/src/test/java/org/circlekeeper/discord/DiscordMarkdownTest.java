package org.circlekeeper.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.circlekeeper.core.template.Markup.TimeStyle;
import org.circlekeeper.core.template.Markup;
import org.junit.jupiter.api.Test;

/** The neutral markup as Discord markdown: styles, links, moments, escaping of member text, and splitting. */
class DiscordMarkdownTest {

    private static final Instant TUESDAY = Instant.parse("2026-12-01T18:00:00Z");

    @Test
    void rendersTheStylesOfTheNeutralMarkup() {
        assertThat(DiscordMarkdown.render("*Bold* and _italic_ and `code`"))
                .isEqualTo("**Bold** and *italic* and `code`");
    }

    @Test
    void escapesEverythingAMemberCouldTurnIntoFormattingOrMentions() {
        String typed = "**@everyone** ~~gone~~ ||spoiler|| <@123> <t:0:F> [x](https://evil.example) _x_ `y`";
        String rendered = DiscordMarkdown.render("Circle: " + Markup.escape(typed));
        assertThat(rendered).isEqualTo("Circle: \\*\\*\\@everyone\\*\\* \\~\\~gone\\~\\~ \\|\\|spoiler\\|\\| \\<\\@123\\> "
                + "\\<t:0:F\\> \\[x\\]\\(https://evil.example\\) \\_x\\_ \\`y\\`");
    }

    @Test
    void escapesHeadingsQuotesAndListsOnlyAtTheStartOfALine() {
        assertThat(DiscordMarkdown.render("# not a heading\n> not a quote\n- not a list\n1. not a list\na-b #3 > 2"))
                .isEqualTo("\\# not a heading\n\\> not a quote\n\\- not a list\n1\\. not a list\na-b #3 \\> 2");
    }

    @Test
    void keepsWebAddressesClickableAndMasksLinks() {
        assertThat(DiscordMarkdown.render("See https://example.org/a\\_b\\_c and [the guide](https://example.org/guide)"))
                .isEqualTo("See https://example.org/a_b_c and [the guide](https://example.org/guide)");
    }

    @Test
    void showsPhoneAndMailLinksAsTextBecauseDiscordDoesNotLinkThem() {
        assertThat(DiscordMarkdown.render("[Call 024](tel:024) or [write](mailto:help@example.org)"))
                .isEqualTo("Call 024 (024) or write (help\\@example.org)");
    }

    @Test
    void codeWithABacktickGetsALongerFence() {
        assertThat(DiscordMarkdown.render("`a\\`b`")).isEqualTo("``a`b``");
    }

    @Test
    void aShortMessageIsOnePart() {
        assertThat(DiscordMarkdown.split("Hello *there*")).containsExactly("Hello **there**");
    }

    @Test
    void cutsBetweenLinesWhenAMessageIsLong() {
        String line = "word ".repeat(39) + "end";
        String markup = String.join("\n", Collections.nCopies(30, line));
        List<String> parts = DiscordMarkdown.split(markup);
        assertThat(parts).hasSize(3);
        assertThat(parts).allSatisfy(part -> {
            assertThat(part.length()).isLessThanOrEqualTo(DiscordMarkdown.LIMIT);
            assertThat(part).startsWith("word").endsWith("end");
        });
        assertThat(String.join("\n", parts)).isEqualTo(markup);
    }

    @Test
    void cutsBetweenWordsWhenOneLineIsTooLongAndNeverInsideAStyleOrAnEscape() {
        String markup = ("plain *bold words* a\\*b ").repeat(200);
        List<String> parts = DiscordMarkdown.split(markup);
        assertThat(parts).hasSizeGreaterThan(1);
        for (String part : parts) {
            assertThat(part.length()).isLessThanOrEqualTo(DiscordMarkdown.LIMIT);
            assertThat(part).doesNotEndWith("\\").doesNotStartWith(" ");
            assertThat(part.split("\\*\\*", -1).length % 2).as("balanced bold markers").isEqualTo(1);
        }
    }

    @Test
    void cutsAWordLongerThanAMessage() {
        List<String> parts = DiscordMarkdown.split("x".repeat(4500));
        assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(DiscordMarkdown.LIMIT));
        assertThat(String.join("", parts)).isEqualTo("x".repeat(4500));
    }

    @Test
    void aMomentBecomesADiscordTimestampThatEachViewerSeesInTheirOwnZone() {
        String markup = "*Tuesday circle*\n" + Markup.time(TUESDAY, TimeStyle.FULL, "Tuesday, December 1, 2026, 7:00 PM (Europe/Berlin)")
                + " (" + Markup.time(TUESDAY, TimeStyle.RELATIVE, "in 4 days") + ")";
        assertThat(DiscordMarkdown.render(markup)).isEqualTo("**Tuesday circle**\n<t:1796148000:F> \\(<t:1796148000:R>\\)");
    }

    @Test
    void aTypedTimestampOrMomentStaysText() {
        String typed = "<t:1796148000:F> [soon](time:1796148000:R)";
        assertThat(DiscordMarkdown.render(Markup.escape(typed)))
                .isEqualTo("\\<t:1796148000:F\\> \\[soon\\]\\(time:1796148000:R\\)");
    }
}
