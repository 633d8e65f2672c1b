package org.circlekeeper.core.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.MessageKey;

/**
 * {@code /library}: the organisers' side of {@code /resource} with one named option per field (add, edit, remove, hide,
 * unhide, reports), so that a platform's command menu and the organisers' page can offer it as a form. Each subcommand
 * runs the same {@link ResourceManagement} step as the typed {@code /resource add|edit|…}; no rule is written twice.
 */
final class LibraryCommands {

    /** The kinds an organiser may give their own entries (crisis lines come only from the checked directory). */
    static final List<String> KINDS = List.of("reading", "technique", "exercise", "service", "helpline");
    /** The fields {@code /library edit} changes, in the form's order. */
    static final List<String> EDIT_FIELDS = List.of("title", "summary", "details", "link", "tags", "kind");

    private final ResourceManagement management;

    LibraryCommands(ResourceManagement management) {
        this.management = Objects.requireNonNull(management, "management");
    }

    CommandSpec spec() {
        return CommandSpec.command("library", ResourceMessages.CMD_LIBRARY).audience(Audience.ORGANISER)
                .subcommand(organiser("add", ResourceMessages.CMD_LIBRARY_ADD)
                        .option(OptionSpec.choice("kind", ResourceMessages.OPT_LIBRARY_KIND, KINDS).required())
                        .option(title().required())
                        .option(summary().required())
                        .option(link())
                        .option(tags())
                        .handler(this::add).build())
                .subcommand(organiser("edit", ResourceMessages.CMD_LIBRARY_EDIT)
                        .option(id().required())
                        .option(title())
                        .option(summary())
                        .option(OptionSpec.text("details", ResourceMessages.OPT_LIBRARY_DETAILS).length(1, EntryInput.DETAILS_MAX))
                        .option(link())
                        .option(tags())
                        .option(OptionSpec.choice("kind", ResourceMessages.OPT_LIBRARY_KIND, KINDS))
                        .handler(this::edit).build())
                .subcommand(organiser("remove", ResourceMessages.CMD_LIBRARY_REMOVE).option(id().required())
                        .handler((turn, args) -> management.remove(turn, args.text("id"))).build())
                .subcommand(organiser("hide", ResourceMessages.CMD_LIBRARY_HIDE).option(id().required())
                        .handler((turn, args) -> management.hide(turn, args.text("id"))).build())
                .subcommand(organiser("unhide", ResourceMessages.CMD_LIBRARY_UNHIDE).option(id().required())
                        .handler((turn, args) -> management.unhide(turn, args.text("id"))).build())
                .subcommand(organiser("reports", ResourceMessages.CMD_LIBRARY_REPORTS)
                        .handler((turn, args) -> management.reports(turn)).build())
                .build();
    }

    private void add(Turn turn, Args args) {
        management.add(turn, args.text("kind"), args.text("title"), args.text("summary"), args.optional("link").orElse(""),
                args.optional("tags").orElse(""));
    }

    private void edit(Turn turn, Args args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : EDIT_FIELDS) {
            args.optional(field).ifPresent(value -> values.put(field, value));
        }
        management.edit(turn, args.text("id"), values);
    }

    private static CommandSpec.Builder organiser(String name, MessageKey description) {
        return CommandSpec.command(name, description).audience(Audience.ORGANISER);
    }

    private static OptionSpec.Builder id() {
        return OptionSpec.text("id", ResourceMessages.OPT_LIBRARY_ID).length(3, 40);
    }

    private static OptionSpec.Builder title() {
        return OptionSpec.text("title", ResourceMessages.OPT_LIBRARY_TITLE).length(EntryInput.TITLE_MIN, EntryInput.TITLE_MAX);
    }

    private static OptionSpec.Builder summary() {
        return OptionSpec.text("summary", ResourceMessages.OPT_LIBRARY_SUMMARY).length(EntryInput.SUMMARY_MIN, EntryInput.SUMMARY_MAX);
    }

    private static OptionSpec.Builder link() {
        return OptionSpec.text("link", ResourceMessages.OPT_LIBRARY_LINK).length(1, 300);
    }

    private static OptionSpec.Builder tags() {
        return OptionSpec.text("tags", ResourceMessages.OPT_LIBRARY_TAGS).length(1, 300);
    }
}
