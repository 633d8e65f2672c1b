package org.circlekeeper.core.dashboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.checkin.OwnCheckins;
import org.circlekeeper.core.circle.CircleCalendar;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.platform.OrganiserChecks;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.share.CircleFormats;
import org.circlekeeper.core.template.Locales;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;

/**
 * The organisers' page as the core serves it to the web adapter: signing in with a one-time link, the sessions, and
 * what each page shows, read through the same ports and templates as chat. The web adapter maps requests onto it and
 * renders what it returns; it decides nothing itself.
 */
public final class Dashboard {

    /** How long a sign-in link can be opened. */
    public static final Duration LINK_VALID = Duration.ofMinutes(10);
    /** A session ends after this long without a request. */
    public static final Duration IDLE = Duration.ofMinutes(30);
    /** A session ends this long after signing in, however busy. */
    public static final Duration LONGEST = Duration.ofHours(8);
    /** At most {@link #ASK_MAX} links per member within this window. */
    static final Duration ASK_WINDOW = Duration.ofMinutes(10);
    static final int ASK_MAX = 5;
    /** The months the calendar can be paged to, either side of this one. */
    static final int MONTHS_AROUND = 24;

    private final DashboardStores stores;
    private final Clock clock;
    private final PreferenceResolver preferences;
    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final CircleCalendar calendar;
    private final CircleFormats formats;
    private final FeatureRegistry registry;
    private final Secrets secrets = new Secrets();

    Dashboard(DashboardStores stores, Clock clock, PreferenceResolver preferences, TemplateRenderer renderer, WordingStore wording,
              CircleCalendar calendar, CircleFormats formats, FeatureRegistry registry) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.wording = Objects.requireNonNull(wording, "wording");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A signed-in session and the secret its cookie carries. */
    public record SignedIn(String secret, WebSession session) {
    }

    /** Makes a one-time link's secret for the member in the community, valid {@link #LINK_VALID}. */
    String issue(SignIn signIn) {
        String secret = secrets.next();
        stores.links().put(Secrets.digest(secret), signIn, clock.instant().plus(LINK_VALID), LINK_VALID);
        return secret;
    }

    /** Counts a link asked for, and answers whether the member is still within {@link #ASK_MAX} in the window. */
    boolean mayAsk(SignIn signIn) {
        return stores.links().countAsked(signIn.member(), ASK_WINDOW) <= ASK_MAX;
    }

    /**
     * Opens a link: takes it (once, whichever replica asks first) and starts a session. Empty for a link that was used,
     * expired, never issued or is not even shaped like one.
     */
    public Optional<SignedIn> signIn(String linkSecret) {
        if (!Secrets.wellFormed(linkSecret)) {
            return Optional.empty();
        }
        return stores.links().take(Secrets.digest(linkSecret), clock.instant()).map(signIn -> {
            String secret = secrets.next();
            WebSession session = new WebSession(signIn, secrets.next(), clock.instant());
            stores.sessions().create(Secrets.digest(secret), session, IDLE);
            return new SignedIn(secret, session);
        });
    }

    /** The session a cookie's secret names, kept alive by this request; empty when it ended, idled out or ran too long. */
    public Optional<WebSession> session(String secret) {
        if (!Secrets.wellFormed(secret)) {
            return Optional.empty();
        }
        String digest = Secrets.digest(secret);
        Optional<WebSession> session = stores.sessions().touch(digest, IDLE);
        if (session.isPresent() && !clock.instant().isBefore(session.get().started().plus(LONGEST))) {
            stores.sessions().end(digest);
            return Optional.empty();
        }
        return session;
    }

    /** What a request's cookie admits it to: a session, none, or none any more because its organiser lost the role. */
    public sealed interface Access {
        /** Signed in, and an organiser of the session's community as its platform said just now. */
        record Open(WebSession session) implements Access {
        }

        /** No session: none was started, or it ended, idled out or ran too long. */
        record None() implements Access {
        }

        /** The session was ended because its member is no longer an organiser of the community; texts in their language. */
        record RoleLost(PageTexts texts) implements Access {
        }

        /** The platform could not say just now whether the member is still an organiser: the session stays, nothing is done. */
        record Unconfirmed(PageTexts texts) implements Access {
        }

        /** A member's session for their own page: it opens no organiser page, and needs no role. */
        record OwnPage(WebSession session) implements Access {
        }
    }

    /**
     * The session a cookie's secret names, with its member's role re-checked with the platform, as chat checks it before
     * every organiser command: on every page load and before every change. A member who is no longer an organiser there
     * is signed out (the session ends) and told why, in their language. When the platform cannot answer just now, the
     * request is refused and the session stays, so a passing outage signs nobody out. A member's session for their own
     * page is {@link Access.OwnPage}, asked nothing of the platform.
     */
    public Access access(String secret, OrganiserChecks organisers) {
        Optional<WebSession> session = session(secret);
        if (session.isEmpty()) {
            return new Access.None();
        }
        SignIn who = session.get().signIn();
        if (!who.organiser()) {
            return new Access.OwnPage(session.get());
        }
        return switch (organisers.ask(who.community(), who.member())) {
            case ORGANISER -> new Access.Open(session.get());
            case UNKNOWN -> new Access.Unconfirmed(texts(session.get()));
            case NOT_ORGANISER -> {
                stores.sessions().end(Secrets.digest(secret));
                yield new Access.RoleLost(texts(session.get()));
            }
        };
    }

    /** Ends the session (signing out). */
    public void signOut(String secret) {
        if (Secrets.wellFormed(secret)) {
            stores.sessions().end(Secrets.digest(secret));
        }
    }

    /** The texts for a signed-in reader: their language and zone, their community's wording. */
    public PageTexts texts(WebSession session) {
        SignIn who = session.signIn();
        Preferences resolved = preferences.resolve(who.member(), who.community());
        return new PageTexts(renderer, resolved.locale(), resolved.zone(), wording.overrides(who.community(), resolved.locale()));
    }

    /** The texts for a reader not signed in: the first of the browser's languages the bot speaks, else English. */
    public PageTexts texts(List<Locale> browserLanguages) {
        Locale locale = browserLanguages.stream().map(Dashboard::supported).flatMap(Optional::stream).findFirst()
                .orElse(Locales.ENGLISH);
        return new PageTexts(renderer, locale, ZoneId.of("UTC"), Map.of());
    }

    private static Optional<Locale> supported(Locale wanted) {
        return Locales.SUPPORTED.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }

    /** This month in the reader's zone. */
    public YearMonth thisMonth(PageTexts texts) {
        return YearMonth.now(clock.withZone(texts.zone()));
    }

    /** Whether the calendar may be paged to the month: within {@link #MONTHS_AROUND} of this one. */
    public boolean shows(PageTexts texts, YearMonth month) {
        YearMonth now = thisMonth(texts);
        return !month.isBefore(now.minusMonths(MONTHS_AROUND)) && !month.isAfter(now.plusMonths(MONTHS_AROUND));
    }

    /** The community's meetings in one month, in the reader's zone. */
    public CalendarMonth month(WebSession session, PageTexts texts, YearMonth month) {
        ZoneId zone = texts.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, List<CalendarMonth.Entry>> byDay = new LinkedHashMap<>();
        for (CircleCalendar.Meeting meeting : calendar.meetings(session.signIn().community(), from, to, texts)) {
            ZonedDateTime start = meeting.start().withZoneSameInstant(zone);
            byDay.computeIfAbsent(start.toLocalDate(), d -> new ArrayList<>()).add(new CalendarMonth.Entry(meeting.circleId(),
                    meeting.key(), meeting.circleName(), start.toLocalDate(), time(start, texts.locale()), meeting.moved()));
        }
        List<CalendarMonth.Week> weeks = new ArrayList<>();
        LocalDate day = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate last = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(last)) {
            List<CalendarMonth.Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                boolean inMonth = YearMonth.from(day).equals(month);
                days.add(new CalendarMonth.Day(day, inMonth, day.equals(today), inMonth ? byDay.getOrDefault(day, List.of()) : List.of()));
            }
            weeks.add(new CalendarMonth.Week(days));
        }
        return new CalendarMonth(month, zone, weeks);
    }

    /** This week's Monday in the reader's zone. */
    public LocalDate thisWeek(PageTexts texts) {
        return CalendarWeek.mondayOf(LocalDate.now(clock.withZone(texts.zone())));
    }

    /** Whether the week view may be paged to the week starting {@code monday}: within {@link #MONTHS_AROUND} months of now. */
    public boolean showsWeek(PageTexts texts, LocalDate monday) {
        LocalDate now = LocalDate.now(clock.withZone(texts.zone()));
        return !monday.isBefore(now.minusMonths(MONTHS_AROUND)) && !monday.isAfter(now.plusMonths(MONTHS_AROUND));
    }

    /**
     * The community's meetings in one week (Monday to Sunday, starting {@code monday}), in the reader's zone. The span
     * runs from local midnight to local midnight, so a week with a change of clocks is an hour longer or shorter.
     */
    public CalendarWeek week(WebSession session, PageTexts texts, LocalDate monday) {
        ZoneId zone = texts.zone();
        LocalDate first = CalendarWeek.mondayOf(monday);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = first.plusWeeks(1).atStartOfDay(zone).toInstant();
        Map<LocalDate, List<CalendarMonth.Entry>> byDay = new LinkedHashMap<>();
        for (CircleCalendar.Meeting meeting : calendar.meetings(session.signIn().community(), from, to, texts)) {
            ZonedDateTime start = meeting.start().withZoneSameInstant(zone);
            if (start.toInstant().isBefore(from) || !start.toInstant().isBefore(to)) {
                continue; // a meeting that began the Sunday before and runs on into Monday belongs to its own day
            }
            byDay.computeIfAbsent(start.toLocalDate(), d -> new ArrayList<>()).add(new CalendarMonth.Entry(meeting.circleId(),
                    meeting.key(), meeting.circleName(), start.toLocalDate(), time(start, texts.locale()), meeting.moved()));
        }
        List<CalendarWeek.Day> days = new ArrayList<>();
        for (LocalDate day = first; day.isBefore(first.plusWeeks(1)); day = day.plusDays(1)) {
            days.add(new CalendarWeek.Day(day, day.equals(today), byDay.getOrDefault(day, List.of())));
        }
        return new CalendarWeek(first, zone, days);
    }

    /** One meeting's details; empty when the community has no such meeting. */
    public Optional<MeetingDetails> meeting(WebSession session, PageTexts texts, String circleId, String key) {
        return calendar.meeting(session.signIn().community(), circleId, key, texts).map(m -> {
            ZonedDateTime start = m.start().withZoneSameInstant(texts.zone());
            ZonedDateTime end = start.plus(m.duration());
            String time = texts.text(DashboardMessages.MEETING_TIME,
                    "date", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(texts.locale()).format(start),
                    "start", time(start, texts.locale()), "end", time(end, texts.locale()), "zone", texts.zone().getId());
            String format = texts.text(formats.formatName(session.signIn().community(), m.circleId()));
            return new MeetingDetails(m.circleId(), m.circleName(), time, m.moved(), m.when(), m.place(), format,
                    m.description() == null ? "" : m.description(), m.answers().coming(), m.answers().maybe(),
                    m.answers().notComing(), YearMonth.from(start), m.start().toLocalDate());
        });
    }

    private static String time(ZonedDateTime at, Locale locale) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(at);
    }

    /**
     * The session's member's own check-in history in the session's community, read through the check-in feature's
     * port as {@code /checkin history} reads it (the same days, moods and streak); empty when the bot has no check-ins.
     * It shows that member alone their own data, and never a note.
     */
    public Optional<OwnHistory> ownHistory(WebSession session, PageTexts texts) {
        SignIn who = session.signIn();
        return OwnCheckins.in(registry).map(checkins -> checkins.history(who.community(), who.member())).map(history -> {
            Map<LocalDate, OwnCheckins.Day> byDay = new LinkedHashMap<>();
            history.days().forEach(d -> byDay.put(d.day(), d));
            List<OwnHistory.Day> days = new ArrayList<>();
            for (LocalDate day = history.from(); !day.isAfter(history.today()); day = day.plusDays(1)) {
                OwnCheckins.Day checkin = byDay.get(day);
                days.add(checkin == null ? new OwnHistory.Day(day, 0, "") : new OwnHistory.Day(day, checkin.level(), texts.text(checkin.word())));
            }
            return new OwnHistory(history.from(), history.today(), days, history.streak(), history.since(),
                    history.levels().stream().map(texts::text).toList());
        });
    }
}
