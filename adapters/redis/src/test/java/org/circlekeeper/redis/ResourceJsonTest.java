package org.circlekeeper.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.resource.Resource;
import org.circlekeeper.core.resource.ResourceKind;
import org.circlekeeper.core.resource.ResourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceJsonTest {

    static Resource full() {
        Map<String, ResourceText> texts = new LinkedHashMap<>();
        texts.put("es", new ResourceText("Línea de pares", "Hablar con alguien que lo vivió", "Lunes a viernes\n18–22 h",
                List.of("apoyo", "noche")));
        texts.put("en", new ResourceText("Peer line", "Talk to someone who has been there", "", List.of()));
        return new Resource("own-peer-line", ResourceKind.HELPLINE, texts, List.of("ES", "MX"), "https://example.org/x?a=1&b=\"2\"",
                "+34 900 000 000", "12345", LocalDate.of(2025, 3, 1), "Written for circlekeeper", Resource.Origin.COMMUNITY);
    }

    @Test
    void anEntryRoundTripsWithItsLanguagesInOrder() throws Exception {
        Resource read = ResourceJson.read(ResourceJson.write(full()));

        assertThat(read).isEqualTo(full());
        assertThat(read.language()).isEqualTo("es");
        assertThat(read.texts().keySet()).containsExactly("es", "en");
    }

    @Test
    void aMinimalEntryRoundTripsWithItsEmptyPartsEmpty() throws Exception {
        Resource minimal = new Resource("own-sleep", ResourceKind.TECHNIQUE,
                Map.of("en", new ResourceText("Sleep", "Wind down", null, List.of())), List.of(), null, null, null,
                LocalDate.of(2024, 12, 31), null, Resource.Origin.COMMUNITY);

        String json = ResourceJson.write(minimal);

        assertThat(json).doesNotContain("link", "phone", "sms", "countries", "details", "tags", "source", "null");
        assertThat(ResourceJson.read(json)).isEqualTo(minimal);
    }

    @Test
    void theStoredFormatIsTheDocumentedOne() throws Exception {
        // written by hand as the Javadoc describes it: entries stored today must stay readable
        String stored = """
                {"v":1,"id":"own-peer-line","kind":"crisis-line","origin":"community",
                 "texts":[{"language":"en","title":"Peer line","summary":"Talk","details":"Evenings","tags":["night"]}],
                 "countries":["DE"],"link":"https://example.org","phone":"+49 1","sms":"2","verified":"2025-03-01",
                 "source":"Checked by us"}""";

        Resource read = ResourceJson.read(stored);

        assertThat(read).isEqualTo(new Resource("own-peer-line", ResourceKind.CRISIS_LINE,
                Map.of("en", new ResourceText("Peer line", "Talk", "Evenings", List.of("night"))), List.of("DE"),
                "https://example.org", "+49 1", "2", LocalDate.of(2025, 3, 1), "Checked by us", Resource.Origin.COMMUNITY));
        assertThat(ResourceJson.write(read)).isEqualTo(stored.replace("\n", "").replace(" \"", "\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{not json",
        "[]",
        "\"text\"",
        "{}",
        "{\"v\":2,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"rocket\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"elsewhere\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\",\"tags\":[1]}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"},{\"language\":\"en\",\"title\":\"u\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"yesterday\"}",
        "{\"v\":1,\"id\":\"Not An Id\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\"}",
        "{\"v\":1,\"id\":\"own-x\",\"kind\":\"service\",\"origin\":\"community\",\"texts\":[{\"language\":\"en\",\"title\":\"t\",\"summary\":\"s\"}],\"verified\":\"2025-01-01\",\"link\":7}"
    })
    void anythingElseIsUnreadableWithoutQuotingIt(String stored) {
        assertThatThrownBy(() -> ResourceJson.read(stored))
                .isInstanceOf(Unreadable.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("own-x", "rocket", "yesterday", "Not An Id"));
    }
}
