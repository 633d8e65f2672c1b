package org.circlekeeper.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.circlekeeper.core.dashboard.DashboardMessages;
import org.circlekeeper.core.dashboard.PageTexts;
import org.circlekeeper.core.dashboard.WebSession;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.OptionType;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.template.Markup;

/**
 * The organisers' forms, generated from the engine's own {@link CommandSpec}s as Discord's slash commands are: one form
 * per organiser command (or subcommand) that works in a group, a field per option with the option's label, hint,
 * limits and choices in the reader's language. Nothing here decides whether a value is right: the form is sent to the
 * engine as named options, and the engine's answer (and the option it refused, if any) comes back to the page.
 */
final class CommandForms {

    /** Commands that make no sense on the page: asking for a link to the page itself. */
    private static final List<String> NOT_ON_THE_PAGE = List.of("dashboard");
    /** A text option longer than this is a text area. */
    private static final int LONG_TEXT = 200;

    private final Engine engine;

    CommandForms(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** One form: its command, its subcommand (null for a plain command) and the leaf spec whose options it asks for. */
    record Form(CommandSpec command, CommandSpec leaf) {

        String subcommand() {
            return leaf == command ? null : leaf.name();
        }

        String path() {
            return Paths.action(command.name(), subcommand());
        }
    }

    /** How the engine sees a change made on the page: the session's member acting as an organiser in its channel. */
    static Context context(WebSession session) {
        return new Context(session.signIn().member(), session.signIn().channel(), session.signIn().community(), Role.ORGANISER, null);
    }

    /** Every form an organiser has on the page, in the engine's order of commands. */
    List<Form> all(WebSession session) {
        List<Form> forms = new ArrayList<>();
        for (CommandSpec command : engine.commandsFor(context(session), ChannelRef.Kind.GROUP)) {
            if (command.audience() != Audience.ORGANISER || NOT_ON_THE_PAGE.contains(command.name())) {
                continue;
            }
            if (command.hasSubcommands()) {
                command.subcommands().forEach(sub -> forms.add(new Form(command, sub)));
            } else {
                forms.add(new Form(command, command));
            }
        }
        return forms;
    }

    /** The form for a command and subcommand, when it is one of {@link #all}. */
    Optional<Form> find(WebSession session, String command, String subcommand) {
        return all(session).stream().filter(f -> f.command().name().equals(command)
                && Objects.equals(f.subcommand(), subcommand)).findFirst();
    }

    /** The index: each command with a link to each of its forms. */
    Map<String, Object> index(PageTexts texts, WebSession session) {
        Map<String, List<Map<String, Object>>> byCommand = new LinkedHashMap<>();
        Map<String, String> headings = new HashMap<>();
        for (Form form : all(session)) {
            headings.putIfAbsent(form.command().name(), HtmlMarkup.html(texts.text(form.command().description())));
            byCommand.computeIfAbsent(form.command().name(), c -> new ArrayList<>())
                    .add(Map.of("href", form.path(), "label", HtmlMarkup.html(texts.text(form.leaf().description()))));
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        byCommand.forEach((command, links) -> groups.add(Map.of("heading", headings.get(command), "command", "/" + command,
                "links", links)));
        Map<String, Object> body = new HashMap<>();
        body.put("heading", Pages.html(texts, DashboardMessages.ACTIONS_TITLE));
        body.put("intro", Pages.html(texts, DashboardMessages.ACTIONS_INTRO));
        body.put("groups", groups);
        return body;
    }

    /**
     * One form's fields, filled with {@code values} (a prefill or what was sent), the refused option marked with
     * {@code problem} beside it.
     */
    Map<String, Object> form(PageTexts texts, WebSession session, Form form, Map<String, String> values,
                             Optional<String> refused, String problem) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (OptionSpec option : form.leaf().options()) {
            fields.add(field(texts, session, option, values.getOrDefault(option.name(), ""),
                    refused.filter(option.name()::equals).map(r -> problem)));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("heading", HtmlMarkup.html(texts.text(form.leaf().description())));
        // typed as chat's /help shows it: a subcommand after its command, each option by its label in the reader's language
        Function<OptionSpec, String> label = o -> Markup.plain(texts.text(o.label()));
        body.put("usage", form.leaf() == form.command() ? form.command().usage("/", label)
                : form.leaf().usage("/", form.command().name() + " " + form.leaf().name(), label));
        body.put("usageLabel", Pages.html(texts, DashboardMessages.ACTIONS_USAGE));
        body.put("action", form.path());
        body.put("fields", fields);
        body.put("hasFields", !fields.isEmpty());
        body.put("required", Pages.html(texts, DashboardMessages.ACTIONS_REQUIRED));
        body.put("submit", Pages.html(texts, DashboardMessages.ACTIONS_SUBMIT));
        body.put("csrf", session.csrf());
        return body;
    }

    private Map<String, Object> field(PageTexts texts, WebSession session, OptionSpec option, String value, Optional<String> problem) {
        Map<String, Object> field = new HashMap<>();
        String id = "f-" + option.name();
        field.put("id", id);
        field.put("name", option.name());
        field.put("label", HtmlMarkup.html(shown(texts.text(option.label()), texts.locale())));
        field.put("hint", HtmlMarkup.html(texts.text(option.description())));
        field.put("hintId", "h-" + option.name());
        field.put("required", option.required());
        field.put("value", value);
        field.put("invalid", problem.isPresent());
        field.put("problem", problem.map(HtmlMarkup::html).orElse(""));
        field.put("problemId", "e-" + option.name());
        field.put("describedBy", "h-" + option.name() + (problem.isPresent() ? " e-" + option.name() : ""));
        field.put("text", option.type() == OptionType.TEXT && option.maxLength() <= LONG_TEXT);
        field.put("textarea", option.type() == OptionType.TEXT && option.maxLength() > LONG_TEXT);
        field.put("number", option.type() == OptionType.INTEGER);
        field.put("choice", option.type() == OptionType.CHOICE);
        field.put("minLength", option.minLength());
        field.put("maxLength", option.maxLength());
        field.put("min", option.min());
        field.put("max", option.max());
        if (option.type() == OptionType.CHOICE) {
            List<Map<String, Object>> choices = new ArrayList<>();
            if (!option.required()) {
                choices.add(Map.of("value", "", "label", Pages.html(texts, DashboardMessages.ACTIONS_NOTHING_CHOSEN), "selected", value.isEmpty()));
            }
            for (String choice : option.choices()) {
                String label = shown(texts.text(option.choiceLabel(choice)), texts.locale());
                choices.add(Map.of("value", choice, "label", HtmlMarkup.html(label),
                        "selected", choice.equals(value.toLowerCase(Locale.ROOT))));
            }
            field.put("choices", choices);
        }
        List<Map<String, Object>> suggestions = new ArrayList<>();
        if (option.suggester() != null) {
            for (Suggester.Suggestion suggestion : option.suggester().suggest(context(session), "")) {
                suggestions.add(Map.of("value", suggestion.value(), "label", suggestion.label()));
            }
        }
        field.put("suggestions", suggestions);
        field.put("hasSuggestions", !suggestions.isEmpty());
        field.put("listId", "l-" + option.name());
        return field;
    }

    /**
     * A label as chat types it ({@code new-time}, {@code nombre}) as a form shows it: {@code New time}, {@code Nombre}.
     * Only its look changes; the value sent is still the option's own.
     */
    static String shown(String label, Locale locale) {
        String words = label.strip().replace('-', ' ');
        if (words.isEmpty()) {
            return words;
        }
        int first = words.offsetByCodePoints(0, 1);
        return words.substring(0, first).toUpperCase(locale) + words.substring(first);
    }
}
