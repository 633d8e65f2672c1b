package org.circlekeeper.core.gratitude;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Plugin;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;

/**
 * A small feature built the documented way ("Adding a feature" in the README), to prove that a feature plugs in
 * from its own package: {@code /grateful the walk by the river} keeps a line of what the member is grateful for,
 * {@code /grateful} alone shows their lines. Its texts are in its own bundle, its store is its own, and
 * {@code /mydata} and {@code /forgetme} reach what it keeps.
 */
public final class GratitudeFeature implements Feature {

    /** How this feature plugs into the bot: its bundle, the stores it needs, how it is built. */
    public static final Plugin PLUGIN = new Plugin("gratitude", GratitudeMessages.KEYS.bundle(), List.of(GratitudeStore.KEY),
            wiring -> new GratitudeFeature(wiring.store(GratitudeStore.KEY)));

    /** The longest line kept. */
    static final int MAX_LENGTH = 200;

    private final GratitudeStore store;

    public GratitudeFeature(GratitudeStore store) {
        this.store = store;
    }

    @Override
    public String id() {
        return "gratitude";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("grateful", GratitudeMessages.CMD_GRATEFUL)
                .example(GratitudeMessages.CMD_GRATEFUL_EXAMPLE)
                .option(OptionSpec.text("line", GratitudeMessages.OPT_LINE).length(1, MAX_LENGTH))
                .handler(this::grateful).build());
    }

    @Override
    public List<MessageKey> messages() {
        return GratitudeMessages.KEYS.keys();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(new PersonalData() {
            @Override
            public String section() {
                return "gratitude";
            }

            @Override
            public Map<String, Object> export(MemberRef member) {
                List<String> lines = store.lines(member);
                return lines.isEmpty() ? Map.of() : Map.of("lines", lines);
            }

            @Override
            public void erase(MemberRef member) {
                store.erase(member);
            }
        });
    }

    private void grateful(Turn turn, Args args) {
        Optional<String> line = args.optional("line").map(String::strip).filter(l -> !l.isEmpty());
        if (line.isPresent()) {
            turn.replyPrivately(GratitudeMessages.KEPT, "count", store.add(turn.member(), line.get()));
            return;
        }
        List<String> lines = store.lines(turn.member());
        if (lines.isEmpty()) {
            turn.replyPrivately(GratitudeMessages.EMPTY);
        } else {
            turn.replyPrivately(GratitudeMessages.LIST, "lines", lines.stream().map(l -> Map.of("text", l)).toList());
        }
    }
}
