package org.circlekeeper.core.member;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.ActionTokens;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The privacy pair: {@code /mydata} exports everything every feature keeps about the member, and
 * {@code /forgetme} (after a one-time confirmation) erases it in every feature. Both walk the
 * {@link FeatureRegistry}'s personal-data participants, so a new feature cannot be left out. The export's answer
 * carries the way to the member's own page on the web, when it is on ({@link OwnPageOffer}).
 */
public final class PrivacyFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("privacy", SettingsMessages.KEYS.bundle(), List.of(ActionTokens.KEY),
            wiring -> new PrivacyFeature(wiring.registry(), wiring.store(ActionTokens.KEY), wiring.messengers().personalData(),
                    wiring.find(ErasureFlush.class).orElse(ErasureFlush.NOTHING_ON_DISK)));

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyFeature.class);
    static final Duration CONFIRM_WINDOW = Duration.ofMinutes(10);
    private static final String PURPOSE = "forgetme";

    private final FeatureRegistry registry;
    private final ActionTokens tokens;
    private final List<PersonalData> platformData;
    private final ErasureFlush flush;
    private final OwnPageOffer ownPage;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final ActionSpec erase = new ActionSpec("privacy.erase", Audience.MEMBER, this::onErase);
    private final ActionSpec keep = new ActionSpec("privacy.keep", Audience.MEMBER, this::onKeep);

    /**
     * @param platformData what the platform adapters keep about members beside the core's stores; the
     *                     privacy feature answers for it, so export and erasure cover it too
     */
    public PrivacyFeature(FeatureRegistry registry, ActionTokens tokens, List<PersonalData> platformData) {
        this(registry, tokens, platformData, ErasureFlush.NOTHING_ON_DISK);
    }

    /**
     * @param flush how an erasure reaches the store's files on disk; asked after every {@code /forgetme}
     */
    public PrivacyFeature(FeatureRegistry registry, ActionTokens tokens, List<PersonalData> platformData, ErasureFlush flush) {
        this.registry = registry;
        this.tokens = tokens;
        this.platformData = List.copyOf(platformData);
        this.flush = Objects.requireNonNull(flush, "flush");
        this.ownPage = OwnPageOffer.in(registry);
    }

    @Override
    public String id() {
        return "privacy";
    }

    @Override
    public String helpTopic() {
        return "settings";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.command("mydata", SettingsMessages.CMD_MYDATA).handler(this::myData).build(),
                CommandSpec.command("forgetme", SettingsMessages.CMD_FORGETME).handler(this::forgetMe).build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(erase, keep);
    }

    @Override
    public List<MessageKey> messages() {
        List<MessageKey> labels = new ArrayList<>(List.of(PersonalData.PLATFORM));
        registry.personalData().forEach(p -> labels.add(p.label()));
        return labels;
    }

    /**
     * The privacy feature keeps nothing itself (its confirmation tokens expire within minutes); it
     * answers for what the platform adapters keep.
     */
    @Override
    public List<PersonalData> personalData() {
        return platformData;
    }

    /** Asking for one's data or erasing it stores nothing about the member, not even the group it was asked in. */
    @Override
    public boolean remembersTheGroup() {
        return false;
    }

    private void myData(Turn turn, Args args) {
        Map<String, Object> sections = new LinkedHashMap<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (PersonalData participant : registry.personalData()) {
            Map<String, Object> data = participant.export(turn.member());
            if (!data.isEmpty()) {
                sections.put(participant.section(), data);
                summary.add(Map.of("name", turn.text(participant.label()), "items", data.size()));
            }
        }
        if (sections.isEmpty()) {
            turn.replyPrivately(SettingsMessages.MYDATA_EMPTY);
            return;
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", turn.now().toString());
        export.put("platform", turn.member().platform().id());
        export.put("userId", turn.member().userId());
        export.put("data", sections);
        byte[] file = json.writeValueAsString(export).getBytes(StandardCharsets.UTF_8);
        OutgoingMessage.Builder answer = turn.compose(SettingsMessages.MYDATA, "sections", summary)
                .attachment(new Attachment("circlekeeper-my-data.json", "application/json", file));
        ownPage.ownPageButton(turn).ifPresent(answer::button);
        turn.replyPrivately(answer.build());
    }

    private void forgetMe(Turn turn, Args args) {
        String token = tokens.issue(turn.member(), PURPOSE, CONFIRM_WINDOW);
        turn.replyPrivately(turn.compose(SettingsMessages.FORGET_ASK, "minutes", CONFIRM_WINDOW.toMinutes())
                .button(erase.button(turn.text(SettingsMessages.FORGET_YES), token, Button.Style.DANGER))
                .button(keep.button(turn.text(SettingsMessages.FORGET_NO), token, Button.Style.SECONDARY))
                .build());
    }

    private void onErase(Turn turn, String token) {
        if (!claim(turn, token)) {
            return;
        }
        List<String> failed = new ArrayList<>();
        for (PersonalData participant : registry.personalData()) {
            try {
                participant.erase(turn.member());
            } catch (RuntimeException e) {
                LOG.error("erasing section {} failed", participant.section(), e);
                failed.add(participant.section());
            }
        }
        try {
            // even after a partial failure: what was erased must leave the files on disk too
            flush.erased();
        } catch (RuntimeException e) {
            LOG.error("asking the store to rewrite its files after an erasure failed", e);
        }
        OutgoingMessage done = turn.compose(failed.isEmpty() ? SettingsMessages.FORGET_DONE : SettingsMessages.FORGET_PARTIAL).build();
        turn.replaceOrigin(done.withVisibility(Visibility.PRIVATE));
    }

    private void onKeep(Turn turn, String token) {
        if (claim(turn, token)) {
            turn.replaceOrigin(turn.compose(SettingsMessages.FORGET_KEPT)
                    .visibility(Visibility.PRIVATE).build());
        }
    }

    private boolean claim(Turn turn, String token) {
        return switch (tokens.consume(token, turn.member(), PURPOSE)) {
            case CONSUMED -> true;
            case NOT_YOURS -> {
                turn.replyPrivately(EngineMessages.BUTTON_NOT_YOURS);
                yield false;
            }
            case GONE -> {
                turn.replyPrivately(SettingsMessages.FORGET_USED);
                yield false;
            }
        };
    }
}
