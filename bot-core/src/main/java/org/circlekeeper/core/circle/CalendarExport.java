package org.circlekeeper.core.circle;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.Ids;
import org.circlekeeper.core.template.Markup;

/**
 * Writes circles as iCalendar (RFC 5545) with ical4j: one VEVENT per circle with DTSTART in its zone,
 * DURATION, RRULE (UNTIL in UTC), EXDATE for skipped meetings and STATUS, one VEVENT with a
 * RECURRENCE-ID per moved meeting, and a VTIMEZONE for each zone used. A cancelled series ends
 * where it was called off (its meetings before took place); one called off before it began is a
 * single cancelled event. Member text (name, description, place) loses its bidi controls and is isolated
 * when right-to-left, as in the bot's messages. Zones with a fixed offset are
 * written in UTC, which is exact for them.
 */
public final class CalendarExport {

    public static final String MEDIA_TYPE = "text/calendar";
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public CalendarExport(Clock clock) {
        this.clock = clock;
    }

    /** The calendar of the given circles of a community, as UTF-8 bytes. */
    public byte[] export(CommunityRef community, List<Circle> circles) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//circlekeeper//circles//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Map<String, TimeZone> zones = new LinkedHashMap<>();
        List<VEvent> events = new ArrayList<>();
        Instant stamp = clock.instant();
        for (Circle listed : circles) {
            // a cancelled series ends where it was called off; one cancelled before this version ends now
            Circle circle = listed.cancelled() ? listed.endedBefore(stamp) : listed;
            Optional<TimeZone> zone = Zones.of(circle.schedule().zone());
            zone.ifPresent(z -> zones.putIfAbsent(z.getID(), z));
            ZoneId zoneId = zone.map(z -> ZoneId.of(z.getID())).orElse(ZoneOffset.UTC);
            events.add(master(community, circle, zoneId, zone.isPresent(), stamp));
            for (Map.Entry<LocalDateTime, LocalDateTime> move : circle.moves().entrySet()) {
                if (!circle.skips().contains(move.getKey()) && !circle.schedule().endsBeforeStart()
                        && Occurrences.isInstance(circle.schedule(), move.getKey())) {
                    events.add(moved(community, circle, move.getKey(), move.getValue(), zoneId, zone.isPresent(), stamp));
                }
            }
        }
        zones.values().forEach(z -> calendar.add(z.getVTimeZone()));
        events.forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the circles' calendar did not validate: " + e.getMessage(), e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private VEvent master(CommunityRef community, Circle circle, ZoneId zone, boolean named, Instant stamp) {
        Schedule schedule = circle.schedule();
        VEvent event = new VEvent(at(schedule, schedule.start(), zone, named), schedule.duration(), Markup.isolate(circle.name()));
        describe(event, community, circle, stamp);
        if (schedule.recurrence() instanceof Recurrence.Repeating repeating && !schedule.endsBeforeStart()) {
            String rule = repeating.rule();
            if (repeating.end() instanceof Recurrence.End.After after) {
                rule = rule + ";COUNT=" + after.times();
            } else if (repeating.end() instanceof Recurrence.End.Until until) {
                ZonedDateTime lastMoment = until.date().atTime(23, 59, 59).atZone(schedule.zone());
                rule = rule + ";UNTIL=" + UNTIL.format(lastMoment);
            }
            event.add(new RRule<>(rule));
            if (!circle.skips().isEmpty()) {
                List<Temporal> skipped = new ArrayList<>();
                circle.skips().forEach(s -> skipped.add(at(schedule, s, zone, named)));
                event.add(named ? new ExDate<>(new ParameterList(List.of(new TzId(zone.getId()))), new DateList<>(skipped))
                        : new ExDate<>(new DateList<>(skipped)));
            }
        }
        event.add(new Status(isCalledOff(circle) || isSkippedOnce(circle) ? "CANCELLED" : "CONFIRMED"));
        return event;
    }

    private VEvent moved(CommunityRef community, Circle circle, LocalDateTime original, LocalDateTime newStart, ZoneId zone,
                         boolean named, Instant stamp) {
        Schedule schedule = circle.schedule();
        VEvent event = new VEvent(at(schedule, newStart, zone, named), schedule.duration(), Markup.isolate(circle.name()));
        describe(event, community, circle, stamp);
        event.add(new RecurrenceId<>(at(schedule, original, zone, named)));
        event.add(new Status(isCalledOff(circle) ? "CANCELLED" : "CONFIRMED"));
        return event;
    }

    /**
     * A cancelled one-off, or a series cancelled before its first meeting. A series cancelled later
     * simply ends where it was called off: the meetings before took place.
     */
    private static boolean isCalledOff(Circle circle) {
        return circle.cancelled() && (circle.schedule().recurrence() instanceof Recurrence.Once || circle.schedule().endsBeforeStart());
    }

    private static boolean isSkippedOnce(Circle circle) {
        return circle.schedule().recurrence() instanceof Recurrence.Once && circle.skips().contains(circle.schedule().start());
    }

    private static void describe(VEvent event, CommunityRef community, Circle circle, Instant stamp) {
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid(community, circle)));
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, circle.version() - 1)));
        if (!circle.description().isBlank()) {
            event.add(new Description(Markup.isolate(circle.description())));
        }
        if (!circle.place().text().isBlank()) {
            event.add(new Location(Markup.isolate(circle.place().text())));
        }
        if (circle.place() instanceof Place.Link link) {
            event.add(new Url(link.url()));
        }
    }

    /** Stable across exports, so a subscribed calendar updates the same event. */
    static String uid(CommunityRef community, Circle circle) {
        return circle.id() + "." + Ids.tag(community) + "@circlekeeper";
    }

    /** A local time of the schedule as ical4j writes it: in the named zone, or in UTC for a fixed offset. */
    private static Temporal at(Schedule schedule, LocalDateTime local, ZoneId zone, boolean named) {
        ZonedDateTime time = schedule.at(local);
        return named ? time.withZoneSameInstant(zone) : time.toInstant();
    }

    /** ical4j's bundled VTIMEZONE definitions, loaded once (the registry takes about half a second). */
    private static final class Zones {
        private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

        static Optional<TimeZone> of(ZoneId zone) {
            if (zone.getRules().isFixedOffset()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(REGISTRY.getTimeZone(zone.getId()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
