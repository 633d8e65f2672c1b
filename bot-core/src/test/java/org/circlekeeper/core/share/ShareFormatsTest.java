package org.circlekeeper.core.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.circlekeeper.core.share.ShareFormat.Kind;
import org.junit.jupiter.api.Test;

/** The shipped circle formats load, and a broken format file is refused with a message that names what is wrong. */
class ShareFormatsTest {

    private final ShareFormats formats = ShareFormats.shipped();

    @Test
    void theThreeShippedFormatsLoadWithTheirSteps() {
        assertThat(formats.ids()).containsExactly("basic", "checkin", "open-sharing");
        assertThat(formats.standard().id()).isEqualTo("basic");
        assertThat(formats.find("basic").orElseThrow().steps()).extracting(ShareFormat.Step::kind)
                .containsExactly(Kind.OPENING, Kind.ROUND, Kind.OPEN, Kind.ROUND, Kind.CLOSING);
        assertThat(formats.find("checkin").orElseThrow().steps()).extracting(ShareFormat.Step::kind)
                .containsExactly(Kind.OPENING, Kind.ROUND, Kind.CLOSING);
        ShareFormat.Step longOpen = formats.find("open-sharing").orElseThrow().step(2);
        assertThat(longOpen.limit()).isEqualTo(Duration.ofMinutes(60));
        assertThat(longOpen.turnLimit()).isEqualTo(Duration.ofMinutes(8));
        assertThat(formats.find("nope")).isEmpty();
    }

    @Test
    void everyFormatFileInTheFolderIsShipped() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../templates/circle-formats"))) {
            List<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
            assertThat(ids).containsExactlyInAnyOrderElementsOf(ShareFormats.SHIPPED);
        }
    }

    @Test
    void stepTextsAreMessageKeysWithTheValuesTheirKindGets() {
        ShareFormat basic = formats.find("basic").orElseThrow();
        assertThat(basic.step(0).text().params()).containsExactlyInAnyOrder("chair", "agreements");
        assertThat(basic.step(1).text().params()).isEmpty();
        assertThat(basic.step(basic.closing()).text().params()).containsExactlyInAnyOrder("next", "circle");
        assertThat(formats.messageKeys()).extracting(k -> k.key()).contains("share.format.basic.name", "share.format.checkin.round");
    }

    @Test
    void aBrokenFormatIsRefusedWithAReason() {
        assertThatThrownBy(() -> parse("id: x\nname: a.b\nabout: a.c\nsteps:\n  - kind: closing\n    text: a.d\n  - kind: round\n    text: a.e\n"))
                .hasMessageContaining("the closing is the last step");
        assertThatThrownBy(() -> parse("id: x\nname: a.b\nabout: a.c\nsteps:\n  - kind: round\n    text: a.d\n    minutes: 5\n"
                + "  - kind: closing\n    text: a.e\n")).hasMessageContaining("a round step has no time box of its own");
        assertThatThrownBy(() -> parse("id: x\nname: a.b\nabout: a.c\nsteps:\n  - kind: dance\n    text: a.d\n"))
                .hasMessageContaining("unknown step kind 'dance'");
        assertThatThrownBy(() -> parse("id: y\nname: a.b\nabout: a.c\nsteps: []\n")).hasMessageContaining("file is named for 'x'");
        assertThatThrownBy(() -> parse("id: x\nname: a.b\nabout: a.c\nsteps:\n  - kind: open\n    text: a.d\n    turn-minutes: 500\n"
                + "  - kind: closing\n    text: a.e\n")).hasMessageContaining("from 1 minute to 3 hours");
    }

    private static ShareFormat parse(String yaml) {
        return ShareFormats.parse(new StringReader(yaml), "x.yml", "x");
    }
}
