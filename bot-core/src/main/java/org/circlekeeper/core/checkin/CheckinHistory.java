package org.circlekeeper.core.checkin;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.ActionSpec;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Audience;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.member.OwnPageOffer;
import org.circlekeeper.core.message.Attachment;
import org.circlekeeper.core.message.OutgoingMessage;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;

/**
 * The member's own view of their check-ins: the last {@link #HISTORY_DAYS} days as a chart and a calendar,
 * their streak and first day ({@code /checkin history}), and their journey with the group, which they mark
 * with a button or clear ({@code /checkin journey}). Answered privately, with the way to the member's own page on the
 * web when it is on; the page reads the same history ({@link #own}).
 */
final class CheckinHistory {

    /** How many days {@code /checkin history} shows. */
    static final int HISTORY_DAYS = 28;
    /** How many journey marks history and the journey view show. */
    static final int JOURNEY_SHOWN = 8;

    private final CheckinStore checkins;
    private final JourneyStore journeys;
    private final CheckinProfileStore profiles;
    private final Duration retention;
    private final Flows flows;
    private final OwnPageOffer ownPage;
    private final Clock clock;

    private final ActionSpec journey = new ActionSpec("checkin.journey", Audience.MEMBER, this::onJourney);

    CheckinHistory(CheckinStores stores, Duration retention, Flows flows, OwnPageOffer ownPage, Clock clock) {
        this.ownPage = ownPage;
        this.clock = clock;
        this.checkins = stores.checkins();
        this.journeys = stores.journeys();
        this.profiles = stores.profiles();
        this.retention = retention;
        this.flows = flows;
    }

    ActionSpec action() {
        return journey;
    }

    void history(Turn turn, Args args) {
        CommunityRef community = turn.community();
        MemberRef member = turn.member();
        Read read = read(community, member, flows.today(turn, community));
        LocalDate today = read.today();
        LocalDate from = read.from();
        Map<LocalDate, Mood> moods = read.moods();
        List<JourneyMark> marks = journeys.journey(community, member);
        if (moods.isEmpty() && marks.isEmpty()) {
            turn.replyPrivately(CheckinMessages.HISTORY_EMPTY);
            return;
        }
        Locale locale = turn.locale();
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Map<String, Object>> weeks = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(today); start = start.plusDays(7)) {
            StringBuilder days = new StringBuilder();
            for (int i = 0; i < 7; i++) {
                Mood m = moods.get(start.plusDays(i));
                days.append(i == 0 ? "" : " ").append(m == null ? "·" : turn.text(m.emoji()));
            }
            weeks.add(Map.of("label", shortDay.format(start) + " – " + shortDay.format(start.plusDays(6)), "days", days.toString()));
        }
        int streak = read.streak();
        String legend = Arrays.stream(Mood.values()).sorted((a, b) -> b.level() - a.level())
                .map(m -> turn.text(m.emoji()) + " " + turn.text(m.word()).toLowerCase(locale)).collect(Collectors.joining(" · "));
        Map<Mood, String> words = new EnumMap<>(Mood.class);
        for (Mood m : Mood.values()) {
            words.put(m, turn.text(m.word()));
        }
        Optional<byte[]> chart = moods.isEmpty() ? Optional.empty()
                : MoodChart.render(turn.text(CheckinMessages.CHART_TITLE), from, today, moods, words, locale);
        String since = read.since().map(d -> CheckinWords.dayText(d, locale)).orElse("");
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.HISTORY, "count", moods.size(), "legend", legend,
                "weeks", weeks, "streak", streak == 0 ? "" : Integer.toString(streak), "since", since,
                "journey", journeyText(turn, marks), "chart", chart.isPresent());
        chart.ifPresent(png -> message.attachment(new Attachment("checkins.png", "image/png", png)));
        ownPage.ownPageButton(turn).ifPresent(message::button);
        turn.replyPrivately(message.build());
    }

    /** What the history shows, read once for chat and for the member's own page: the same days, moods and streak. */
    private record Read(LocalDate from, LocalDate today, Map<LocalDate, Mood> moods, int streak, Optional<LocalDate> since) {
    }

    private Read read(CommunityRef community, MemberRef member, LocalDate today) {
        LocalDate from = today.minusDays(HISTORY_DAYS - 1L);
        List<Checkin> kept = checkins.between(community, member, today.minusDays(retention.toDays()), today);
        Map<LocalDate, Mood> moods = new TreeMap<>();
        kept.stream().filter(c -> !c.day().isBefore(from)).forEach(c -> moods.put(c.day(), c.mood()));
        Set<LocalDate> days = kept.stream().map(Checkin::day).collect(Collectors.toSet());
        return new Read(from, today, moods, Streaks.current(days, today), profiles.profile(community, member).sinceDay());
    }

    /** The member's own history for their page, up to today in their zone in the community. */
    OwnCheckins.History own(CommunityRef community, MemberRef member) {
        Read read = read(community, member, flows.today(member, community, clock.instant()));
        List<OwnCheckins.Day> days = read.moods().entrySet().stream()
                .map(e -> new OwnCheckins.Day(e.getKey(), e.getValue().level(), e.getValue().word(), e.getValue().emoji())).toList();
        List<MessageKey> levels = Arrays.stream(Mood.values()).sorted((a, b) -> a.level() - b.level()).map(Mood::word).toList();
        return new OwnCheckins.History(read.from(), read.today(), days, read.streak(), read.since(), levels);
    }

    /** {@code /checkin journey [clear]}: the member's marks and a button per stage, or the marks cleared. */
    void journey(Turn turn, Args args) {
        CommunityRef community = turn.community();
        Optional<String> value = args.optional("clear").map(String::strip);
        if (value.map(CheckinParsing::fold).filter(CheckinParsing.CLEAR::contains).isPresent()) {
            journeys.clearJourney(community, turn.member());
            turn.replyPrivately(CheckinMessages.JOURNEY_CLEARED);
            return;
        }
        List<JourneyMark> marks = journeys.journey(community, turn.member());
        OutgoingMessage.Builder message = turn.compose(CheckinMessages.JOURNEY, "marks", journeyText(turn, marks));
        String tag = ":" + CheckinKeys.tag(community);
        JourneyStage[] stages = JourneyStage.values();
        for (int i = 0; i < stages.length; i++) {
            message.button(journey.button(turn.text(stages[i].word()), stages[i].id() + tag));
            if (i % 2 == 1) {
                message.row();
            }
        }
        turn.replyPrivately(message.build());
    }

    /** The latest marks as "3 Nov: reserved → 20 Nov: sharing"; empty when there are none. */
    private static String journeyText(Turn turn, List<JourneyMark> marks) {
        DateTimeFormatter shortDay = DateTimeFormatter.ofPattern("d MMM", turn.locale());
        return marks.subList(Math.max(0, marks.size() - JOURNEY_SHOWN), marks.size()).stream()
                .map(j -> shortDay.format(j.day()) + ": " + turn.text(j.stage().word()).toLowerCase(turn.locale()))
                .collect(Collectors.joining(" → "));
    }

    private void onJourney(Turn turn, String argument) {
        int colon = argument.indexOf(':');
        Optional<JourneyStage> stage = colon < 0 ? Optional.empty() : JourneyStage.fromId(argument.substring(0, colon));
        Optional<CommunityRef> community = colon < 0 ? Optional.empty() : flows.communityOf(turn, argument.substring(colon + 1));
        if (stage.isEmpty() || community.isEmpty()) {
            turn.replyPrivately(CheckinMessages.ERR_BUTTON);
            return;
        }
        LocalDate today = flows.today(turn, community.get());
        journeys.mark(community.get(), turn.member(), new JourneyMark(today, stage.get()), turn.now().plus(retention));
        touchProfile(community.get(), turn.member(), turn);
        turn.replyPrivately(CheckinMessages.JOURNEY_MARKED, "stage", turn.text(stage.get().word()));
    }

    /** Keeps the member's profile (their first day, their choices) for another retention period. */
    private void touchProfile(CommunityRef community, MemberRef member, Turn turn) {
        CheckinProfile profile = profiles.profile(community, member);
        if (!profile.isEmpty()) {
            profiles.saveProfile(community, member, profile, turn.now().plus(retention));
        }
    }
}
