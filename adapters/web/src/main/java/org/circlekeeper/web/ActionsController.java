package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.template.Markup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' forms, acting through the same {@link Engine} as chat: a form's values go to the engine as the
 * command's named options, as a Discord slash command's do, from the session's member in the channel where they asked
 * for the link. The engine's answer is shown on the page; an answer chat would have shown the whole group (a new
 * circle, a moved meeting) is posted in that channel too, so the group learns of the change as it would from chat,
 * and a file (a calendar export) is sent to the organiser privately in chat. A button of an answer is a form too,
 * pressed through the engine. Every change needs the page's origin and the session's change token, and the role is
 * re-checked with the platform first.
 */
@Controller
public class ActionsController {

    private static final Logger LOG = LoggerFactory.getLogger(ActionsController.class);
    /** The fields a form sends that are no option of the command. */
    private static final String CSRF = "_csrf";
    private static final String BACK = "_back";
    /** A page of the organisers' page other than a form, with at most a short query: where "back" may lead. */
    private static final Pattern BACK_PATH = Pattern.compile("(?!.*\\.\\.)/dashboard/(?!do(?:/|$))[a-z][A-Za-z0-9/_.-]{0,150}(?:\\?[A-Za-z0-9=&_.-]{0,80})?");

    private final WebRequests web;
    private final Engine engine;
    private final Messengers messengers;
    private final CommandForms forms;

    /** The forms, sent through {@code engine}; what chat would have posted elsewhere goes out through {@code messengers}. */
    public ActionsController(WebRequests web, Engine engine, Messengers messengers) {
        this.web = Objects.requireNonNull(web, "web");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.messengers = Objects.requireNonNull(messengers, "messengers");
        this.forms = new CommandForms(engine);
    }

    @GetMapping(Paths.ACTIONS)
    ResponseEntity<String> index(HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        String body = web.pages().render("actions", forms.index(in.texts(), in.session()));
        return WebRequests.page(HttpStatus.OK, web.pages().layout(in.texts(), in.session(), Pages.Nav.ACTIONS,
                Markup.plain(in.texts().text(DashboardMessages.ACTIONS_TITLE)), body));
    }

    @GetMapping({Paths.ACTIONS + "/{command}", Paths.ACTIONS + "/{command}/{sub}"})
    ResponseEntity<String> form(@PathVariable("command") String command, @PathVariable(name = "sub", required = false) String sub,
                                @RequestParam Map<String, String> prefill, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<CommandForms.Form> form = forms.find(in.session(), command, sub);
        if (form.isEmpty()) {
            return web.notFound(in.texts(), in.session());
        }
        return WebRequests.page(HttpStatus.OK, page(in.texts(), in.session(), form.get(), prefill, List.of(), Optional.empty(),
                back(prefill.get(BACK), request)));
    }

    @PostMapping({Paths.ACTIONS + "/{command}", Paths.ACTIONS + "/{command}/{sub}"})
    ResponseEntity<String> send(@PathVariable("command") String command, @PathVariable(name = "sub", required = false) String sub,
                                @RequestParam Map<String, String> sent, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), sent.get(CSRF));
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<CommandForms.Form> form = forms.find(in.session(), command, sub);
        if (form.isEmpty()) {
            return web.notFound(in.texts(), in.session());
        }
        Map<String, String> options = new LinkedHashMap<>();
        form.get().leaf().options().forEach(o -> {
            String value = sent.get(o.name());
            if (value != null && !value.isBlank()) {
                options.put(o.name(), value);
            }
        });
        Engine.Answer answer = engine.answer(new Inbound.CommandInvoked(CommandForms.context(in.session()), command,
                new Arguments.Named(form.get().subcommand(), options)));
        LOG.info("organisers' page: /{}{} sent through the engine", command, sub == null ? "" : " " + sub);
        HttpStatus status = answer.refusedOption().isPresent() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        Optional<Map.Entry<String, String>> problem = answer.refusedOption().filter(o -> !answer.replies().isEmpty())
                .map(o -> Map.entry(o, answer.replies().get(0).message().markup()));
        List<Delivered> delivered = deliver(in.session(), answer.replies());
        String back = back(sent.get(BACK), null);
        if (problem.isEmpty() && delivered.stream().anyMatch(d -> d.posted() || d.postFailed())) {
            // done, and the group was told: the answer alone, so that a second press cannot repeat the change
            return WebRequests.page(status, done(in.texts(), in.session(), form.get(), delivered, back));
        }
        return WebRequests.page(status, page(in.texts(), in.session(), form.get(), options, delivered, problem, back));
    }

    @PostMapping(Paths.PRESS)
    ResponseEntity<String> press(@RequestParam(name = "action", defaultValue = "") String action,
                                 @RequestParam(name = CSRF, defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (action.isBlank() || action.length() > Button.MAX_ACTION_BYTES) {
            return web.notFound(in.texts(), in.session());
        }
        List<Reply> replies = engine.handle(new Inbound.ButtonPressed(CommandForms.context(in.session()), action, null));
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(in.texts(), DashboardMessages.ACTIONS_ANSWER));
        body.put("answers", answers(deliver(in.session(), replies).stream().map(a -> a.view(in.texts(), in.session())).toList()));
        body.put("back", Pages.html(in.texts(), DashboardMessages.ACTIONS_BACK));
        body.put("backHref", Paths.ACTIONS);
        return WebRequests.page(HttpStatus.OK, web.pages().layout(in.texts(), in.session(), Pages.Nav.ACTIONS,
                Markup.plain(in.texts().text(DashboardMessages.ACTIONS_ANSWER)), web.pages().render("answer", body)));
    }

    /** One answer of the engine, as the page shows it, and where else it went. */
    private record Delivered(OutgoingMessage message, boolean posted, boolean postFailed, boolean sentPrivately) {

        Map<String, Object> view(PageTexts texts, WebSession session) {
            Map<String, Object> view = new HashMap<>();
            view.put("text", HtmlMarkup.html(message.markup()));
            view.put("posted", posted);
            view.put("postedNote", Pages.html(texts, DashboardMessages.ACTIONS_POSTED));
            view.put("postFailed", postFailed);
            view.put("postFailedNote", Pages.html(texts, DashboardMessages.ACTIONS_NOT_POSTED));
            view.put("sentPrivately", sentPrivately);
            view.put("sentPrivatelyNote", Pages.html(texts, DashboardMessages.ACTIONS_SENT_PRIVATELY));
            // a public answer's buttons are for the group, in chat; a private answer's are pressed here
            List<Map<String, Object>> buttons = new ArrayList<>();
            if (!posted && !postFailed) {
                for (Button button : message.buttons()) {
                    buttons.add(Map.of("label", button.label(), "action", button.actionId(), "csrf", session.csrf()));
                }
            }
            view.put("buttons", buttons);
            view.put("hasButtons", !buttons.isEmpty());
            return view;
        }
    }

    /**
     * Sends on what chat would have sent elsewhere: an answer for the whole group to the session's channel, a file
     * privately to the organiser. A platform that cannot take it just now is noted on the page, and logged.
     */
    private List<Delivered> deliver(WebSession session, List<Reply> replies) {
        List<Delivered> delivered = new ArrayList<>();
        for (Reply reply : replies) {
            OutgoingMessage message = reply.message();
            boolean group = message.visibility() == Visibility.PUBLIC;
            boolean file = message.attachment() != null;
            if (!group && !file) {
                delivered.add(new Delivered(message, false, false, false));
                continue;
            }
            Target target = group ? new Target.Channel(session.signIn().channel()) : new Target.Member(session.signIn().member());
            boolean sent;
            try {
                messengers.send(target, message);
                sent = true;
            } catch (RuntimeException e) {
                // a Messenger.DeliveryFailed, or the platform's own failure
                LOG.warn("organisers' page: an answer could not be sent on {} just now ({})",
                        session.signIn().channel().platform().id(), e.getClass().getName());
                sent = false;
            }
            delivered.add(new Delivered(message, group && sent, !sent, !group && sent));
        }
        return delivered;
    }

    private String answers(List<Map<String, Object>> answers) {
        return web.pages().render("answers", Map.of("answers", answers));
    }

    /**
     * Where "back" leads from a form: the organisers' page it was opened from (the {@code _back} field it carries, else
     * the browser's same-origin {@code Referer}), or the list of all changes. Only a plain path of this page is taken.
     */
    private String back(String carried, HttpServletRequest request) {
        if (carried != null && BACK_PATH.matcher(carried).matches()) {
            return carried;
        }
        if (request != null) {
            Optional<String> from = web.ownPath(request.getHeader(HttpHeaders.REFERER));
            if (from.isPresent() && BACK_PATH.matcher(from.get()).matches()) {
                return from.get();
            }
        }
        return Paths.ACTIONS;
    }

    private void backLink(Map<String, Object> body, PageTexts texts, String back) {
        body.put("back", Pages.html(texts, back.equals(Paths.ACTIONS) ? DashboardMessages.ACTIONS_BACK : DashboardMessages.ACTIONS_BACK_PAGE));
        body.put("backHref", back);
    }

    /** A change done and told to the group: its answers, the way back, and a link to the same form, empty. */
    private String done(PageTexts texts, WebSession session, CommandForms.Form form, List<Delivered> answers, String back) {
        Map<String, Object> body = new HashMap<>();
        body.put("heading", HtmlMarkup.html(texts.text(form.leaf().description())));
        body.put("answers", answers(answers.stream().map(a -> a.view(texts, session)).toList()));
        backLink(body, texts, back);
        body.put("again", Pages.html(texts, DashboardMessages.ACTIONS_AGAIN));
        body.put("againHref", form.path());
        return web.pages().layout(texts, session, Pages.Nav.ACTIONS, Markup.plain(texts.text(form.leaf().description())),
                web.pages().render("answer", body));
    }

    private String page(PageTexts texts, WebSession session, CommandForms.Form form, Map<String, String> values,
                        List<Delivered> answers, Optional<Map.Entry<String, String>> problem, String back) {
        Map<String, Object> body = forms.form(texts, session, form, values, problem.map(Map.Entry::getKey),
                problem.map(Map.Entry::getValue).orElse(""));
        // the refusal is shown beside its field, not again above the form
        List<Map<String, Object>> shown = (problem.isPresent() ? answers.subList(Math.min(1, answers.size()), answers.size()) : answers)
                .stream().map(a -> a.view(texts, session)).toList();
        body.put("answers", answers(shown));
        body.put("hasAnswers", !shown.isEmpty());
        body.put("answerHeading", Pages.html(texts, DashboardMessages.ACTIONS_ANSWER));
        body.put("hasProblem", problem.isPresent());
        body.put("problemSummary", Pages.html(texts, DashboardMessages.ACTIONS_PROBLEM));
        backLink(body, texts, back);
        return web.pages().layout(texts, session, Pages.Nav.ACTIONS, Markup.plain(texts.text(form.leaf().description())),
                web.pages().render("action", body));
    }
}
