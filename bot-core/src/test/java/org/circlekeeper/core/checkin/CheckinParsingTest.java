package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.junit.jupiter.api.Test;

class CheckinParsingTest {

    @Test
    void readsDaysInEnglishAndSpanish() {
        assertThat(CheckinParsing.days("mon,wed,fri")).contains(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
        assertThat(CheckinParsing.days("lun,mié,Sáb")).contains(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY));
        assertThat(CheckinParsing.days("daily")).contains(EnumSet.allOf(DayOfWeek.class));
        assertThat(CheckinParsing.days("weekdays")).contains(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(CheckinParsing.days("mon,funday")).isEmpty();
        assertThat(CheckinParsing.daysText(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), Locale.ENGLISH, "every day", "weekdays"))
                .isEqualTo("Mon, Fri");
    }

    @Test
    void readsTimesAndMentions() {
        assertThat(CheckinParsing.time("9:30")).contains(LocalTime.of(9, 30));
        assertThat(CheckinParsing.time("21h15")).contains(LocalTime.of(21, 15));
        assertThat(CheckinParsing.time("25:00")).isEmpty();
        assertThat(CheckinParsing.mention("<@!123456>", Platform.DISCORD)).contains(new MemberRef(Platform.DISCORD, "123456", null));
        assertThat(CheckinParsing.mention("@Bob", Platform.CONSOLE).map(MemberRef::userId)).contains("bob");
        assertThat(CheckinParsing.mention("two words", Platform.CONSOLE)).isEmpty();
    }
}
