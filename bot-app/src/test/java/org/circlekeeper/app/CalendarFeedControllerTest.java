package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.circlekeeper.core.engine.Context;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.Inbound;
import org.circlekeeper.core.engine.Reply;
import org.circlekeeper.core.engine.Role;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.template.Markup;
import org.circlekeeper.redis.RedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The subscribable calendar over HTTP: an organiser plans a circle and asks for the feed through the engine,
 * the circle lives in Redis, and the address serves it as iCalendar; unknown and rotated tokens get an empty
 * 404. Without a web port the app serves nothing at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"circlekeeper.console.enabled=false", "circlekeeper.redis.embedded.port=0", "circlekeeper.web.port=0"})
class CalendarFeedControllerTest {

    private static final Pattern TOKEN = Pattern.compile("calendar token is ([A-Za-z0-9_-]{22})");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("circlekeeper.redis.embedded.data-dir", () -> data.resolve("redis").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    Engine engine;
    @Autowired
    RedisConnection redis;

    private final MemberRef olivia = new MemberRef(Platform.CONSOLE, "olivia", "Olivia");

    /** Olivia, organiser of a community of this test's own (the tests share one Redis). */
    private Context organiser(String community) {
        return new Context(olivia, new ChannelRef(Platform.CONSOLE, "#circle-room", ChannelRef.Kind.GROUP),
                new CommunityRef(Platform.CONSOLE, community), Role.ORGANISER, null);
    }

    @Test
    void theFeedServesTheCommunitysCirclesAsICalendar() throws Exception {
        Context organiser = organiser("berlin");
        say(organiser, "community", "timezone Europe/Berlin");
        assertThat(say(organiser, "circle", "create \"Tuesday circle\" every tuesday 19:00")).contains("New circle: Tuesday circle");
        Set<String> stored = redis.call(jedis -> jedis.hkeys("ck:c:{console:berlin}:circles"));
        assertThat(stored).as("the circle lives in Redis").containsExactly("tuesday-circle");
        String token = token(say(organiser, "circle", "feed"));

        HttpResponse<String> response = get("/calendar/" + token + ".ics");

        assertThat(response.statusCode()).isEqualTo(200);
        MediaType type = MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow());
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/calendar"))).as(type.toString()).isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(response.headers().firstValue("Cache-Control")).contains("max-age=900, private");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        List<CalendarComponent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(value(events.get(0), "SUMMARY")).isEqualTo("Tuesday circle");
        assertThat(value(events.get(0), "RRULE")).isEqualTo("FREQ=WEEKLY;BYDAY=TU");
        assertThat(events.get(0).getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Berlin");
        List<CalendarComponent> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(value(zones.get(0), "TZID")).isEqualTo("Europe/Berlin");
    }

    @Test
    void unknownMalformedAndRotatedTokensGetAnEmpty404() throws Exception {
        Context organiser = organiser("rotating");
        say(organiser, "circle", "create \"Friday circle\" every friday 18:00");
        String token = token(say(organiser, "circle", "feed"));
        assertThat(get("/calendar/" + token + ".ics").statusCode()).isEqualTo(200);

        for (String path : List.of("/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics", "/calendar/" + token.substring(1) + "x.ics",
                "/calendar/short.ics", "/calendar/" + token + "A.ics")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEmpty();
            assertThat(response.headers().firstValue("Cache-Control")).as(path).contains("no-store");
        }

        String rotated = token(say(organiser, "circle", "feed rotate"));
        assertThat(rotated).isNotEqualTo(token);
        assertThat(get("/calendar/" + token + ".ics").statusCode()).as("the old token after a rotation").isEqualTo(404);
        assertThat(get("/calendar/" + rotated + ".ics").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutAWebPortNothingIsServed(@TempDir Path otherData) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CirclekeeperApplication.class).run(
                "--circlekeeper.console.enabled=false", "--circlekeeper.redis.embedded.port=0",
                "--circlekeeper.redis.embedded.data-dir=" + otherData.resolve("redis"))) {
            assertThat(app).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(app.getBeansOfType(DispatcherServlet.class)).isEmpty();
        }
    }

    private String say(Context organiser, String command, String rest) {
        List<Reply> replies = engine.handle(Inbound.CommandInvoked.typed(organiser, command, rest));
        assertThat(replies).isNotEmpty();
        return Markup.plain(replies.get(0).message().markup());
    }

    private static String token(String feedReply) {
        Matcher matcher = TOKEN.matcher(feedReply);
        assertThat(matcher.find()).as(feedReply).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String value(CalendarComponent component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }
}
