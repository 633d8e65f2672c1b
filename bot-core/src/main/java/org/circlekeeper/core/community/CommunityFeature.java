package org.circlekeeper.core.community;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Scope;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.ZoneLookup;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;

/**
 * Organisers' settings for the whole community ({@code /community}) and its own wording of the
 * bot's messages ({@code /wording}). Used in the group, by organisers only.
 */
public final class CommunityFeature implements Feature {

    /** Every key this class declares, collected as declared; their texts are in {@code core.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("core");

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("community", KEYS.bundle(), List.of(CommunitySettingsStore.KEY, WordingStore.KEY),
            wiring -> {
                CommunityFeature feature = new CommunityFeature(wiring.store(CommunitySettingsStore.KEY), wiring.store(WordingStore.KEY),
                        wiring.renderer(), wiring.registry(), wiring.part(ZoneLookup.class, ZoneLookup::new));
                // the organisers' page reads and previews wording through the same
                wiring.provide(Wordings.class, feature.wordings);
                return feature;
            });

    static final MessageKey CMD_COMMUNITY = KEYS.key("cmd.community");
    static final MessageKey CMD_COMMUNITY_SHOW = KEYS.key("cmd.community.show");
    static final MessageKey CMD_COMMUNITY_TIMEZONE = KEYS.key("cmd.community.timezone");
    static final MessageKey CMD_COMMUNITY_TIMEZONE_EXAMPLE = KEYS.key("cmd.community.timezone.example");
    static final MessageKey CMD_COMMUNITY_LANGUAGE = KEYS.key("cmd.community.language");
    static final MessageKey CMD_WORDING = KEYS.key("cmd.wording");
    static final MessageKey CMD_WORDING_SHOW = KEYS.key("cmd.wording.show");
    static final MessageKey CMD_WORDING_SET = KEYS.key("cmd.wording.set");
    static final MessageKey CMD_WORDING_SET_EXAMPLE = KEYS.key("cmd.wording.set.example");
    static final MessageKey CMD_WORDING_RESET = KEYS.key("cmd.wording.reset");
    static final MessageKey OPT_ZONE = KEYS.key("opt.community.zone");
    static final MessageKey OPT_LANGUAGE = KEYS.key("opt.community.language");
    static final MessageKey OPT_KEY = KEYS.key("opt.wording.key");
    static final MessageKey OPT_TEXT = KEYS.key("opt.wording.text");

    static final MessageKey SHOW = KEYS.key("community.show", "zone", "language");
    static final MessageKey ZONE_SET = KEYS.key("community.timezone.set", "zone");
    static final MessageKey ZONE_UNKNOWN = KEYS.key("community.timezone.unknown", "given", "example");
    static final MessageKey LANGUAGE_SET = KEYS.key("community.language.set", "language");
    static final MessageKey WORDING_SHOW = KEYS.key("wording.show", "key", "text", "values", "custom");
    static final MessageKey WORDING_PREVIEW = KEYS.key("wording.preview");
    static final MessageKey WORDING_UNKNOWN_KEY = KEYS.key("wording.unknown-key", "key");
    static final MessageKey WORDING_UNKNOWN_VALUE = KEYS.key("wording.unknown-value", "key", "name", "values");
    static final MessageKey WORDING_BROKEN = KEYS.key("wording.broken", "key", "values");
    static final MessageKey WORDING_SET = KEYS.key("wording.set", "key", "language");
    static final MessageKey WORDING_RESET = KEYS.key("wording.reset", "key");
    static final MessageKey WORDING_NOTHING_TO_RESET = KEYS.key("wording.nothing-to-reset", "key");

    private final CommunitySettingsStore store;
    private final WordingStore wording;
    private final Wordings wordings;
    private final ZoneLookup zones;

    public CommunityFeature(CommunitySettingsStore store, WordingStore wording, TemplateRenderer renderer,
                            FeatureRegistry registry, ZoneLookup zones) {
        this.store = store;
        this.wording = wording;
        this.wordings = new Wordings(wording, renderer, registry);
        this.zones = zones;
    }

    @Override
    public String id() {
        return "community";
    }

    @Override
    public String helpTopic() {
        return "settings";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("community", CMD_COMMUNITY).audience(Audience.ORGANISER).scope(Scope.GROUP)
                        .subcommand(CommandSpec.command("show", CMD_COMMUNITY_SHOW).audience(Audience.ORGANISER)
                                .handler(this::show).build())
                        .subcommand(CommandSpec.command("timezone", CMD_COMMUNITY_TIMEZONE).audience(Audience.ORGANISER)
                                .example(CMD_COMMUNITY_TIMEZONE_EXAMPLE)
                                .option(OptionSpec.text("zone", OPT_ZONE).required().length(1, 64))
                                .handler(this::timezone).build())
                        .subcommand(CommandSpec.command("language", CMD_COMMUNITY_LANGUAGE).audience(Audience.ORGANISER)
                                .option(OptionSpec.choice("language", OPT_LANGUAGE, Locales.tags()).required())
                                .handler(this::language).build())
                        .build(),
                CommandSpec.command("wording", CMD_WORDING).audience(Audience.ORGANISER).scope(Scope.GROUP)
                        .subcommand(CommandSpec.command("show", CMD_WORDING_SHOW).audience(Audience.ORGANISER)
                                .option(OptionSpec.text("key", OPT_KEY).required().length(3, 80))
                                .handler(this::showWording).build())
                        .subcommand(CommandSpec.command("set", CMD_WORDING_SET).audience(Audience.ORGANISER)
                                .example(CMD_WORDING_SET_EXAMPLE)
                                .option(OptionSpec.text("key", OPT_KEY).required().length(3, 80))
                                .option(Wordings.textOption())
                                .handler(this::setWording).build())
                        .subcommand(CommandSpec.command("reset", CMD_WORDING_RESET).audience(Audience.ORGANISER)
                                .option(OptionSpec.text("key", OPT_KEY).required().length(3, 80))
                                .handler(this::resetWording).build())
                        .build());
    }

    @Override
    public List<MessageKey> messages() {
        return KEYS.keys();
    }

    /** Community settings and wording are about the group, not about any one member. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    private void show(Turn turn, Args args) {
        CommunitySettings settings = store.get(turn.community());
        turn.replyPrivately(SHOW, "zone", settings.zoneSetting().map(Object::toString).orElse("—"),
                "language", settings.languageSetting().map(l -> l.getDisplayLanguage(turn.locale())).orElse("—"));
    }

    private void timezone(Turn turn, Args args) {
        String typed = args.text("zone");
        if (zones.lookup(typed) instanceof ZoneLookup.Result.Found found) {
            store.save(turn.community(), store.get(turn.community()).withZone(found.zone()));
            turn.reply(ZONE_SET, "zone", found.zone().getId());
        } else {
            turn.replyPrivately(ZONE_UNKNOWN, "given", typed, "example", turn.text(CMD_COMMUNITY_TIMEZONE_EXAMPLE));
        }
    }

    private void language(Turn turn, Args args) {
        Locale chosen = Locales.supported(args.text("language")).orElseThrow();
        store.save(turn.community(), store.get(turn.community()).withLanguage(chosen));
        turn.reply(OutgoingMessage.text(
                turn.textIn(chosen, LANGUAGE_SET, "language", chosen.getDisplayLanguage(chosen))).build());
    }

    /** The wording in the member's language, then how members read it, with sample values (as the organisers' page shows it). */
    private void showWording(Turn turn, Args args) {
        Optional<MessageKey> key = wordings.key(args.text("key"));
        if (key.isEmpty()) {
            turn.replyPrivately(WORDING_UNKNOWN_KEY, "key", args.text("key"));
            turn.refusedOption("key");
            return;
        }
        Wordings.Version version = wordings.versions(turn.community(), key.get()).stream()
                .filter(v -> v.locale().getLanguage().equals(turn.locale().getLanguage())).findFirst().orElseThrow();
        turn.replyPrivately(WORDING_SHOW, "key", key.get().key(), "text", version.current(),
                "values", Wordings.valueNames(key.get()), "custom", version.custom().isPresent());
        turn.replyPrivately(OutgoingMessage.text(turn.text(WORDING_PREVIEW) + "\n" + version.preview()).build());
    }

    private void setWording(Turn turn, Args args) {
        Optional<MessageKey> key = wordings.key(args.text("key"));
        if (key.isEmpty()) {
            turn.replyPrivately(WORDING_UNKNOWN_KEY, "key", args.text("key"));
            turn.refusedOption("key");
            return;
        }
        String text = args.text("text").replace("\\n", "\n");
        Optional<String> problem = wordings.problem(turn, key.get(), text);
        if (problem.isPresent()) {
            turn.replyPrivately(OutgoingMessage.text(problem.get()).build());
            turn.refusedOption("text");
            return;
        }
        wording.put(turn.community(), turn.locale(), key.get().key(), text);
        turn.replyPrivately(WORDING_SET, "key", key.get().key(), "language", turn.locale().getDisplayLanguage(turn.locale()));
    }

    private void resetWording(Turn turn, Args args) {
        String name = args.text("key").strip();
        if (wording.remove(turn.community(), turn.locale(), name)) {
            turn.replyPrivately(WORDING_RESET, "key", name);
        } else {
            turn.replyPrivately(WORDING_NOTHING_TO_RESET, "key", name);
        }
    }
}
