package org.circlekeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.dashboard.WordingPage;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.testing.BotTester;
import org.junit.jupiter.api.Test;

/**
 * The wording pages as HTML: an organiser's wording and a draft are text wherever they land (the text area, the
 * standard and own wording, the preview), only the core's markup becomes HTML, and the editor's one script is the
 * page's own file, never inline.
 */
class WordingViewTest {

    private static final Pattern LINK = Pattern.compile("/dashboard/signin/([A-Za-z0-9_-]{43})");
    private static final String HOSTILE = "</textarea><script>alert(1)</script> *{{name}}*";

    private final BotTester bot = new BotTester(Map.of(DashboardAddress.class, DashboardAddress.parse("https://page.example.org")));
    private final Dashboard dashboard = bot.part(Dashboard.class);
    private final WordingPage wordings = bot.part(WordingPage.class);
    private final WordingView view = new WordingView(new Pages(), wordings);

    private WebSession signIn() {
        Matcher link = LINK.matcher(bot.asOrganiser("olivia").inGroup().send("/dashboard").text().replace("\\", ""));
        assertThat(link.find()).isTrue();
        return dashboard.signIn(link.group(1)).orElseThrow().session();
    }

    @Test
    void anOrganisersWordingAndADraftAreEscapedWhereverTheyLand() {
        assertThat(bot.asOrganiser("olivia").inGroup().send("/wording set settings.welcome " + HOSTILE).text()).contains("Saved");
        WebSession session = signIn();
        PageTexts texts = dashboard.texts(session);
        MessageKey welcome = wordings.key("settings.welcome").orElseThrow();

        String editor = view.editor(texts, session, welcome, WordingView.Draft.none());
        assertThat(editor).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("<strong>«name»</strong>").contains("<script src=\"/dashboard/static/wording.js\" defer></script>");
        assertThat(editor.split("<script").length - 1).as("one script element, the page's own file").isEqualTo(1);

        String draft = view.editor(texts, session, welcome, new WordingView.Draft(Optional.of("<b>{{name}}</b>"), Optional.empty(), List.of()));
        assertThat(draft).doesNotContain("<b>").contains("&lt;b&gt;«name»&lt;/b&gt;").contains("Your draft in English (not saved yet)");

        String index = view.index(texts, session);
        assertThat(index).doesNotContain("<script").contains("&lt;/textarea&gt;").contains("Your group&#39;s wording in English");
    }

    @Test
    void aDraftThatDoesNotFitIsPreviewedAsChatsReason() {
        WebSession session = signIn();
        String fragment = view.previewFragment(dashboard.texts(session), session, wordings.key("circle.created").orElseThrow(), "New: {{title}}");
        assertThat(fragment).contains("class=\"error\"").contains("uses {{title}}, which circle.created doesn&#39;t have")
                .contains("What members who read Spanish see now");
    }
}
