package org.circlekeeper.core.resource;

import java.util.EnumMap;
import java.util.Map;
import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The messages of resource lookup, crisis lines and the safety check ({@code templates/messages/<lang>/resources.yml}). */
final class ResourceMessages {

    /** The keys of resource lookup and management ({@code /resource}), collected as declared. */
    static final MessageCatalog SEARCH = MessageCatalog.of("resources");
    /** The keys of {@code /crisis}, collected as declared. */
    static final MessageCatalog CRISIS = MessageCatalog.of("resources");
    /** The keys of the safety check ({@code /safety}), collected as declared. */
    static final MessageCatalog SAFETY = MessageCatalog.of("resources");

    static {
        CRISIS.add(CrisisLines.CARD);
        SAFETY.add(CrisisLines.CARD);
    }

    static final MessageKey CMD_RESOURCE = SEARCH.key("cmd.resource");
    static final MessageKey CMD_RESOURCE_EXAMPLE = SEARCH.key("cmd.resource.example");
    static final MessageKey OPT_RESOURCE_QUERY = SEARCH.key("opt.resource.query");
    static final MessageKey CMD_LIBRARY = SEARCH.key("cmd.library");
    static final MessageKey CMD_LIBRARY_ADD = SEARCH.key("cmd.library.add");
    static final MessageKey CMD_LIBRARY_EDIT = SEARCH.key("cmd.library.edit");
    static final MessageKey CMD_LIBRARY_REMOVE = SEARCH.key("cmd.library.remove");
    static final MessageKey CMD_LIBRARY_HIDE = SEARCH.key("cmd.library.hide");
    static final MessageKey CMD_LIBRARY_UNHIDE = SEARCH.key("cmd.library.unhide");
    static final MessageKey CMD_LIBRARY_REPORTS = SEARCH.key("cmd.library.reports");
    static final MessageKey OPT_LIBRARY_ID = SEARCH.key("opt.library.id");
    static final MessageKey OPT_LIBRARY_KIND = SEARCH.key("opt.library.kind");
    static final MessageKey OPT_LIBRARY_TITLE = SEARCH.key("opt.library.title");
    static final MessageKey OPT_LIBRARY_SUMMARY = SEARCH.key("opt.library.summary");
    static final MessageKey OPT_LIBRARY_DETAILS = SEARCH.key("opt.library.details");
    static final MessageKey OPT_LIBRARY_LINK = SEARCH.key("opt.library.link");
    static final MessageKey OPT_LIBRARY_TAGS = SEARCH.key("opt.library.tags");
    static final MessageKey CMD_CRISIS = CRISIS.key("cmd.crisis");
    static final MessageKey OPT_CRISIS_COUNTRY = CRISIS.key("opt.crisis.country");
    static final MessageKey CMD_SAFETY = SAFETY.key("cmd.safety");
    static final MessageKey CMD_SAFETY_ON = SAFETY.key("cmd.safety.on");
    static final MessageKey CMD_SAFETY_OFF = SAFETY.key("cmd.safety.off");
    static final MessageKey CMD_SAFETY_ALERTS = SAFETY.key("cmd.safety.alerts");
    static final MessageKey OPT_SAFETY_ALERTS = SAFETY.key("opt.safety.alerts");
    static final MessageKey CMD_SAFETY_STATUS = SAFETY.key("cmd.safety.status");

    static final Map<ResourceKind, MessageKey> KINDS = new EnumMap<>(Map.of(
            ResourceKind.READING, SEARCH.key("resources.kind.reading"),
            ResourceKind.TECHNIQUE, SEARCH.key("resources.kind.technique"),
            ResourceKind.EXERCISE, SEARCH.key("resources.kind.exercise"),
            ResourceKind.SERVICE, SEARCH.key("resources.kind.service"),
            ResourceKind.HELPLINE, SEARCH.key("resources.kind.helpline"),
            ResourceKind.CRISIS_LINE, SEARCH.key("resources.kind.crisis-line")));

    static final MessageKey GUIDE = SEARCH.key("resources.guide", "organiser");
    static final MessageKey RESULTS = SEARCH.key("resources.results", "query", "from", "to", "total",
            "results", "results.number", "results.title", "results.kind", "results.summary", "results.own",
            "results.language", "askCountry");
    static final MessageKey NOTHING_FOUND = SEARCH.key("resources.nothing-found", "query", "tags", "hasTags", "askCountry");
    static final MessageKey TOO_LONG = SEARCH.key("resources.search.too-long", "max", "length");
    static final MessageKey MORE = SEARCH.key("resources.button.more");
    static final MessageKey OPEN = SEARCH.key("resources.button.open", "number");
    static final MessageKey PAGE_GONE = SEARCH.key("resources.page-gone");
    static final MessageKey ENTRY = SEARCH.key("resources.entry", "title", "kind", "summary", "details", "link", "phone",
            "sms", "tags", "countries", "verified", "source", "own", "id", "language");
    static final MessageKey NOT_FOUND = SEARCH.key("resources.not-found", "id");

    static final MessageKey ADD_USAGE = SEARCH.key("resources.add.usage");
    static final MessageKey ADD_UNKNOWN_KIND = SEARCH.key("resources.add.unknown-kind", "given");
    static final MessageKey BAD_TITLE = SEARCH.key("resources.add.bad-title", "min", "max");
    static final MessageKey BAD_SUMMARY = SEARCH.key("resources.add.bad-summary", "min", "max");
    static final MessageKey BAD_DETAILS = SEARCH.key("resources.add.bad-details", "max");
    static final MessageKey BAD_CONTACT = SEARCH.key("resources.add.bad-contact", "given");
    static final MessageKey BAD_TAGS = SEARCH.key("resources.add.bad-tags", "max", "maxLength");
    static final MessageKey FULL = SEARCH.key("resources.add.full", "max");
    static final MessageKey ADDED = SEARCH.key("resources.added", "title", "id");
    static final MessageKey EDIT_USAGE = SEARCH.key("resources.edit.usage", "fields");
    static final MessageKey EDIT_SHIPPED = SEARCH.key("resources.edit.shipped", "id");
    static final MessageKey EDIT_UNKNOWN_FIELD = SEARCH.key("resources.edit.unknown-field", "field", "fields");
    static final MessageKey EDITED = SEARCH.key("resources.edited", "id", "field");
    static final MessageKey EDIT_NOTHING = SEARCH.key("resources.edit.nothing", "id");
    static final MessageKey LIBRARY_INTERNATIONAL = SEARCH.key("resources.library.international");
    static final MessageKey ID_USAGE = SEARCH.key("resources.id.usage", "command");
    static final MessageKey REMOVED = SEARCH.key("resources.removed", "id", "title");
    static final MessageKey HIDE_OWN = SEARCH.key("resources.hide.own", "id");
    static final MessageKey HIDE_CRISIS = SEARCH.key("resources.hide.crisis", "id");
    static final MessageKey HIDDEN = SEARCH.key("resources.hidden", "id", "title");
    static final MessageKey ALREADY_HIDDEN = SEARCH.key("resources.hide.already", "id");
    static final MessageKey UNHIDDEN = SEARCH.key("resources.unhidden", "id", "title");
    static final MessageKey NOT_HIDDEN = SEARCH.key("resources.unhide.not-hidden", "id");
    static final MessageKey REPORTS = SEARCH.key("resources.reports", "reports", "reports.name", "reports.country",
            "reports.contact", "reports.count", "reports.last", "listedAsOf");
    static final MessageKey REPORTS_NONE = SEARCH.key("resources.reports.none");
    static final MessageKey REPORTS_CLEAR = SEARCH.key("resources.reports.clear");
    static final MessageKey REPORTS_CLEARED = SEARCH.key("resources.reports.cleared");

    static final MessageKey CRISIS_ASK_COUNTRY = CRISIS.key("resources.crisis.ask-country");
    static final MessageKey CRISIS_OTHER = CRISIS.key("resources.crisis.other");
    static final MessageKey CRISIS_OTHER_HINT = CRISIS.key("resources.crisis.other-hint");
    static final MessageKey CRISIS_UNKNOWN_COUNTRY = CRISIS.key("resources.crisis.unknown-country", "given");
    static final MessageKey CRISIS_OUTDATED = CRISIS.key("resources.crisis.outdated");
    static final MessageKey CRISIS_OUTDATED_WHICH = CRISIS.key("resources.crisis.outdated.which");
    static final MessageKey CRISIS_REPORTED = CRISIS.key("resources.crisis.reported", "name");

    static final MessageKey SAFETY_REPLY = SAFETY.key("resources.safety.reply", "name");
    static final MessageKey SAFETY_DIRECT = SAFETY.key("resources.safety.direct");
    static final MessageKey SAFETY_CONSENT_OFFER = SAFETY.key("resources.safety.consent-offer");
    static final MessageKey SAFETY_CONSENT = SAFETY.key("resources.safety.consent");
    static final MessageKey SAFETY_ALERT = SAFETY.key("resources.safety.alert", "name");
    static final MessageKey SAFETY_CONSENT_DONE = SAFETY.key("resources.safety.consent.done");
    static final MessageKey SAFETY_CONSENT_OFF = SAFETY.key("resources.safety.consent.off");
    static final MessageKey SAFETY_CONSENT_FAILED = SAFETY.key("resources.safety.consent.failed");
    static final MessageKey SAFETY_CONSENT_USED = SAFETY.key("resources.safety.consent.used");
    static final MessageKey SAFETY_ON = SAFETY.key("resources.safety.on", "hours", "alerts");
    static final MessageKey SAFETY_OFF = SAFETY.key("resources.safety.off");
    static final MessageKey SAFETY_ALERTS_ON = SAFETY.key("resources.safety.alerts.on", "detection");
    static final MessageKey SAFETY_ALERTS_OFF = SAFETY.key("resources.safety.alerts.off");
    static final MessageKey SAFETY_STATUS = SAFETY.key("resources.safety.status", "detection", "alerts", "hours");

    private ResourceMessages() {
    }
}
