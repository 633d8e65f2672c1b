package org.circlekeeper.core.member;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.HelpTopic;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Suggester;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.template.Locales;

/**
 * Welcome, help, and the member's own settings: time zone, language and country. Replies about a
 * member's settings are always private.
 */
public final class SettingsFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("settings", SettingsMessages.KEYS.bundle(), List.of(MemberSettingsStore.KEY),
            wiring -> new SettingsFeature(wiring.store(MemberSettingsStore.KEY), wiring.part(ZoneLookup.class, ZoneLookup::new)));

    private final MemberSettingsStore store;
    private final ZoneLookup zones;
    private final CountryLookup countries = new CountryLookup();
    private final ActionSpec pickZone = new ActionSpec("settings.tz", Audience.MEMBER, this::onZonePicked);
    private final OptionSpec languageOption = OptionSpec.choice("language", SettingsMessages.OPT_LANGUAGE_LANGUAGE, Locales.tags()).build();

    public SettingsFeature(MemberSettingsStore store, ZoneLookup zones) {
        this.store = store;
        this.zones = zones;
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public List<CommandSpec> commands() {
        Suggester zoneSuggester = (context, partial) -> zones.startingWith(partial, 25).stream()
                .map(z -> new Suggester.Suggestion(z.getId(), z.getId())).toList();
        return List.of(
                CommandSpec.command("start", SettingsMessages.CMD_START).handler(this::welcome).build(),
                CommandSpec.command("hello", SettingsMessages.CMD_HELLO).handler(this::welcome).build(),
                CommandSpec.command("help", SettingsMessages.CMD_HELP)
                        .option(OptionSpec.text("topic", SettingsMessages.OPT_HELP_TOPIC).length(1, 60))
                        .handler(this::help).build(),
                CommandSpec.command("timezone", SettingsMessages.CMD_TIMEZONE)
                        .example(SettingsMessages.CMD_TIMEZONE_EXAMPLE)
                        .option(OptionSpec.text("zone", SettingsMessages.OPT_TIMEZONE_ZONE).length(1, 64).suggestions(zoneSuggester))
                        .handler(this::timezone).build(),
                CommandSpec.command("language", SettingsMessages.CMD_LANGUAGE)
                        .example(SettingsMessages.CMD_LANGUAGE_EXAMPLE)
                        .option(languageOption)
                        .handler(this::language).build(),
                CommandSpec.command("country", SettingsMessages.CMD_COUNTRY)
                        .example(SettingsMessages.CMD_COUNTRY_EXAMPLE)
                        .option(OptionSpec.text("country", SettingsMessages.OPT_COUNTRY_COUNTRY).length(2, 60))
                        .handler(this::country).build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(pickZone);
    }

    @Override
    public List<MessageKey> messages() {
        return SettingsMessages.KEYS.keys();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "settings";
            }

            @Override
            public Map<String, Object> export(MemberRef member) {
                return store.get(member).export();
            }

            @Override
            public void erase(MemberRef member) {
                store.delete(member);
            }
        });
    }

    private void welcome(Turn turn, Args args) {
        turn.replyPrivately(SettingsMessages.WELCOME, "name", turn.member().displayName());
    }

    /**
     * Without a topic: one short line per topic with the commands this person can use here. With a
     * topic (its name in any language, or one of its commands): each usable command of it, with its
     * usage and description.
     */
    private void help(Turn turn, Args args) {
        ChannelRef.Kind here = turn.context().channel().kind();
        List<HelpTopic> topics = turn.helpTopics(here);
        boolean moreInDirect = here == ChannelRef.Kind.GROUP && hasMore(turn.helpTopics(ChannelRef.Kind.DIRECT), topics);
        Optional<String> asked = args.optional("topic");
        if (asked.isEmpty()) {
            List<Map<String, String>> lines = new ArrayList<>();
            for (HelpTopic topic : topics) {
                String commands = topic.entries().stream().map(e -> "/" + e.command().name()).distinct().collect(Collectors.joining(", "));
                lines.add(Map.of("label", label(turn, topic.id()), "commands", commands));
            }
            String example = topics.isEmpty() ? "" : label(turn, topics.get(topics.size() - 1).id()).toLowerCase(turn.locale());
            turn.replyPrivately(SettingsMessages.HELP, "topics", lines, "example", example, "moreInDirect", moreInDirect);
            return;
        }
        Optional<String> topicId = topicFor(turn, asked.get());
        if (topicId.isEmpty()) {
            turn.replyPrivately(SettingsMessages.HELP_UNKNOWN, "given", asked.get(), "topics", allTopics(turn));
            return;
        }
        Optional<HelpTopic> usable = topics.stream().filter(t -> t.id().equals(topicId.get())).findFirst();
        if (usable.isEmpty()) {
            ChannelRef.Kind there = here == ChannelRef.Kind.GROUP ? ChannelRef.Kind.DIRECT : ChannelRef.Kind.GROUP;
            boolean elsewhere = turn.helpTopics(there).stream().anyMatch(t -> t.id().equals(topicId.get()));
            turn.replyPrivately(SettingsMessages.HELP_NOTHING_HERE, "label", label(turn, topicId.get()),
                    "inDirect", elsewhere && there == ChannelRef.Kind.DIRECT, "inGroup", elsewhere && there == ChannelRef.Kind.GROUP);
            return;
        }
        List<Map<String, String>> lines = new ArrayList<>();
        for (HelpTopic.Entry entry : usable.get().entries()) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("usage", turn.usage(entry.command(), entry.leaf()));
            line.put("description", turn.text(entry.leaf().description()));
            lines.add(line);
        }
        boolean topicMoreInDirect = here == ChannelRef.Kind.GROUP && hasMore(turn.helpTopics(ChannelRef.Kind.DIRECT).stream()
                .filter(t -> t.id().equals(topicId.get())).toList(), List.of(usable.get()));
        turn.replyPrivately(SettingsMessages.HELP_TOPIC, "label", label(turn, topicId.get()), "commands", lines,
                "moreInDirect", topicMoreInDirect);
    }

    private static String label(Turn turn, String topic) {
        return turn.textOr(HelpTopic.labelOf(topic), topic);
    }

    /** True when {@code other} has a command the person cannot use in {@code here}. */
    private static boolean hasMore(List<HelpTopic> other, List<HelpTopic> here) {
        Set<CommandSpec> usable = here.stream().flatMap(t -> t.entries().stream()).map(HelpTopic.Entry::leaf)
                .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
        return other.stream().flatMap(t -> t.entries().stream()).anyMatch(e -> !usable.contains(e.leaf()));
    }

    /**
     * The topic a member asked about: its token or its name in any language the bot speaks, without
     * case or accents, or the name of one of its commands.
     */
    private static Optional<String> topicFor(Turn turn, String asked) {
        String wanted = Locales.fold(asked.startsWith("/") ? asked.substring(1) : asked);
        List<HelpTopic> every = new ArrayList<>(turn.helpTopics(ChannelRef.Kind.GROUP));
        turn.helpTopics(ChannelRef.Kind.DIRECT).stream().filter(t -> every.stream().noneMatch(e -> e.id().equals(t.id()))).forEach(every::add);
        for (HelpTopic topic : every) {
            if (Locales.fold(topic.id()).equals(wanted)
                    || Locales.SUPPORTED.stream().anyMatch(l -> Locales.fold(turn.textOrIn(l, topic.label(), topic.id())).equals(wanted))) {
                return Optional.of(topic.id());
            }
        }
        for (HelpTopic topic : every) {
            if (topic.entries().stream().anyMatch(e -> Locales.fold(e.command().name()).equals(wanted))) {
                return Optional.of(topic.id());
            }
        }
        return Optional.empty();
    }

    private static String allTopics(Turn turn) {
        Set<String> labels = new LinkedHashSet<>();
        for (ChannelRef.Kind kind : ChannelRef.Kind.values()) {
            turn.helpTopics(kind).forEach(t -> labels.add(label(turn, t.id()).toLowerCase(turn.locale())));
        }
        return String.join(", ", labels);
    }

    private void timezone(Turn turn, Args args) {
        if (args.optional("zone").isEmpty()) {
            boolean own = store.get(turn.member()).zoneSetting().isPresent();
            turn.replyPrivately(SettingsMessages.TIMEZONE_CURRENT, "zone", turn.zone().getId(),
                    "localTime", localTime(turn.zone(), turn), "own", own);
            return;
        }
        String typed = args.text("zone");
        ZoneLookup.Result result = zones.lookup(typed);
        if (result instanceof ZoneLookup.Result.Found found) {
            setZone(turn, found.zone());
        } else if (result instanceof ZoneLookup.Result.Ambiguous ambiguous) {
            turn.replyPrivately(zoneButtons(turn.compose(SettingsMessages.TIMEZONE_AMBIGUOUS, "given", typed), ambiguous.candidates()));
        } else if (result instanceof ZoneLookup.Result.NotFound notFound) {
            turn.replyPrivately(zoneButtons(turn.compose(SettingsMessages.TIMEZONE_UNKNOWN, "given", typed,
                    "suggestions", !notFound.suggestions().isEmpty(),
                    "example", turn.text(SettingsMessages.CMD_TIMEZONE_EXAMPLE)), notFound.suggestions()));
        }
    }

    private OutgoingMessage zoneButtons(OutgoingMessage.Builder message, List<ZoneId> candidates) {
        candidates.forEach(zone -> message.button(pickZone.button(zone.getId(), zone.getId())).row());
        return message.build();
    }

    private void onZonePicked(Turn turn, String zoneId) {
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneId);
        } catch (RuntimeException e) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        setZone(turn, zone);
    }

    private void setZone(Turn turn, ZoneId zone) {
        store.save(turn.member(), store.get(turn.member()).withZone(zone));
        turn.replyPrivately(SettingsMessages.TIMEZONE_SET, "zone", zone.getId(), "localTime", localTime(zone, turn));
    }

    private static String localTime(ZoneId zone, Turn turn) {
        ZonedDateTime now = turn.now().atZone(zone);
        return now.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(turn.locale()));
    }

    private void language(Turn turn, Args args) {
        if (args.optional("language").isEmpty()) {
            turn.replyPrivately(SettingsMessages.LANGUAGE_CURRENT, "language", turn.locale().getDisplayLanguage(turn.locale()),
                    "choices", Locales.tags().stream().map(tag -> turn.choiceLabel(languageOption, tag)).collect(Collectors.joining(", ")));
            return;
        }
        Locale chosen = Locales.supported(args.text("language")).orElseThrow();
        store.save(turn.member(), store.get(turn.member()).withLanguage(chosen));
        turn.replyPrivately(OutgoingMessage.text(turn.textIn(chosen, SettingsMessages.LANGUAGE_SET)).build());
    }

    private void country(Turn turn, Args args) {
        if (args.optional("country").isEmpty()) {
            store.get(turn.member()).countrySetting().ifPresentOrElse(
                    code -> turn.replyPrivately(SettingsMessages.COUNTRY_CURRENT, "country", CountryLookup.displayName(code, turn.locale())),
                    () -> turn.replyPrivately(SettingsMessages.COUNTRY_NONE));
            return;
        }
        String typed = args.text("country");
        countries.lookup(typed).ifPresentOrElse(code -> {
            store.save(turn.member(), store.get(turn.member()).withCountry(code));
            turn.replyPrivately(SettingsMessages.COUNTRY_SET, "country", CountryLookup.displayName(code, turn.locale()));
        }, () -> turn.replyPrivately(SettingsMessages.COUNTRY_UNKNOWN, "given", typed));
    }
}
