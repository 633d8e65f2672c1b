package org.circlekeeper.fault;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The suite's options, {@code --name=value}; see fault/README.md.
 *
 * @param reminders       reminders seeded for the SIGKILL scenario
 * @param stallReminders  reminders seeded for the stall scenario
 * @param window          minutes over which reminders fall due
 * @param killAt          the share of reminders delivered when one app is killed
 * @param checkinSeconds  how long the check-in load runs
 * @param redisDown       seconds Redis stays dead before it is started again
 * @param members         at most this many members check in (each once)
 * @param workers         members checking in at the same time
 * @param scenarios       which scenarios run (1, 2, 3)
 */
record Options(Path appJar, Path work, int reminders, int stallReminders, int window, double killAt, int checkinSeconds,
               int redisDown, int members, int workers, Set<Integer> scenarios) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("options are --name=value; not " + arg);
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        Options options = new Options(
                Path.of(take(given, "app-jar", "bot-app/target/circlekeeper.jar")).toAbsolutePath(),
                Path.of(take(given, "work", "fault/target/fault-run")).toAbsolutePath(),
                Integer.parseInt(take(given, "reminders", "10000")),
                Integer.parseInt(take(given, "stall-reminders", "2000")),
                Integer.parseInt(take(given, "window", "2")),
                Double.parseDouble(take(given, "kill-at", "0.3")),
                Integer.parseInt(take(given, "checkin-seconds", "60")),
                Integer.parseInt(take(given, "redis-down", "5")),
                Integer.parseInt(take(given, "members", "3000")),
                Integer.parseInt(take(given, "workers", "16")),
                scenarios(take(given, "scenarios", "1,2,3")));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("unknown options: " + given.keySet() + " (see fault/README.md)");
        }
        if (options.reminders < 1 || options.stallReminders < 1 || options.window < 1 || options.window > 60
                || options.killAt <= 0 || options.killAt >= 1 || options.checkinSeconds < 10 || options.redisDown < 0
                || options.members < 1 || options.workers < 1 || options.workers > 64) {
            throw new IllegalArgumentException("an option is out of range: " + options);
        }
        return options;
    }

    private static String take(Map<String, String> given, String name, String fallback) {
        String value = given.remove(name);
        return value == null ? fallback : value;
    }

    private static Set<Integer> scenarios(String list) {
        Set<Integer> out = new TreeSet<>();
        for (String part : list.split(",")) {
            int n = Integer.parseInt(part.strip());
            if (n < 1 || n > 3) {
                throw new IllegalArgumentException("scenarios are 1, 2 and 3; not " + n);
            }
            out.add(n);
        }
        return out;
    }
}
