package org.circlekeeper.core.dashboard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.circlekeeper.core.ref.MessageKey;

/**
 * A link from a page to one of the organisers' forms (the engine's own commands as forms), prefilled with what the page
 * already knows, e.g. a meeting's circle and date. It only fills in options: the engine still checks every value when
 * the form is sent, as in chat.
 *
 * @param subcommand the subcommand, or null for a plain command
 * @param prefill    option name to value, in the command's order
 */
public record FormLink(String command, String subcommand, Map<String, String> prefill, MessageKey label) {

    public FormLink {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(label, "label");
        prefill = Collections.unmodifiableMap(new LinkedHashMap<>(prefill));
    }

    /** The calendar's way to a new circle: {@code /circle create}. */
    public static FormLink newCircle() {
        return new FormLink("circle", "create", Map.of(), DashboardMessages.CALENDAR_NEW_CIRCLE);
    }

    /**
     * What an organiser can do from a meeting's page, as chat's commands: move or skip this meeting (its circle and
     * date filled in), edit the circle, the reminders, cancel the circle.
     */
    public static List<FormLink> forMeeting(MeetingDetails meeting) {
        String date = meeting.date().toString();
        return List.of(
                new FormLink("circle", "reschedule", ordered("id", meeting.circleId(), "date", date), DashboardMessages.MEETING_MOVE),
                new FormLink("circle", "skip", ordered("id", meeting.circleId(), "date", date), DashboardMessages.MEETING_SKIP),
                new FormLink("circle", "edit", ordered("id", meeting.circleId()), DashboardMessages.MEETING_EDIT),
                new FormLink("circle", "reminders", Map.of(), DashboardMessages.MEETING_REMINDERS),
                new FormLink("circle", "cancel", ordered("id", meeting.circleId()), DashboardMessages.MEETING_CANCEL));
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
