package org.circlekeeper.core.resource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.CountryLookup;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.Visibility;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /crisis}, for every member everywhere: the crisis lines of the member's country (from
 * {@code /country}, or asked with buttons), the international fallback, the emergency number and
 * a plain word that the bot is not a counsellor. Where the reply shows a line's phone or text
 * number, a "this number is outdated" button records an anonymous report for organisers. Always
 * private.
 */
public final class CrisisFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("crisis", ResourceMessages.CRISIS.bundle(), List.of(MemberSettingsStore.KEY, ResourceStore.KEY),
            wiring -> new CrisisFeature(wiring.part(CrisisLines.class, CrisisLines::shipped), wiring.store(MemberSettingsStore.KEY),
                    wiring.store(ResourceStore.KEY)));

    private static final Logger LOG = LoggerFactory.getLogger(CrisisFeature.class);

    /** The countries offered as buttons when the member's is unknown, by the member's language. */
    static final List<String> COMMON_EN = List.of("US", "GB", "CA", "AU", "IE", "NZ", "IN", "ZA");
    static final List<String> COMMON_ES = List.of("ES", "MX", "AR", "CO", "CL", "PE", "US");
    private static final String OTHER = "other";

    private final CrisisLines lines;
    private final MemberSettingsStore members;
    private final ResourceStore store;
    private final CountryLookup countries = new CountryLookup();
    private final ActionSpec pickCountry = new ActionSpec("crisis.country", Audience.MEMBER, this::onCountry);
    private final ActionSpec outdated = new ActionSpec("crisis.outdated", Audience.MEMBER, this::onOutdated);
    private final ActionSpec report = new ActionSpec("crisis.report", Audience.MEMBER, this::onReport);

    public CrisisFeature(CrisisLines lines, MemberSettingsStore members, ResourceStore store) {
        this.lines = lines;
        this.members = members;
        this.store = store;
    }

    @Override
    public String id() {
        return "crisis";
    }

    @Override
    public String helpTopic() {
        return "resources";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("crisis", ResourceMessages.CMD_CRISIS)
                .option(OptionSpec.text("country", ResourceMessages.OPT_CRISIS_COUNTRY).length(2, 60))
                .handler(this::crisis)
                .build());
    }

    @Override
    public List<ActionSpec> actions() {
        return List.of(pickCountry, outdated, report);
    }

    @Override
    public List<MessageKey> messages() {
        return ResourceMessages.CRISIS.keys();
    }

    /**
     * Keeps nothing about members: the country picked with a button is used for that answer only
     * (the member saves it with {@code /country} if they want), and reports carry no member id.
     */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    private void crisis(Turn turn, Args args) {
        Optional<String> typed = args.optional("country");
        if (typed.isPresent()) {
            Optional<String> code = countries.lookup(typed.get());
            if (code.isEmpty()) {
                CrisisLookup fallback = lines.forCountry(Optional.empty(), turn.locale());
                turn.replyPrivately(OutgoingMessage.text(turn.text(ResourceMessages.CRISIS_UNKNOWN_COUNTRY, "given", typed.get())
                        + "\n\n" + card(turn, fallback)).build());
                return;
            }
            showCountry(turn, code.get(), false);
            return;
        }
        Optional<String> own = members.get(turn.member()).countrySetting();
        if (own.isPresent()) {
            showCountry(turn, own.get(), false);
            return;
        }
        CrisisLookup fallback = lines.forCountry(Optional.empty(), turn.locale());
        OutgoingMessage.Builder message = OutgoingMessage.text(card(turn, fallback) + "\n\n" + turn.text(ResourceMessages.CRISIS_ASK_COUNTRY));
        List<String> common = turn.locale().getLanguage().equals("es") ? COMMON_ES : COMMON_EN;
        for (int i = 0; i < common.size(); i++) {
            if (i > 0 && i % 4 == 0) {
                message.row();
            }
            message.button(pickCountry.button(CountryLookup.displayName(common.get(i), turn.locale()), common.get(i)));
        }
        message.row().button(pickCountry.button(turn.text(ResourceMessages.CRISIS_OTHER), OTHER));
        turn.replyPrivately(message.build());
    }

    private void showCountry(Turn turn, String code, boolean pressed) {
        CrisisLookup lookup = lines.forCountry(Optional.of(code), turn.locale());
        OutgoingMessage.Builder message = OutgoingMessage.text(card(turn, lookup)).visibility(Visibility.PRIVATE);
        if (!lookup.reportable().isEmpty()) {
            message.button(outdated.button(turn.text(ResourceMessages.CRISIS_OUTDATED), code, Button.Style.SECONDARY));
        }
        if (pressed) {
            turn.replaceOrigin(message.build());
        } else {
            turn.replyPrivately(message.build());
        }
    }

    private void onCountry(Turn turn, String argument) {
        if (argument.equals(OTHER)) {
            CrisisLookup fallback = lines.forCountry(Optional.empty(), turn.locale());
            turn.replaceOrigin(OutgoingMessage.text(card(turn, fallback) + "\n\n" + turn.text(ResourceMessages.CRISIS_OTHER_HINT))
                    .visibility(Visibility.PRIVATE).build());
            return;
        }
        String code = argument.toUpperCase(Locale.ROOT);
        if (!Set.of(Locale.getISOCountries()).contains(code)) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        showCountry(turn, code, true);
    }

    /** Lists the numbers shown for a country that a member can report; a button from an older reply with none is stale. */
    private void onOutdated(Turn turn, String argument) {
        String code = argument.toUpperCase(Locale.ROOT);
        List<CrisisLine> reportable = Set.of(Locale.getISOCountries()).contains(code)
                ? lines.forCountry(Optional.of(code), turn.locale()).reportable() : List.of();
        if (reportable.isEmpty()) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        OutgoingMessage.Builder message = turn.compose(ResourceMessages.CRISIS_OUTDATED_WHICH).visibility(Visibility.PRIVATE);
        for (CrisisLine line : reportable) {
            String contact = line.phone() != null ? line.phone() : line.sms() != null ? line.sms() : "";
            String label = contact.isEmpty() ? line.name() : line.name() + " · " + contact;
            message.button(report.button(ResourceFeature.shorten(label, 60), line.id())).row();
        }
        turn.replyPrivately(message.build());
    }

    private void onReport(Turn turn, String lineId) {
        Optional<CrisisLine> line = lines.line(lineId);
        if (line.isEmpty()) {
            turn.replyPrivately(EngineMessages.BUTTON_STALE);
            return;
        }
        store.recordOutdated(turn.community(), lineId, turn.now());
        LOG.info("crisis line {} was reported as outdated on {}", lineId, turn.community().platform().id());
        turn.replaceOrigin(turn.compose(ResourceMessages.CRISIS_REPORTED, "name", line.get().name())
                .visibility(Visibility.PRIVATE).build());
    }

    private static String card(Turn turn, CrisisLookup lookup) {
        return turn.text(CrisisLines.CARD, CrisisLines.cardValues(lookup));
    }
}
