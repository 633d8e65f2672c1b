package org.circlekeeper.core.member;

import org.circlekeeper.core.ref.MessageCatalog;
import org.circlekeeper.core.ref.MessageKey;

/** The member-settings feature's messages and command descriptions. */
final class SettingsMessages {

    /** Every key this class declares, collected as declared; their texts are in {@code core.yml}. */
    static final MessageCatalog KEYS = MessageCatalog.of("core");

    static final MessageKey CMD_START = KEYS.key("cmd.start");
    static final MessageKey CMD_HELLO = KEYS.key("cmd.hello");
    static final MessageKey CMD_HELP = KEYS.key("cmd.help");
    static final MessageKey CMD_TIMEZONE = KEYS.key("cmd.timezone");
    static final MessageKey CMD_TIMEZONE_EXAMPLE = KEYS.key("cmd.timezone.example");
    static final MessageKey OPT_TIMEZONE_ZONE = KEYS.key("opt.timezone.zone");
    static final MessageKey CMD_LANGUAGE = KEYS.key("cmd.language");
    static final MessageKey CMD_LANGUAGE_EXAMPLE = KEYS.key("cmd.language.example");
    static final MessageKey OPT_LANGUAGE_LANGUAGE = KEYS.key("opt.language.language");
    static final MessageKey CMD_COUNTRY = KEYS.key("cmd.country");
    static final MessageKey CMD_COUNTRY_EXAMPLE = KEYS.key("cmd.country.example");
    static final MessageKey OPT_COUNTRY_COUNTRY = KEYS.key("opt.country.country");
    static final MessageKey CMD_MYDATA = KEYS.key("cmd.mydata");
    static final MessageKey CMD_FORGETME = KEYS.key("cmd.forgetme");

    static final MessageKey WELCOME = KEYS.key("settings.welcome", "name");
    static final MessageKey OPT_HELP_TOPIC = KEYS.key("opt.help.topic");
    static final MessageKey HELP = KEYS.key("settings.help", "topics", "topics.label", "topics.commands", "example", "moreInDirect");
    static final MessageKey HELP_TOPIC = KEYS.key("settings.help.topic", "label", "commands", "commands.usage",
            "commands.description", "moreInDirect");
    static final MessageKey HELP_UNKNOWN = KEYS.key("settings.help.unknown", "given", "topics");
    static final MessageKey HELP_NOTHING_HERE = KEYS.key("settings.help.nothing-here", "label", "inDirect", "inGroup");
    static final MessageKey TIMEZONE_CURRENT = KEYS.key("settings.timezone.current", "zone", "localTime", "own");
    static final MessageKey TIMEZONE_SET = KEYS.key("settings.timezone.set", "zone", "localTime");
    static final MessageKey TIMEZONE_UNKNOWN = KEYS.key("settings.timezone.unknown", "given", "suggestions", "example");
    static final MessageKey TIMEZONE_AMBIGUOUS = KEYS.key("settings.timezone.ambiguous", "given");
    static final MessageKey LANGUAGE_CURRENT = KEYS.key("settings.language.current", "language", "choices");
    static final MessageKey LANGUAGE_SET = KEYS.key("settings.language.set");
    static final MessageKey COUNTRY_CURRENT = KEYS.key("settings.country.current", "country");
    static final MessageKey COUNTRY_NONE = KEYS.key("settings.country.none");
    static final MessageKey COUNTRY_SET = KEYS.key("settings.country.set", "country");
    static final MessageKey COUNTRY_UNKNOWN = KEYS.key("settings.country.unknown", "given");

    static final MessageKey MYDATA = KEYS.key("privacy.mydata", "sections", "sections.name", "sections.items");
    static final MessageKey MYDATA_EMPTY = KEYS.key("privacy.mydata.empty");
    static final MessageKey FORGET_ASK = KEYS.key("privacy.forget.ask", "minutes");
    static final MessageKey FORGET_YES = KEYS.key("privacy.forget.yes");
    static final MessageKey FORGET_NO = KEYS.key("privacy.forget.no");
    static final MessageKey FORGET_DONE = KEYS.key("privacy.forget.done");
    static final MessageKey FORGET_PARTIAL = KEYS.key("privacy.forget.partial");
    static final MessageKey FORGET_KEPT = KEYS.key("privacy.forget.kept");
    static final MessageKey FORGET_USED = KEYS.key("privacy.forget.used");

    private SettingsMessages() {
    }
}
