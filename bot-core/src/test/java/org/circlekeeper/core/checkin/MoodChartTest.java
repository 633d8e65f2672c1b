package org.circlekeeper.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MoodChartTest {

    @Test
    void drawsAPngWithoutADisplay() throws IOException {
        LocalDate to = LocalDate.of(2026, 11, 27);
        LocalDate from = to.minusDays(27);
        Map<LocalDate, Mood> moods = Map.of(from, Mood.LOW, from.plusDays(1), Mood.OKAY, to.minusDays(1), Mood.GOOD, to, Mood.GREAT);
        Map<Mood, String> words = new EnumMap<>(Mood.class);
        for (Mood mood : Mood.values()) {
            words.put(mood, mood.name().toLowerCase(Locale.ROOT));
        }

        Optional<byte[]> png = MoodChart.render("Your check-ins", from, to, moods, words, Locale.ENGLISH);

        assertThat(png).as("this runtime (headless, with fontconfig) can draw").isPresent();
        assertThat(png.get()).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.get()));
        assertThat(image.getWidth()).isEqualTo(MoodChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(MoodChart.HEIGHT);
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }
}
