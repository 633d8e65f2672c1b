package org.circlekeeper.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The short cuts every rendered value takes (issue #15, {@link PlainText}): text before U+0590 is returned by
 * {@link Markup#isolate} as it is, and text without a markup character by {@link Markup#escape}. They hold only while
 * no character before U+0590 is right-to-left, an Arabic digit or a bidi control, which this checks against the
 * running JDK's Unicode data.
 */
class MarkupFastPathTest {

    @Test
    void noCharacterBeforeHebrewTurnsTextAround() {
        for (char c = 0; c < PlainText.FIRST_RIGHT_TO_LEFT; c++) {
            byte direction = Character.getDirectionality(c);
            assertThat(direction).as("U+%04X", (int) c).isNotIn(Character.DIRECTIONALITY_RIGHT_TO_LEFT,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC, Character.DIRECTIONALITY_ARABIC_NUMBER,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING, Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING,
                    Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT, Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE,
                    Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE, Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE,
                    Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE);
        }
        assertThat(Character.getDirectionality('\u05D0')).as("Hebrew's alef").isEqualTo(Character.DIRECTIONALITY_RIGHT_TO_LEFT);
    }

    @Test
    void theShortCutsGiveWhatTheFullWayGives() {
        String plain = "Tuesday circle, Ñandú café 19:00 (ÀÉÎÕÜ ß)";
        assertThat(PlainText.beforeRightToLeft(plain)).isTrue();
        assertThat(Markup.isolate(plain)).isSameAs(plain);
        assertThat(Markup.escape(plain)).isSameAs(plain);
        assertThat(Markup.escape("a *b* [c]")).isEqualTo("a \\*b\\* \\[c\\]");
        assertThat(PlainText.beforeRightToLeft("Tuesday \u05E9")).isFalse();
        assertThat(Markup.escape("Tuesday \u05E9")).isEqualTo("\u2068Tuesday \u05E9\u2069");
        assertThat(Markup.escape("a\u202Eb\u2066c")).as("bidi controls lie past U+0590 and are dropped").isEqualTo("abc");
        assertThat(Markup.balanceBidi("no controls")).isSameAs("no controls");
        assertThat(PlainText.hasMarkupCharacter("plain")).isFalse();
        for (char c : "\\*_`[]".toCharArray()) {
            assertThat(PlainText.hasMarkupCharacter("a" + c)).as("%s", c).isTrue();
        }
        assertThat(PlainText.noBidiControl("a\u2069")).isFalse();
        assertThat(PlainText.noBidiControl("a\u202A")).isFalse();
        assertThat(PlainText.noBidiControl("a\u200F")).as("a mark is not a control").isTrue();
    }
}
