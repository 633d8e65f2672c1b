package org.circlekeeper.core.member;

import java.util.List;
import org.circlekeeper.core.ref.MessageKey;

/** The member-settings feature's messages and command descriptions. */
final class SettingsMessages {

    static final MessageKey CMD_START = MessageKey.of("cmd.start");
    static final MessageKey CMD_HELLO = MessageKey.of("cmd.hello");
    static final MessageKey CMD_HELP = MessageKey.of("cmd.help");
    static final MessageKey CMD_TIMEZONE = MessageKey.of("cmd.timezone");
    static final MessageKey CMD_TIMEZONE_EXAMPLE = MessageKey.of("cmd.timezone.example");
    static final MessageKey OPT_TIMEZONE_ZONE = MessageKey.of("opt.timezone.zone");
    static final MessageKey CMD_LANGUAGE = MessageKey.of("cmd.language");
    static final MessageKey CMD_LANGUAGE_EXAMPLE = MessageKey.of("cmd.language.example");
    static final MessageKey OPT_LANGUAGE_LANGUAGE = MessageKey.of("opt.language.language");
    static final MessageKey CMD_COUNTRY = MessageKey.of("cmd.country");
    static final MessageKey CMD_COUNTRY_EXAMPLE = MessageKey.of("cmd.country.example");
    static final MessageKey OPT_COUNTRY_COUNTRY = MessageKey.of("opt.country.country");
    static final MessageKey CMD_MYDATA = MessageKey.of("cmd.mydata");
    static final MessageKey CMD_FORGETME = MessageKey.of("cmd.forgetme");

    static final MessageKey WELCOME = MessageKey.of("settings.welcome", "name");
    static final MessageKey OPT_HELP_TOPIC = MessageKey.of("opt.help.topic");
    static final MessageKey HELP = MessageKey.of("settings.help", "topics", "topics.label", "topics.commands", "example", "moreInDirect");
    static final MessageKey HELP_TOPIC = MessageKey.of("settings.help.topic", "label", "commands", "commands.usage",
            "commands.description", "moreInDirect");
    static final MessageKey HELP_UNKNOWN = MessageKey.of("settings.help.unknown", "given", "topics");
    static final MessageKey HELP_NOTHING_HERE = MessageKey.of("settings.help.nothing-here", "label", "inDirect", "inGroup");
    static final MessageKey TIMEZONE_CURRENT = MessageKey.of("settings.timezone.current", "zone", "localTime", "own");
    static final MessageKey TIMEZONE_SET = MessageKey.of("settings.timezone.set", "zone", "localTime");
    static final MessageKey TIMEZONE_UNKNOWN = MessageKey.of("settings.timezone.unknown", "given", "suggestions", "example");
    static final MessageKey TIMEZONE_AMBIGUOUS = MessageKey.of("settings.timezone.ambiguous", "given");
    static final MessageKey LANGUAGE_CURRENT = MessageKey.of("settings.language.current", "language", "choices");
    static final MessageKey LANGUAGE_SET = MessageKey.of("settings.language.set");
    static final MessageKey COUNTRY_CURRENT = MessageKey.of("settings.country.current", "country");
    static final MessageKey COUNTRY_NONE = MessageKey.of("settings.country.none");
    static final MessageKey COUNTRY_SET = MessageKey.of("settings.country.set", "country");
    static final MessageKey COUNTRY_UNKNOWN = MessageKey.of("settings.country.unknown", "given");

    static final MessageKey MYDATA = MessageKey.of("privacy.mydata", "sections", "sections.name", "sections.items");
    static final MessageKey MYDATA_EMPTY = MessageKey.of("privacy.mydata.empty");
    static final MessageKey FORGET_ASK = MessageKey.of("privacy.forget.ask", "minutes");
    static final MessageKey FORGET_YES = MessageKey.of("privacy.forget.yes");
    static final MessageKey FORGET_NO = MessageKey.of("privacy.forget.no");
    static final MessageKey FORGET_DONE = MessageKey.of("privacy.forget.done");
    static final MessageKey FORGET_PARTIAL = MessageKey.of("privacy.forget.partial");
    static final MessageKey FORGET_KEPT = MessageKey.of("privacy.forget.kept");
    static final MessageKey FORGET_USED = MessageKey.of("privacy.forget.used");

    static final List<MessageKey> ALL = List.of(WELCOME, HELP, HELP_TOPIC, HELP_UNKNOWN, HELP_NOTHING_HERE, TIMEZONE_CURRENT, TIMEZONE_SET, TIMEZONE_UNKNOWN,
            TIMEZONE_AMBIGUOUS, LANGUAGE_CURRENT, LANGUAGE_SET, COUNTRY_CURRENT, COUNTRY_NONE, COUNTRY_SET,
            COUNTRY_UNKNOWN, MYDATA, MYDATA_EMPTY, FORGET_ASK, FORGET_YES, FORGET_NO, FORGET_DONE, FORGET_PARTIAL,
            FORGET_KEPT, FORGET_USED);

    private SettingsMessages() {
    }
}
