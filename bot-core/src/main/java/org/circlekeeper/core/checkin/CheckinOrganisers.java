package org.circlekeeper.core.checkin;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.CommunityRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What organisers do with check-ins: set the community's prompt ({@code /checkin setup}: days, time, question
 * set, and the channel it is set up in for shared lines) and see the group's {@code /pulse}, aggregates of the
 * last closed week only, from {@link Pulse#MIN_CONTRIBUTORS} members on, never whose.
 */
final class CheckinOrganisers {

    private static final Logger LOG = LoggerFactory.getLogger(CheckinOrganisers.class);

    private final CheckinStore checkins;
    private final CheckinSettingsStore settings;
    private final CheckinProfileStore profiles;
    private final PreferenceResolver preferences;
    private final QuestionSets questions;
    private final Prompts prompts;

    CheckinOrganisers(CheckinStores stores, PreferenceResolver preferences, QuestionSets questions, Prompts prompts) {
        this.checkins = stores.checkins();
        this.settings = stores.settings();
        this.profiles = stores.profiles();
        this.preferences = preferences;
        this.questions = questions;
        this.prompts = prompts;
    }

    /** {@code /checkin setup [settings]}; the engine lets organisers only reach it. */
    void setup(Turn turn, Args args) {
        Optional<String> value = args.optional("settings").map(String::strip);
        CommunityRef community = turn.community();
        CheckinSettings current = settings.settings(community);
        String sets = String.join(", ", questions.ids());
        if (value.isEmpty()) {
            turn.replyPrivately(CheckinMessages.SETUP_SHOW, "on", current.promptsOn(), "days", CheckinWords.daysText(turn, current),
                    "time", current.time().toString(), "questions", current.questions(), "sets", sets,
                    "channel", current.channel() != null);
            return;
        }
        if (CheckinParsing.OFF.contains(CheckinParsing.fold(value.get()))) {
            settings.saveSettings(community, current.withoutPrompts());
            prompts.replanCommunity(community);
            LOG.info("check-in prompts turned off on {}", community.platform().id());
            turn.reply(CheckinMessages.SETUP_OFF);
            return;
        }
        Optional<CheckinSettings> parsed = parseSetup(value.get(), current);
        if (parsed.isEmpty()) {
            turn.replyPrivately(CheckinMessages.SETUP_BAD, "given", CheckinWords.shorten(value.get()), "sets", sets);
            return;
        }
        CheckinSettings chosen = turn.context().channel().isDirect() ? parsed.get() : parsed.get().withChannel(turn.context().channel());
        settings.saveSettings(community, chosen);
        prompts.replanCommunity(community);
        LOG.info("check-in prompts set on {}", community.platform().id());
        turn.reply(CheckinMessages.SETUP_DONE, "days", CheckinWords.daysText(turn, chosen), "time", chosen.time().toString(),
                "questions", questions.name(chosen.questions(), turn.locale()),
                "channel", !turn.context().channel().isDirect(), "members", profiles.prompted(community).size());
    }

    /** Reads {@code days <days> time <hh:mm> questions <set>} in any order; a part not given keeps its current value. */
    private Optional<CheckinSettings> parseSetup(String text, CheckinSettings current) {
        List<String> words = CheckinParsing.words(text);
        Set<DayOfWeek> days = current.days();
        LocalTime time = current.time();
        String set = current.questions();
        for (int i = 0; i < words.size(); i += 2) {
            if (i + 1 >= words.size()) {
                return Optional.empty();
            }
            String keyword = CheckinParsing.fold(words.get(i));
            String given = words.get(i + 1);
            switch (keyword) {
                case "days", "dias" -> {
                    Optional<Set<DayOfWeek>> parsed = CheckinParsing.days(given);
                    if (parsed.isEmpty()) {
                        return Optional.empty();
                    }
                    days = parsed.get();
                }
                case "time", "hora" -> {
                    Optional<LocalTime> parsed = CheckinParsing.time(given);
                    if (parsed.isEmpty()) {
                        return Optional.empty();
                    }
                    time = parsed.get();
                }
                case "questions", "preguntas" -> {
                    String id = CheckinParsing.fold(given);
                    if (!questions.exists(id)) {
                        return Optional.empty();
                    }
                    set = id;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return days.isEmpty() ? Optional.empty() : Optional.of(current.withPrompt(days, time, set));
    }

    void pulse(Turn turn, Args args) {
        CommunityRef community = turn.community();
        PulseWeek week = PulseWeek.lastClosed(turn.now(), preferences.resolve(community).zone());
        Pulse pulse = Pulse.of(checkins.moodsSince(community, week.previous().monday()), week);
        String from = CheckinWords.dayText(week.monday(), turn.locale());
        String to = CheckinWords.dayText(week.sunday(), turn.locale());
        if (!pulse.shown()) {
            turn.replyPrivately(CheckinMessages.PULSE_HIDDEN, "min", Pulse.MIN_CONTRIBUTORS, "from", from, "to", to);
            return;
        }
        List<Map<String, Object>> spread = new ArrayList<>();
        for (int level = Mood.GREAT.level(); level >= Mood.REALLY_HARD.level(); level--) {
            Mood m = Mood.of(level).orElseThrow();
            int count = pulse.spread().getOrDefault(m, 0);
            long percent = Math.round(100.0 * count / pulse.checkins());
            spread.add(Map.of("mood", CheckinWords.moodLabel(turn, m), "count", count, "percent", percent,
                    "bar", "█".repeat((int) Math.round(percent / 10.0))));
        }
        Optional<Integer> trend = pulse.trend();
        turn.replyPrivately(CheckinMessages.PULSE, "from", from, "to", to, "checkins", pulse.checkins(), "spread", spread,
                "average", String.format(turn.locale(), "%.1f", pulse.average()), "compare", trend.isPresent(),
                "lighter", trend.filter(t -> t > 0).isPresent(), "same", trend.filter(t -> t == 0).isPresent(),
                "heavier", trend.filter(t -> t < 0).isPresent());
    }
}
