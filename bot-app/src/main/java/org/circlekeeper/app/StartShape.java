package org.circlekeeper.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.env.Environment;

/**
 * Which adapters, web server, organisers' page, clock and scheduler a run's settings choose: the choices Spring AOT fixes at build
 * time, so that a start can tell whether the AOT-built bean definitions fit its own settings ({@link AotStartPath}).
 */
record StartShape(boolean console, boolean telegram, boolean telegramWebhook, boolean discord, boolean webServer,
                  boolean virtualTime, boolean scheduler, boolean dashboard) {

    /** Where the build's shape is kept in the jar, written by {@link StartShapeAotProcessor}. */
    static final String RESOURCE = "META-INF/circlekeeper/aot-start-shape.properties";

    /** The shape the environment's settings choose, by the same rules as the adapters' conditions. */
    static StartShape of(Environment environment) {
        String port = environment.getProperty(WebPortEnvironmentPostProcessor.PORT);
        boolean virtual = TimeChoice.Virtual.in(environment);
        return new StartShape(ConsoleWanted.in(environment), TelegramConfiguration.Wanted.in(environment),
                TelegramConfiguration.WebhookWanted.in(environment), DiscordConfiguration.TokenSet.in(environment),
                port != null && !port.isBlank(), virtual,
                !virtual && environment.getProperty("circlekeeper.scheduler.enabled", Boolean.class, true),
                DashboardConfiguration.Wanted.in(environment));
    }

    /** The shape as properties (one {@code true}/{@code false} per choice). */
    Properties toProperties() {
        Properties properties = new Properties();
        asMap().forEach(properties::setProperty);
        return properties;
    }

    /** The shape kept in {@link #toProperties()} form. */
    static StartShape fromProperties(Properties properties) {
        return new StartShape(flag(properties, "console"), flag(properties, "telegram"), flag(properties, "telegram-webhook"),
                flag(properties, "discord"), flag(properties, "web-server"), flag(properties, "virtual-time"),
                flag(properties, "scheduler"), flag(properties, "dashboard"));
    }

    /** The choices that are on, e.g. {@code console, virtual-time}; {@code nothing} when none is. */
    String describe() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((name, value) -> {
            if (Boolean.parseBoolean(value)) {
                text.append(text.isEmpty() ? "" : ", ").append(name);
            }
        });
        return text.isEmpty() ? "nothing" : text.toString();
    }

    private Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("console", String.valueOf(console));
        map.put("telegram", String.valueOf(telegram));
        map.put("telegram-webhook", String.valueOf(telegramWebhook));
        map.put("discord", String.valueOf(discord));
        map.put("web-server", String.valueOf(webServer));
        map.put("virtual-time", String.valueOf(virtualTime));
        map.put("scheduler", String.valueOf(scheduler));
        map.put("dashboard", String.valueOf(dashboard));
        return map;
    }

    private static boolean flag(Properties properties, String name) {
        String value = properties.getProperty(name);
        if (value == null) {
            throw new IllegalArgumentException("the AOT start shape lacks '" + name + "'");
        }
        return Boolean.parseBoolean(value.strip());
    }
}
