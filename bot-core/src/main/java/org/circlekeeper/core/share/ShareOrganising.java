package org.circlekeeper.core.share;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.circle.ScheduledCircle;
import org.circlekeeper.core.circle.ScheduledCircles;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.OptionSpec;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.template.Speech;

/**
 * The formats and the organisers' side of the share circle: the list of formats, the format a scheduled circle's
 * sessions run, whether shares without a name are allowed, and the counts of the last sessions.
 */
final class ShareOrganising {

    /** How many ended sessions {@code /share history} lists. */
    private static final int HISTORY_SHOWN = 10;

    private final ShareStore store;
    private final ScheduledCircles circles;
    private final ShareFormats formats;

    ShareOrganising(ShareStore store, ScheduledCircles circles, ShareFormats formats) {
        this.store = store;
        this.circles = circles;
        this.formats = formats;
    }

    /** Lists the formats by their short names in the reader's language (what /share start takes). */
    void listFormats(Turn turn, Args args) {
        OptionSpec formatOption = OptionSpec.choice("format", ShareMessages.OPT_FORMAT, formats.ids()).build();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ShareFormat format : formats.all()) {
            List<String> steps = format.steps().stream().map(s -> turn.text(stepName(s.kind()))).toList();
            items.add(Map.of("id", turn.choiceLabel(formatOption, format.id()), "name", turn.text(format.name()), "about", turn.text(format.about()),
                    "steps", String.join(" → ", steps)));
        }
        turn.replyPrivately(ShareMessages.FORMATS, "formats", items);
    }

    private static MessageKey stepName(ShareFormat.Kind kind) {
        switch (kind) {
            case OPENING:
                return ShareMessages.STEP_OPENING;
            case ROUND:
                return ShareMessages.STEP_ROUND;
            case OPEN:
                return ShareMessages.STEP_OPEN;
            default:
                return ShareMessages.STEP_CLOSING;
        }
    }

    /** Sets the format the sessions of one scheduled circle run (its id as typed). */
    void chooseFormat(Turn turn, Args args) {
        String typed = args.text("circle").strip().toLowerCase(Locale.ROOT);
        Optional<ScheduledCircle> circle = circles.find(turn.community(), typed);
        if (circle.isEmpty()) {
            String ids = circles.active(turn.community()).stream().map(ScheduledCircle::id).sorted()
                    .collect(Collectors.joining(", "));
            turn.replyPrivately(ShareMessages.FORMAT_UNKNOWN_CIRCLE, "given", args.text("circle"), "ids", ids);
            return;
        }
        ShareFormat format = formats.find(args.text("format")).orElseThrow();
        store.saveSettings(turn.community(), store.settings(turn.community()).withFormat(circle.get().id(), format.id()));
        turn.reply(ShareMessages.FORMAT_SET, "circle", circle.get().name(), "format", turn.text(format.name()));
    }

    void allowAnonymous(Turn turn, Args args) {
        boolean on = args.text("switch").equals("on");
        store.saveSettings(turn.community(), store.settings(turn.community()).withAnonymous(on));
        turn.reply(on ? ShareMessages.ANONYMOUS_ON : ShareMessages.ANONYMOUS_OFF);
    }

    /** The name of an ended session's format in the reader's language; its stored id when the format is gone. */
    static String formatText(ShareFormats formats, String id, Speech speech) {
        return formats.find(id).map(f -> speech.text(f.name())).orElse(id);
    }

    /** The counts of the community's last sessions, newest first: no names and nothing anyone said. */
    void history(Turn turn, Args args) {
        List<SessionSummary> ended = store.history(turn.community(), HISTORY_SHOWN);
        if (ended.isEmpty()) {
            turn.replyPrivately(ShareMessages.HISTORY_NONE);
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(turn.locale());
        List<Map<String, Object>> items = new ArrayList<>();
        for (SessionSummary summary : ended) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("date", date.format(LocalDate.ofInstant(summary.startedAt(), turn.zone())));
            item.put("format", formatText(formats, summary.format(), turn));
            item.put("minutes", summary.length().toMinutes());
            item.put("joined", summary.joined());
            item.put("shares", summary.shares());
            item.put("passes", summary.passes());
            item.put("anonymous", summary.anonymous());
            items.add(item);
        }
        turn.replyPrivately(ShareMessages.HISTORY, "meetings", items);
    }
}
