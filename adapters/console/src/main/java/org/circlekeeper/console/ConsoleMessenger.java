package org.circlekeeper.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.message.SentMessage;
import org.circlekeeper.core.message.Target;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's {@link Messenger}: messages the bot starts itself (reminders, prompts) printed in
 * the same format as replies, with buttons numbered in the session-wide sequence so {@code :click N}
 * works on them. Printed lines wait in an outbox that the session empties after each input line and
 * the terminal empties as they arrive. Thread-safe: a scheduler thread may send while a person types.
 */
public final class ConsoleMessenger implements Messenger {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleMessenger.class);

    /** How bot text is drawn: plain text (scripts, files) or with ANSI bold and italics (a terminal). */
    public enum Rendering { PLAIN, ANSI }

    private final Transcript transcript = new Transcript();
    private final Queue<List<String>> outbox = new ConcurrentLinkedQueue<>();
    private final List<Runnable> outputListeners = new CopyOnWriteArrayList<>();

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    /** Prints the message to a channel or a member's direct chat and returns its id for later edits. */
    @Override
    public SentMessage send(Target target, OutgoingMessage message) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
        Transcript.Where where = whereOf(target);
        Transcript.Shown shown;
        synchronized (transcript) {
            shown = transcript.showNew(where, message);
            outbox.add(shown.lines());
        }
        LOG.debug("console message {} sent", shown.messageId());
        notifyOutput();
        return new SentMessage(target, shown.messageId());
    }

    /** Prints the replacement of a message shown earlier, marked {@code bot (edit)}, in its original place. */
    @Override
    public void edit(SentMessage sent, OutgoingMessage message) {
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(message, "message");
        synchronized (transcript) {
            Transcript.Where where = transcript.whereOf(sent.messageId()).orElseThrow(() -> new DeliveryFailed(
                    "the console never showed a message with id " + sent.messageId() + ", so it cannot be edited", true, null));
            outbox.add(transcript.showEdit(sent.messageId(), where, message));
        }
        LOG.debug("console message {} edited", sent.messageId());
        notifyOutput();
    }

    /** Takes the lines printed since the last call, oldest first; each message's lines stay together. */
    public List<String> drain() {
        List<String> lines = new ArrayList<>();
        for (List<String> block = outbox.poll(); block != null; block = outbox.poll()) {
            lines.addAll(block);
        }
        return lines;
    }

    /**
     * Registers a callback run (on the sending thread) whenever new lines wait in the outbox, so a
     * terminal can show a reminder without waiting for the next input line.
     */
    public void onOutput(Runnable listener) {
        outputListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Chooses how bot text is drawn from now on (plain by default). */
    public void rendering(Rendering rendering) {
        transcript.rendering(rendering);
    }

    /** The shared record of shown messages and numbered buttons, for the session. */
    Transcript transcript() {
        return transcript;
    }

    private void notifyOutput() {
        for (Runnable listener : outputListeners) {
            listener.run();
        }
    }

    private static Transcript.Where whereOf(Target target) {
        if (target instanceof Target.Member member) {
            MemberRef ref = member.member();
            requireConsole(ref.platform(), "member");
            return Transcript.Where.direct(ref);
        }
        ChannelRef channel = ((Target.Channel) target).channel();
        requireConsole(channel.platform(), "channel");
        return channel.isDirect() ? Transcript.Where.directChannel(channel) : Transcript.Where.group(channel);
    }

    private static void requireConsole(Platform platform, String what) {
        if (platform != Platform.CONSOLE) {
            throw new DeliveryFailed("the console cannot deliver to a " + platform.id() + " " + what, true, null);
        }
    }

    /** The console keeps nothing about members beside the core's stores. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }
}
