package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.MeetingDetails;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * The pages as HTML: member-written text (a circle's name, its description) is escaped wherever it lands, markup
 * becomes HTML only for the core's own words, and no page carries a script.
 */
class PagesTest {

    private static final Pattern LINK = Pattern.compile("/dashboard/signin/([A-Za-z0-9_-]{43})");

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final Pages pages = new Pages();

    private WebSession signIn() {
        Matcher link = LINK.matcher(bot.asOrganiser("olivia").inGroup().send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        return dashboard.signIn(link.group(1)).orElseThrow().session();
    }

    @Test
    void memberWrittenTextIsEscapedOnEveryPage() {
        BotTester.Talk olivia = bot.asOrganiser("olivia").inGroup();
        olivia.send("/circle create \"<script>alert(1)</script> & *friends*\" every tuesday 19:00");
        String id = bot.stores().circles().circles().all(BotTester.COMMUNITY).get(0).id();
        olivia.send("/circle edit " + id + " description <img src=x onerror=alert(2)>");
        WebSession session = signIn();
        PageTexts texts = dashboard.texts(session);

        String calendar = pages.calendar(texts, session, dashboard.month(session, texts, YearMonth.of(2026, 12)));
        assertThat(calendar).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; *friends*");
        assertThat(calendar).contains("name=\"_csrf\" value=\"" + session.csrf() + "\"");

        String key = dashboard.month(session, texts, YearMonth.of(2026, 12)).entries().get(0).key();
        MeetingDetails meeting = dashboard.meeting(session, texts, id, key).orElseThrow();
        String page = pages.meeting(texts, session, meeting);
        assertThat(page).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;").contains("<title>&lt;script&gt;");
    }

    @Test
    void theCoresMarkupBecomesHtmlAndOnlyHttpsLinksBecomeLinks() {
        assertThat(HtmlMarkup.html("*bold* _it_ `code` [here](https://example.org/a?b=1&c=2)\\nnext"))
                .isEqualTo("<strong>bold</strong> <em>it</em> <code>code</code> "
                        + "<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">here</a>\\nnext");
        assertThat(HtmlMarkup.html("[x](javascript:alert(1))")).doesNotContain("href");
        assertThat(HtmlMarkup.html("a\nb <b>")).isEqualTo("a<br>b &lt;b&gt;");
    }

    @Test
    void theSignInPageShowsAButtonNotASessionAndSpeaksTheBrowsersLanguage() {
        PageTexts spanish = dashboard.texts(List.of(Locale.forLanguageTag("es-ES")));
        String page = pages.signIn(spanish, "A".repeat(43));
        assertThat(page).contains("<html lang=\"es\">").contains("Entrar en la página de organización")
                .contains("<form method=\"post\" action=\"/dashboard/signin\">").doesNotContain("signout");
    }
}
