package org.circlekeeper.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.dashboard.WordingPage;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.ref.MessageKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The bot's wording on the organisers' page: every text by topic, and one text's editor with a preview in every
 * language. A preview saves nothing (the Preview button without a script, or the editor's script as the organiser
 * types); saving and going back to the standard wording are {@code /wording set} and {@code /wording reset} sent
 * through the same {@link Engine} as chat, so the same permission and checks apply and the refusal is shown beside the
 * field. Every change and every preview needs the page's origin and the session's change token; the role is re-checked
 * with the platform on every request.
 */
@Controller
public class WordingController {

    private static final Logger LOG = LoggerFactory.getLogger(WordingController.class);
    private static final String CSRF = "_csrf";

    private final WebRequests web;
    private final Engine engine;
    private final WordingPage wordings;
    private final WordingView view;

    /** The wording pages over the core's {@code wordings}, changes sent through {@code engine}. */
    public WordingController(WebRequests web, Engine engine, WordingPage wordings) {
        this.web = Objects.requireNonNull(web, "web");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.wordings = Objects.requireNonNull(wordings, "wordings");
        this.view = new WordingView(web.pages(), wordings);
    }

    @GetMapping(Paths.WORDING)
    ResponseEntity<String> index(HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        return WebRequests.page(HttpStatus.OK, view.index(in.texts(), in.session()));
    }

    @GetMapping(Paths.WORDING + "/{key}")
    ResponseEntity<String> editor(@PathVariable("key") String name, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<MessageKey> key = wordings.key(name);
        if (key.isEmpty()) {
            return web.notFound(in.texts(), in.session());
        }
        return WebRequests.page(HttpStatus.OK, view.editor(in.texts(), in.session(), key.get(), WordingView.Draft.none()));
    }

    /** The editor's form: {@code do} is {@code preview} (nothing saved), {@code save} or {@code reset}. */
    @PostMapping(Paths.WORDING + "/{key}")
    ResponseEntity<String> change(@PathVariable("key") String name, @RequestParam(name = "do", defaultValue = "") String what,
                                  @RequestParam(name = "text", defaultValue = "") String text,
                                  @RequestParam(name = CSRF, defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<MessageKey> key = wordings.key(name);
        if (key.isEmpty()) {
            return web.notFound(in.texts(), in.session());
        }
        String draft = lines(text);
        switch (what) {
            case "preview" -> {
                WordingPage.Preview preview = wordings.preview(in.texts(), key.get(), draft);
                Optional<String> why = preview.refused() ? Optional.of(preview.text()) : Optional.empty();
                return WebRequests.page(why.isPresent() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK,
                        view.editor(in.texts(), in.session(), key.get(), new WordingView.Draft(Optional.of(draft), why, List.of())));
            }
            case "save" -> {
                Engine.Answer answer = send(in.session(), "set", Map.of("key", key.get().key(), "text", draft));
                if (answer.refusedOption().isPresent()) {
                    String why = answer.replies().isEmpty() ? "" : answer.replies().get(0).message().markup();
                    return WebRequests.page(HttpStatus.UNPROCESSABLE_ENTITY, view.editor(in.texts(), in.session(), key.get(),
                            new WordingView.Draft(Optional.of(draft), Optional.of(why), List.of())));
                }
                return WebRequests.page(HttpStatus.OK, view.editor(in.texts(), in.session(), key.get(),
                        new WordingView.Draft(Optional.empty(), Optional.empty(), markups(answer))));
            }
            case "reset" -> {
                Engine.Answer answer = send(in.session(), "reset", Map.of("key", key.get().key()));
                return WebRequests.page(HttpStatus.OK, view.editor(in.texts(), in.session(), key.get(),
                        new WordingView.Draft(Optional.empty(), Optional.empty(), markups(answer))));
            }
            default -> {
                return web.notFound(in.texts(), in.session());
            }
        }
    }

    /** The editor script's preview as the organiser types: the preview region's new content; nothing is saved. */
    @PostMapping(Paths.WORDING + "/{key}/preview")
    ResponseEntity<String> preview(@PathVariable("key") String name, @RequestParam(name = "text", defaultValue = "") String text,
                                   @RequestParam(name = CSRF, defaultValue = "") String csrf, HttpServletRequest request) {
        WebRequests.Admission admission = web.organiser(request);
        if (!(admission instanceof WebRequests.Admission.In in)) {
            return ((WebRequests.Admission.Out) admission).answer();
        }
        Optional<ResponseEntity<String>> refused = web.refuseChange(request, in.session(), in.texts(), csrf);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<MessageKey> key = wordings.key(name);
        if (key.isEmpty()) {
            return web.notFound(in.texts(), in.session());
        }
        return WebRequests.page(HttpStatus.OK, view.previewFragment(in.texts(), in.session(), key.get(), lines(text)));
    }

    private Engine.Answer send(WebSession session, String sub, Map<String, String> options) {
        Engine.Answer answer = engine.answer(new Inbound.CommandInvoked(CommandForms.context(session), "wording",
                new Arguments.Named(sub, options)));
        LOG.info("organisers' page: /wording {} sent through the engine{}", sub, answer.refusedOption().isPresent() ? ", refused" : "");
        return answer;
    }

    private static List<String> markups(Engine.Answer answer) {
        return answer.replies().stream().map(r -> r.message().markup()).toList();
    }

    /** A form's line breaks are CR LF (HTML's form encoding); a wording's are LF, as chat's. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
