package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * When Redis goes away a replica stops being ready (Kubernetes sends it no webhooks) but stays alive (it is not
 * restarted, which would not bring Redis back).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"circlekeeper.console.enabled=false", "circlekeeper.redis.embedded.port=0", "circlekeeper.web.port=0"})
@DirtiesContext
class ReadinessWithoutRedisTest {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    StorageConfiguration.EmbeddedRedisHolder embeddedRedis;

    @Test
    void readinessFollowsRedisLivenessDoesNot() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        embeddedRedis.close();

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"redis\":{\"status\":\"DOWN\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
