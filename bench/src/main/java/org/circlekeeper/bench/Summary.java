package org.circlekeeper.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * The figures of issue #15's table as each benchmark measured them, beside their anchors of the same run: each
 * benchmark appends its lines to the file named by the system property {@code bench.summary} (when set, as
 * {@code bench/all.sh} sets it), and {@link #main} prints them as one table at the end of the run.
 */
public final class Summary {

    private static final PrintStream OUT = System.out;
    /** The property naming the file the benchmarks append their figures to. */
    static final String PROPERTY = "bench.summary";

    private Summary() {
    }

    /**
     * Notes one figure: what was measured, its value, the anchor it is compared with and the anchor's value (both
     * measured in this run), their ratio, the target and whether it was met ({@code null} when the figure has none).
     */
    static void figure(String benchmark, String figure, String measured, String anchor, String ratio, String target,
                       Boolean met) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        String line = String.join("\t", List.of(benchmark, figure, measured, anchor, ratio, target,
                met == null ? "" : met ? "met" : "MISSED", loadAverage())).replace('\n', ' ') + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the summary " + file, e);
        }
    }

    /** {@code String.format} in the root locale, for the figures' values. */
    static String f(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    /** The 1-minute load average now (the machine is shared: every figure goes with it). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints the figures the benchmarks appended to the file {@code args[0]} as one table. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Summary <file the benchmarks appended their figures to>");
        }
        Path file = Path.of(args[0]);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        OUT.println();
        OUT.println("Issue #15's figures, each beside its anchor measured in the same run (load = 1-minute load average when "
                + "the figure was taken; re-measure on a quiet machine):");
        OUT.println();
        OUT.println("| benchmark | figure | measured | anchor (same run) | ratio | target | verdict | load |");
        OUT.println("| --- | --- | ---: | ---: | ---: | --- | --- | ---: |");
        for (String line : lines) {
            String[] cells = line.split("\t", -1);
            OUT.println("| " + String.join(" | ", cells) + " |");
        }
        if (lines.isEmpty()) {
            OUT.println("| (no benchmark reported a figure) | | | | | | | |");
        }
    }
}
