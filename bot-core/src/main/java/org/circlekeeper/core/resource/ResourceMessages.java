package org.circlekeeper.core.resource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.ref.MessageKey;

/** The messages of resource lookup, crisis lines and the safety check ({@code templates/messages/<lang>/resources.yml}). */
final class ResourceMessages {

    static final MessageKey CMD_RESOURCE = MessageKey.of("cmd.resource");
    static final MessageKey CMD_RESOURCE_EXAMPLE = MessageKey.of("cmd.resource.example");
    static final MessageKey OPT_RESOURCE_QUERY = MessageKey.of("opt.resource.query");
    static final MessageKey CMD_CRISIS = MessageKey.of("cmd.crisis");
    static final MessageKey OPT_CRISIS_COUNTRY = MessageKey.of("opt.crisis.country");
    static final MessageKey CMD_SAFETY = MessageKey.of("cmd.safety");
    static final MessageKey CMD_SAFETY_ON = MessageKey.of("cmd.safety.on");
    static final MessageKey CMD_SAFETY_OFF = MessageKey.of("cmd.safety.off");
    static final MessageKey CMD_SAFETY_ALERTS = MessageKey.of("cmd.safety.alerts");
    static final MessageKey OPT_SAFETY_ALERTS = MessageKey.of("opt.safety.alerts");
    static final MessageKey CMD_SAFETY_STATUS = MessageKey.of("cmd.safety.status");

    static final Map<ResourceKind, MessageKey> KINDS = new EnumMap<>(Map.of(
            ResourceKind.READING, MessageKey.of("resources.kind.reading"),
            ResourceKind.TECHNIQUE, MessageKey.of("resources.kind.technique"),
            ResourceKind.EXERCISE, MessageKey.of("resources.kind.exercise"),
            ResourceKind.SERVICE, MessageKey.of("resources.kind.service"),
            ResourceKind.HELPLINE, MessageKey.of("resources.kind.helpline"),
            ResourceKind.CRISIS_LINE, MessageKey.of("resources.kind.crisis-line")));

    static final MessageKey GUIDE = MessageKey.of("resources.guide", "organiser");
    static final MessageKey RESULTS = MessageKey.of("resources.results", "query", "from", "to", "total",
            "results", "results.number", "results.title", "results.kind", "results.summary", "results.own",
            "results.language", "askCountry");
    static final MessageKey NOTHING_FOUND = MessageKey.of("resources.nothing-found", "query", "tags", "hasTags", "askCountry");
    static final MessageKey TOO_LONG = MessageKey.of("resources.search.too-long", "max", "length");
    static final MessageKey MORE = MessageKey.of("resources.button.more");
    static final MessageKey OPEN = MessageKey.of("resources.button.open", "number");
    static final MessageKey PAGE_GONE = MessageKey.of("resources.page-gone");
    static final MessageKey ENTRY = MessageKey.of("resources.entry", "title", "kind", "summary", "details", "link", "phone",
            "sms", "tags", "countries", "verified", "source", "own", "id", "language");
    static final MessageKey NOT_FOUND = MessageKey.of("resources.not-found", "id");

    static final MessageKey ADD_USAGE = MessageKey.of("resources.add.usage");
    static final MessageKey ADD_UNKNOWN_KIND = MessageKey.of("resources.add.unknown-kind", "given");
    static final MessageKey BAD_TITLE = MessageKey.of("resources.add.bad-title", "min", "max");
    static final MessageKey BAD_SUMMARY = MessageKey.of("resources.add.bad-summary", "min", "max");
    static final MessageKey BAD_DETAILS = MessageKey.of("resources.add.bad-details", "max");
    static final MessageKey BAD_CONTACT = MessageKey.of("resources.add.bad-contact", "given");
    static final MessageKey BAD_TAGS = MessageKey.of("resources.add.bad-tags", "max", "maxLength");
    static final MessageKey FULL = MessageKey.of("resources.add.full", "max");
    static final MessageKey ADDED = MessageKey.of("resources.added", "title", "id");
    static final MessageKey EDIT_USAGE = MessageKey.of("resources.edit.usage", "fields");
    static final MessageKey EDIT_SHIPPED = MessageKey.of("resources.edit.shipped", "id");
    static final MessageKey EDIT_UNKNOWN_FIELD = MessageKey.of("resources.edit.unknown-field", "field", "fields");
    static final MessageKey EDITED = MessageKey.of("resources.edited", "id", "field");
    static final MessageKey ID_USAGE = MessageKey.of("resources.id.usage", "command");
    static final MessageKey REMOVED = MessageKey.of("resources.removed", "id", "title");
    static final MessageKey HIDE_OWN = MessageKey.of("resources.hide.own", "id");
    static final MessageKey HIDE_CRISIS = MessageKey.of("resources.hide.crisis", "id");
    static final MessageKey HIDDEN = MessageKey.of("resources.hidden", "id", "title");
    static final MessageKey ALREADY_HIDDEN = MessageKey.of("resources.hide.already", "id");
    static final MessageKey UNHIDDEN = MessageKey.of("resources.unhidden", "id", "title");
    static final MessageKey NOT_HIDDEN = MessageKey.of("resources.unhide.not-hidden", "id");
    static final MessageKey REPORTS = MessageKey.of("resources.reports", "reports", "reports.name", "reports.country",
            "reports.contact", "reports.count", "reports.last", "listedAsOf");
    static final MessageKey REPORTS_NONE = MessageKey.of("resources.reports.none");
    static final MessageKey REPORTS_CLEAR = MessageKey.of("resources.reports.clear");
    static final MessageKey REPORTS_CLEARED = MessageKey.of("resources.reports.cleared");

    static final MessageKey CRISIS_ASK_COUNTRY = MessageKey.of("resources.crisis.ask-country");
    static final MessageKey CRISIS_OTHER = MessageKey.of("resources.crisis.other");
    static final MessageKey CRISIS_OTHER_HINT = MessageKey.of("resources.crisis.other-hint");
    static final MessageKey CRISIS_UNKNOWN_COUNTRY = MessageKey.of("resources.crisis.unknown-country", "given");
    static final MessageKey CRISIS_OUTDATED = MessageKey.of("resources.crisis.outdated");
    static final MessageKey CRISIS_OUTDATED_WHICH = MessageKey.of("resources.crisis.outdated.which");
    static final MessageKey CRISIS_REPORTED = MessageKey.of("resources.crisis.reported", "name");

    static final MessageKey SAFETY_REPLY = MessageKey.of("resources.safety.reply", "name");
    static final MessageKey SAFETY_DIRECT = MessageKey.of("resources.safety.direct");
    static final MessageKey SAFETY_CONSENT_OFFER = MessageKey.of("resources.safety.consent-offer");
    static final MessageKey SAFETY_CONSENT = MessageKey.of("resources.safety.consent");
    static final MessageKey SAFETY_ALERT = MessageKey.of("resources.safety.alert", "name");
    static final MessageKey SAFETY_CONSENT_DONE = MessageKey.of("resources.safety.consent.done");
    static final MessageKey SAFETY_CONSENT_OFF = MessageKey.of("resources.safety.consent.off");
    static final MessageKey SAFETY_CONSENT_FAILED = MessageKey.of("resources.safety.consent.failed");
    static final MessageKey SAFETY_CONSENT_USED = MessageKey.of("resources.safety.consent.used");
    static final MessageKey SAFETY_ON = MessageKey.of("resources.safety.on", "hours", "alerts");
    static final MessageKey SAFETY_OFF = MessageKey.of("resources.safety.off");
    static final MessageKey SAFETY_ALERTS_ON = MessageKey.of("resources.safety.alerts.on", "detection");
    static final MessageKey SAFETY_ALERTS_OFF = MessageKey.of("resources.safety.alerts.off");
    static final MessageKey SAFETY_STATUS = MessageKey.of("resources.safety.status", "detection", "alerts", "hours");

    static final List<MessageKey> SEARCH = List.of(GUIDE, RESULTS, NOTHING_FOUND, TOO_LONG, MORE, OPEN, PAGE_GONE, ENTRY,
            NOT_FOUND, ADD_USAGE, ADD_UNKNOWN_KIND, BAD_TITLE, BAD_SUMMARY, BAD_DETAILS, BAD_CONTACT, BAD_TAGS, FULL, ADDED,
            EDIT_USAGE, EDIT_SHIPPED, EDIT_UNKNOWN_FIELD, EDITED, ID_USAGE, REMOVED, HIDE_OWN, HIDE_CRISIS,
            HIDDEN, ALREADY_HIDDEN, UNHIDDEN, NOT_HIDDEN, REPORTS, REPORTS_NONE, REPORTS_CLEAR, REPORTS_CLEARED);

    static final List<MessageKey> CRISIS = List.of(CrisisLines.CARD, CRISIS_ASK_COUNTRY, CRISIS_OTHER, CRISIS_OTHER_HINT,
            CRISIS_UNKNOWN_COUNTRY, CRISIS_OUTDATED, CRISIS_OUTDATED_WHICH, CRISIS_REPORTED);

    static final List<MessageKey> SAFETY = List.of(CrisisLines.CARD, SAFETY_REPLY, SAFETY_DIRECT, SAFETY_CONSENT_OFFER,
            SAFETY_CONSENT, SAFETY_ALERT, SAFETY_CONSENT_DONE, SAFETY_CONSENT_OFF, SAFETY_CONSENT_FAILED, SAFETY_CONSENT_USED,
            SAFETY_ON, SAFETY_OFF, SAFETY_ALERTS_ON, SAFETY_ALERTS_OFF, SAFETY_STATUS);

    private ResourceMessages() {
    }

    static List<MessageKey> kindLabels() {
        return List.copyOf(KINDS.values());
    }
}
