package org.circlekeeper.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Arguments;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.EngineMessages;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FormSpec;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.message.Button;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.ref.StoreKey;
import org.circlekeeper.core.schedule.VirtualClock;
import org.circlekeeper.core.testing.InMemoryStores;
import org.circlekeeper.core.testing.RecordingMessenger;
import org.junit.jupiter.api.Test;

/**
 * No input reaches an internal error. Every command spec (each subcommand, typed and with named options as
 * Discord sends them), every button's action id, every form and plain messages get generated malformed, empty,
 * huge, control-character and wrong-type arguments, from a fixed seed, through the real engine with every
 * feature on in-memory stores: nothing escapes, every command and button gets a non-empty reply, none is the
 * apology for an internal error, nothing is counted as a failure, and an input the bot refused (the engine's
 * own refusals, or a reply saying nothing was changed) left every store exactly as it was.
 */
class EngineFuzzTest {

    private static final long SEED = 20261203L;
    private static final int INPUTS = 10_500;

    private static final List<String> JUNK = List.of("", " ", "   ", "\t", "\u00a0\u2003", "\n", "\r\n", "\u0000", "\u0007\u0008",
            "\u001b[31mred\u001b[0m", "\u202eevil\u202c", "\u200b", "e\u0301\u0301\u0301", "\ud83d\udc9c\ud83c\udff3\ufe0f\u200d\ud83c\udf08",
            "\ud800", "\"", "\"unclosed", "\"\"", "'", "`", "\\", "*", "_", "[x](javascript:alert(1))", "<b>x</b>", "&amp;", "{{name}}",
            "{{{x}}}", "@everyone", "@here", "<@123>", "#", "#room", ":", "::", "a:b:c", "/", "//", "../../etc/passwd", "%s%n",
            "-", "--", "-1", "0", "1", "7", "99", "100", "101", "1000", "2147483648", "-9223372036854775809",
            "99999999999999999999999", "1e309", "NaN", "0x1F", "١٢٣", "3.5", "true", "null", "none", "off", "on", "all",
            "yes", "no", "en", "es", "xx", "zz-ZZ", "UTC", "Europe/Berlin", "Mars/Olympus", "GMT+25", "+99:00", "Madrid",
            "ES", "Atlantis", "today", "tomorrow", "yesterday", "now", "19:00", "25:61", "24:00", "7pm", "every", "every tuesday",
            "every tuesday 19:00", "every day 7:00", "every 0 weeks", "every 1000 weeks on monday 10:00", "tomorrow 10:00",
            "2026-12-01", "2026-02-30", "2026-13-01", "9999-12-31 10:00", "0000-01-01 00:00", "2040-01-01 10:00",
            "2031-06-01 10:00", "RRULE:FREQ=SECONDLY", "RRULE:FREQ=WEEKLY;COUNT=99999", "RRULE:FREQ=WEEKLY;BYHOUR=3 19:00",
            "RRULE:", "until 2020-01-01", "for 0 times", "for 1001 times", "1m", "0m", "15m", "8d", "1d 2h 3m 4s", "99999h", "1h30m",
            "https://example.org/x", "http://", "javascript:alert(1)", "ftp://x", "tuesday-circle", "TUESDAY-CIRCLE",
            "circle", "tuesday", "x".repeat(17), "x".repeat(81), "y".repeat(501), "z".repeat(2_001), "w ".repeat(600),
            "\u00e9".repeat(300), "-".repeat(40), "ü", "ß", "İ", "\u0130stanbul", "Ωμέγα", "日本語", "مرحبا");

    /** Inputs that once reached an internal error or were stored although refused, tried first as the organiser. */
    private static final List<String> DIRECTED = List.of(
            "/circle create \"   \" every tuesday 19:00",
            "/circle create \"Far\" 2033-01-04 10:00",
            "/circle edit tuesday-circle name \"   \"",
            "/circle edit tuesday-circle name    ",
            "/circle edit tuesday-circle when 2033-01-04 10:00",
            "/circle edit tuesday-circle description " + "d".repeat(501));
    private static final Pattern EXAMPLE = Pattern.compile("`(/[a-z][^`]*)`");

    private final Random random = new Random(SEED);
    private long snapNanos;
    private long handleNanos;
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final Stores stores = InMemoryStores.create(clock);
    private final Counting metrics = new Counting();
    private final RecordingMessenger outbox = new RecordingMessenger();
    private final Engine engine = Bot.builder().stores(stores).clock(clock)
            .messengers(new Messengers(List.of(outbox)))
            .with(CheckinOptions.class, CheckinOptions.of(AesGcmNoteCipher.fromBase64(AesGcmNoteCipher.newKey()))).metrics(metrics).build().engine();

    private final CommunityRef community = new CommunityRef(Platform.CONSOLE, "fuzz");
    private final ChannelRef room = new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP);
    private final MemberRef olivia = new MemberRef(Platform.CONSOLE, "olivia", "Olivia");
    private final MemberRef alice = new MemberRef(Platform.CONSOLE, "alice", "Alice");
    private final List<Context> contexts = List.of(
            new Context(olivia, room, community, Role.ORGANISER, null),
            new Context(alice, room, community, Role.MEMBER, null),
            new Context(alice, new ChannelRef(Platform.CONSOLE, "dm:alice", ChannelRef.Kind.DIRECT), community, Role.MEMBER, null),
            new Context(olivia, new ChannelRef(Platform.CONSOLE, "dm:olivia", ChannelRef.Kind.DIRECT), community, Role.ORGANISER,
                    Locale.forLanguageTag("es")));
    private final Set<String> actionIds = new LinkedHashSet<>();
    private final Set<String> apologies = Set.of(engine.text(EngineMessages.INTERNAL_ERROR, Locale.ENGLISH),
            engine.text(EngineMessages.INTERNAL_ERROR, Locale.forLanguageTag("es")));

    /** Counts what the engine counts: refusals by outcome, and every failure it caught. */
    private static final class Counting implements Metrics {
        final List<String> failures = new CopyOnWriteArrayList<>();
        volatile Outcome last;

        @Override
        public void commandHandled(Platform platform, String command, Outcome outcome) {
            last = outcome;
        }

        @Override
        public void buttonPressed(Platform platform, String action, Outcome outcome) {
            last = outcome;
        }

        @Override
        public void unitFailed(Platform platform, String boundary) {
            failures.add(boundary);
        }

        @Override
        public void storeUnavailable(Platform platform) {
            failures.add("store");
        }
    }

    @Test
    void noGeneratedInputReachesAnInternalError() {
        seed();
        List<CommandSpec> leaves = new ArrayList<>();
        for (CommandSpec spec : engine.registry().commands()) {
            if (spec.hasSubcommands()) {
                spec.subcommands().forEach(sub -> leaves.add(sub));
            } else {
                leaves.add(spec);
            }
        }
        List<String> commandNames = engine.registry().commands().stream().map(CommandSpec::name).toList();
        List<ActionSpec> actions = engine.registry().features().stream().flatMap(f -> f.actions().stream()).toList();
        List<FormSpec> forms = engine.registry().features().stream().flatMap(f -> f.forms().stream()).toList();
        Map<String, CommandSpec> parentOf = new LinkedHashMap<>();
        for (CommandSpec spec : engine.registry().commands()) {
            spec.subcommands().forEach(sub -> parentOf.put(spec.name() + " " + sub.name(), spec));
        }

        List<String> examples = new ArrayList<>(DIRECTED);
        for (CommandSpec leaf : leaves) {
            if (leaf.example() != null) {
                Matcher shown = EXAMPLE.matcher(engine.text(leaf.example(), Locale.ENGLISH));
                while (shown.find()) {
                    examples.add(shown.group(1));
                }
            }
        }
        outbox.drain();
        long[] unchanged = snapshot();
        engine.handle(Inbound.CommandInvoked.typed(contexts.get(2), "timezone", "Pacific/Auckland"));
        assertThat(snapshot()).as("the comparison sees an accepted change").isNotEqualTo(unchanged);
        engine.handle(Inbound.CommandInvoked.typed(contexts.get(2), "timezone", "Europe/Madrid"));

        int tried = 0;
        List<String> problems = new ArrayList<>();
        long[] before = snapshot();
        while (tried < INPUTS) {
            Context context = contexts.get(random.nextInt(contexts.size()));
            int kind = random.nextInt(20);
            Inbound inbound;
            String shown;
            if (tried < DIRECTED.size() || kind < 4) {
                String example = tried < DIRECTED.size() ? DIRECTED.get(tried) : mutateWords(examples.get(random.nextInt(examples.size())));
                int space = example.indexOf(' ');
                String command = space < 0 ? example.substring(1) : example.substring(1, space);
                String typed = space < 0 ? "" : example.substring(space + 1);
                inbound = Inbound.CommandInvoked.typed(tried < DIRECTED.size() ? contexts.get(0) : context, command, typed);
                shown = example;
            } else if (kind < 11) {
                String key = new ArrayList<>(parentOf.keySet()).get(random.nextInt(parentOf.size()));
                String typed = random.nextInt(4) == 0 ? junk() + " " + words(3) : key.substring(key.indexOf(' ') + 1) + " " + words(4);
                String command = key.substring(0, key.indexOf(' '));
                inbound = Inbound.CommandInvoked.typed(context, command, typed);
                shown = "/" + command + " " + typed;
            } else if (kind < 14) {
                String command = commandNames.get(random.nextInt(commandNames.size()));
                String typed = words(5);
                inbound = Inbound.CommandInvoked.typed(context, random.nextInt(10) == 0 ? junk() : command, typed);
                shown = "/" + command + " " + typed;
            } else if (kind < 16) {
                String key = new ArrayList<>(parentOf.keySet()).get(random.nextInt(parentOf.size()));
                CommandSpec parent = parentOf.get(key);
                String sub = key.substring(key.indexOf(' ') + 1);
                CommandSpec leaf = parent.subcommand(sub).orElseThrow();
                Map<String, String> options = new LinkedHashMap<>();
                for (OptionSpec option : leaf.options()) {
                    if (random.nextInt(5) > 0) {
                        options.put(option.name(), junk());
                    }
                }
                if (random.nextInt(6) == 0) {
                    options.put(junk(), junk());
                }
                inbound = new Inbound.CommandInvoked(context, parent.name(), new Arguments.Named(random.nextInt(12) == 0 ? junk() : sub,
                        options));
                shown = "/" + parent.name() + " (named) " + sub + " " + options;
            } else if (kind < 18) {
                String action = random.nextBoolean() && !actionIds.isEmpty()
                        ? mutate(new ArrayList<>(actionIds).get(random.nextInt(actionIds.size())))
                        : actions.get(random.nextInt(actions.size())).id() + ":" + words(2).replace(' ', ':');
                inbound = new Inbound.ButtonPressed(context, action, random.nextBoolean() ? null : junk());
                shown = "button " + action;
            } else if (kind < 19 && !forms.isEmpty()) {
                String form = forms.get(random.nextInt(forms.size())).id() + (random.nextBoolean() ? "" : ":" + junk());
                inbound = new Inbound.FormSubmitted(context, form, Map.of(junk(), junk(), "answer", words(3)));
                shown = "form " + form;
            } else {
                String text = words(6);
                inbound = new Inbound.TextReceived(context, text);
                shown = "text " + text;
            }
            tried++;
            metrics.last = null;
            List<Reply> replies;
            long handleStart = System.nanoTime();
            try {
                replies = engine.handle(inbound);
                handleNanos += System.nanoTime() - handleStart;
            } catch (Throwable e) {
                problems.add(shown + " -> threw " + e);
                continue;
            }
            List<RecordingMessenger.Sent> sent = outbox.drain();
            sent.forEach(m -> m.message().buttons().stream().map(Button::actionId).forEach(this::remember));
            boolean answersEvent = inbound instanceof Inbound.CommandInvoked || inbound instanceof Inbound.ButtonPressed;
            if (answersEvent && replies.isEmpty() && sent.isEmpty()) {
                problems.add(shown + " -> no reply");
            }
            for (Reply reply : replies) {
                String markup = reply.message().markup();
                if (apologies.contains(markup)) {
                    problems.add(shown + " -> the internal-error apology");
                } else if (markup.isBlank()) {
                    problems.add(shown + " -> an empty reply");
                }
                reply.message().buttons().stream().map(Button::actionId).forEach(this::remember);
            }
            boolean refused = metrics.last == Metrics.Outcome.INVALID || metrics.last == Metrics.Outcome.UNKNOWN
                    || metrics.last == Metrics.Outcome.DENIED
                    || replies.stream().anyMatch(r -> r.message().markup().contains("Nothing was changed")
                    || r.message().markup().contains("No se ha cambiado nada"));
            long snapStart = System.nanoTime();
            long[] after = snapshot();
            snapNanos += System.nanoTime() - snapStart;
            if (refused && !Arrays.equals(before, after)) {
                problems.add(shown + " -> refused, but a store changed: " + difference(before, after));
            }
            before = after;
            if (problems.size() > 40) {
                break;
            }
        }
        System.out.println("EngineFuzzTest: tried " + tried + " generated inputs (seed " + SEED + "), " + problems.size() + " problems; "
                + handleNanos / 1_000_000 + " ms handling, " + snapNanos / 1_000_000 + " ms comparing stores");
        assertThat(problems).as("generated inputs that reached an internal error or changed state while refused").isEmpty();
        assertThat(metrics.failures).as("failures the engine caught").isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(10_000);
    }

    /** A circle, answers and a check-in, so ids, buttons and forms lead somewhere real. */
    private void seed() {
        Context organiser = contexts.get(0);
        Context member = contexts.get(1);
        List<String> setup = List.of("circle create \"Tuesday circle\" every tuesday 19:00", "circle create \"Once\" tomorrow 10:00",
                "checkin", "circles", "resource", "share start", "remind all 1h", "forgetme", "community show");
        for (String line : setup) {
            int space = line.indexOf(' ');
            for (Context context : List.of(organiser, member, contexts.get(2))) {
                for (Reply reply : engine.handle(Inbound.CommandInvoked.typed(context, space < 0 ? line : line.substring(0, space),
                        space < 0 ? "" : line.substring(space + 1)))) {
                    reply.message().buttons().stream().map(Button::actionId).forEach(this::remember);
                }
            }
        }
    }

    private void remember(String actionId) {
        if (actionIds.size() < 200 && !actionId.startsWith("privacy.forget")) {
            actionIds.add(actionId);
        }
    }

    /** A command line with one word replaced by junk, one dropped, or one added. */
    private String mutateWords(String line) {
        List<String> words = new ArrayList<>(Arrays.asList(line.split(" ")));
        int at = 1 + random.nextInt(Math.max(1, words.size() - 1));
        switch (random.nextInt(3)) {
            case 0 -> {
                if (at < words.size()) {
                    words.set(at, junk());
                } else {
                    words.add(junk());
                }
            }
            case 1 -> {
                if (at < words.size()) {
                    words.remove(at);
                }
            }
            default -> words.add(Math.min(at, words.size()), junk());
        }
        return String.join(" ", words);
    }

    /** An action id with its state changed: a part dropped, replaced or repeated. */
    private String mutate(String actionId) {
        List<String> parts = new ArrayList<>(Arrays.asList(actionId.split(":", -1)));
        switch (random.nextInt(4)) {
            case 0 -> parts.set(random.nextInt(parts.size()), junk());
            case 1 -> parts.remove(parts.size() - 1);
            case 2 -> parts.add(junk());
            default -> {
                return actionId;
            }
        }
        return String.join(":", parts);
    }

    private String junk() {
        String piece = JUNK.get(random.nextInt(JUNK.size()));
        return switch (random.nextInt(8)) {
            case 0 -> piece + JUNK.get(random.nextInt(JUNK.size()));
            case 1 -> "\"" + piece + "\"";
            default -> piece;
        };
    }

    private String words(int max) {
        int count = random.nextInt(max + 1);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add(junk());
        }
        return String.join(random.nextInt(5) == 0 ? "  " : " ", words);
    }

    // ---- the stores' state, compared before and after each refused input ----

    /** The names of the stores whose state differs between two fingerprints. */
    private String difference(long[] before, long[] after) {
        List<String> changed = new ArrayList<>();
        List<StoreKey<?>> keys = storeKeys();
        for (int i = 0; i < keys.size(); i++) {
            if (before[i] != after[i]) {
                changed.add(keys.get(i).name());
            }
        }
        return String.join(", ", changed);
    }

    /** One fingerprint per store of {@link Stores}, in the order of their names: equal state, equal number, independent of hash order and identity. */
    private long[] snapshot() {
        List<StoreKey<?>> keys = storeKeys();
        long[] out = new long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            out[i] = state(stores.get(keys.get(i)), new IdentityHashMap<>(), 0);
        }
        return out;
    }

    /** Every store of {@link #stores}, by name. */
    private List<StoreKey<?>> storeKeys() {
        return stores.keys().stream().sorted(Comparator.comparing(StoreKey::name)).toList();
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** A value's state as a number; maps and sets add their entries' numbers, so their order does not count. */
    private static long state(Object value, IdentityHashMap<Object, Boolean> seen, int depth) {
        if (value == null) {
            return 0x9e3779b97f4a7c15L;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>
                || value instanceof Character || value.getClass().getName().startsWith("java.time.") || value instanceof Locale) {
            return mix(value.toString().hashCode() * 31L + value.getClass().getName().hashCode());
        }
        if (value instanceof Clock || depth > 12 || seen.put(value, Boolean.TRUE) != null) {
            return 1;
        }
        if (value instanceof byte[] bytes) {
            return mix(Arrays.hashCode(bytes));
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(v -> mix(state(v, seen, depth + 1) + 7)).orElse(3L);
        }
        if (value instanceof Map<?, ?> map) {
            long sum = 11;
            for (Map.Entry<?, ?> e : new ArrayList<>(map.entrySet())) {
                if (e.getValue() instanceof MemberSettings settings && settings.equals(MemberSettings.NONE.withCommunity(settings.community()))) {
                    // a member's settings holding only the group they last used the bot in: remembered on every
                    // event in a group, refused or not
                    continue;
                }
                sum += mix(state(e.getKey(), seen, depth + 1) * 31 + state(e.getValue(), seen, depth + 1));
            }
            return sum;
        }
        if (value instanceof Collection<?> collection) {
            boolean ordered = collection instanceof List<?> || collection instanceof Deque<?>
                    || collection instanceof SortedSet<?>;
            long h = 13;
            for (Object item : new ArrayList<>(collection)) {
                long one = state(item, seen, depth + 1);
                h = ordered ? mix(h * 31 + one) : h + mix(one);
            }
            return h;
        }
        if (value.getClass().isArray()) {
            long h = 17;
            for (int i = 0; i < Array.getLength(value); i++) {
                h = mix(h * 31 + state(Array.get(value, i), seen, depth + 1));
            }
            return h;
        }
        if (value instanceof AtomicLong || value instanceof AtomicInteger
                || value instanceof AtomicBoolean) {
            return mix(value.toString().hashCode());
        }
        if (value.getClass().getName().startsWith("java.") || value.getClass().getName().startsWith("jdk.")) {
            return 5;
        }
        long h = value.getClass().getName().hashCode();
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : fields(type)) {
                try {
                    h = mix(h * 31 + state(field.get(value), seen, depth + 1));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    h = mix(h * 31 + 19);
                }
            }
        }
        return h;
    }

    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Field field : t.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
            return fields;
        });
    }
}
