package org.circlekeeper.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.circlekeeper.core.message.Markup.Span;
import org.circlekeeper.core.message.Markup.Style;
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
}
