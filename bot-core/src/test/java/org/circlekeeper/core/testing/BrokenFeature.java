package org.circlekeeper.core.testing;

import java.util.List;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;

/** A feature whose one command, {@code /boom}, throws: for tests of how the engine survives a feature's bug. */
public final class BrokenFeature implements Feature {

    @Override
    public String id() {
        return "broken";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.command("boom", MessageKey.of("cmd.help")).handler((turn, args) -> {
            throw new IllegalStateException("feature bug");
        }).build());
    }

    @Override
    public List<MessageKey> messages() {
        return List.of();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }
}
