package org.circlekeeper.telegram;

import static org.circlekeeper.telegram.StoreFallback.bestEffort;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;

/**
 * Inline mode: {@code @bot sleep} in any chat searches the resource library with the {@code /resource} command's own
 * suggester, in the member's language and country, and offers each entry as the core shows it, for the member to post.
 */
final class InlineSearch {

    private static final Logger LOG = LoggerFactory.getLogger(InlineSearch.class);

    /** The deep-link payload of the inline results' "search privately" button. */
    static final String START_FROM_INLINE = "from-inline";
    /** The command whose suggester answers inline queries, and its option. */
    static final String INLINE_COMMAND = "resource";
    /** The most results one answer holds. */
    static final int RESULTS = 10;

    private final Engine engine;
    private final TelegramApi api;

    InlineSearch(Engine engine, TelegramApi api) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.api = Objects.requireNonNull(api, "api");
    }

    void answer(InlineQuery query) {
        User from = query.getFrom();
        if (from == null) {
            return;
        }
        MemberRef member = TelegramContexts.member(from);
        Locale hint = TelegramContexts.locale(from);
        ChannelRef direct = new ChannelRef(Platform.TELEGRAM, Long.toString(from.getId()), ChannelRef.Kind.DIRECT);
        CommunityRef community = bestEffort("read a member's home group", () -> engine.homeOf(member), Optional.<CommunityRef>empty())
                .orElse(CommunityRef.unresolved(Platform.TELEGRAM));
        Context settled = new Context(member, direct, community, Role.MEMBER, hint);
        Context asked = new Context(member, direct, CommunityRef.unresolved(Platform.TELEGRAM), Role.MEMBER, hint);
        Locale locale = engine.preferencesFor(settled).locale();
        List<InlineQueryResult> results = new ArrayList<>();
        Optional<Suggester> suggester = inlineSuggester();
        String typed = query.getQuery() == null ? "" : query.getQuery().strip();
        if (suggester.isPresent() && !typed.isEmpty()) {
            for (Suggester.Suggestion suggestion : suggester.get().suggest(settled, typed)) {
                if (results.size() >= RESULTS) {
                    break;
                }
                inlineResult(asked, suggestion).ifPresent(results::add);
            }
        }
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> answer = AnswerInlineQuery.builder().inlineQueryId(query.getId())
                .results(results).cacheTime(30).isPersonal(true)
                .button(InlineQueryResultsButton.builder().text(engine.text(EngineMessages.INLINE_SEARCH_PRIVATELY, locale))
                        .startParameter(START_FROM_INLINE).build());
        AnswerInlineQuery request = answer.build();
        try {
            api.call("answerInlineQuery", client -> client.execute(request));
        } catch (TelegramApi.Refused | TelegramApi.Unavailable e) {
            LOG.warn("answerInlineQuery failed: {}", e.getClass().getSimpleName());
        }
    }

    private Optional<Suggester> inlineSuggester() {
        return engine.registry().command(INLINE_COMMAND).stream()
                .flatMap(spec -> spec.options().stream())
                .map(OptionSpec::suggester)
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** One result: the entry as the core shows it for {@code /resource <id>}, which the member then posts. */
    private Optional<InlineQueryResult> inlineResult(Context asked, Suggester.Suggestion suggestion) {
        String id = suggestion.value();
        if (id.getBytes(StandardCharsets.UTF_8).length > 64) {
            return Optional.empty();
        }
        List<Reply> replies = engine.handle(Inbound.CommandInvoked.typed(asked, INLINE_COMMAND, id));
        if (replies.isEmpty()) {
            return Optional.empty();
        }
        String markup = replies.get(0).message().markup();
        String html = TelegramHtml.split(markup, TelegramHtml.MESSAGE_LIMIT).get(0);
        String preview = TelegramHtml.visibleText(markup).strip().replaceAll("\\s+", " ");
        return Optional.of(InlineQueryResultArticle.builder().id(id).title(suggestion.label())
                .description(preview.length() > 120 ? preview.substring(0, 119) + "…" : preview)
                .inputMessageContent(InputTextMessageContent.builder().messageText(html).parseMode(ParseMode.HTML)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .build());
    }
}
