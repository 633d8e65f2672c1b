package org.circlekeeper.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts the real app jar (the extracted {@code -Pfast-start} build) as a child process, several times in each mode
 * (plain, class-data sharing, class-data sharing with Spring AOT, and the production start: the build's
 * {@code circlekeeper.args}, which adds the production JVM options to the last), and measures the time from the process's
 * start to the console's first answer to a scripted {@code /help} (read from its standard output), the CPU time the JVM
 * had used by then (all its threads, the JIT compilers' too: a figure a loaded machine changes less than the wall time),
 * and the JVM's resident memory ({@code VmRSS}) once it has idled after that answer. Prints each mode's medians as ratios to the plain start
 * of the same run, beside the targets of issue #15.
 */
public final class StartupBenchmark {

    private static final PrintStream OUT = System.out;
    /** What the console prints before the bot's answer ({@code [#circle-room → only alice] bot: …}). */
    private static final String ANSWER = "] bot: ";
    private static final double TARGET_SECONDS = 1.5;
    private static final double TARGET_MIB = 160;

    /** One way of starting the jar; {@code aot} when it must take the AOT path. */
    private record Mode(String name, List<String> jvmOptions, boolean aot) {
    }

    /** One start: seconds to the first answer, CPU seconds the JVM had used by then, resident MiB when idle after it. */
    private record Sample(double seconds, double cpuSeconds, double rssMib) {
    }

    /** Linux counts a process's CPU time in clock ticks of 1/100 s ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100;

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path app = Path.of(options.getOrDefault("app", "bot-app/target/fast-start")).toAbsolutePath();
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        long idleMillis = Long.parseLong(options.getOrDefault("idle-ms", "3000"));
        Path jar = app.resolve("circlekeeper.jar");
        Path archive = app.resolve("circlekeeper.jsa");
        Path production = app.resolve("circlekeeper.args");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive) || !Files.isRegularFile(production)) {
            throw new IllegalStateException("no fast-start build in " + app + ": run ./mvnw -B -pl bot-app -am clean package -Pfast-start -DskipTests");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xshare:on: a class-data archive that cannot be mapped fails the start instead of measuring a plain one
        List<Mode> modes = List.of(
                new Mode("plain", List.of(), false),
                new Mode("CDS", List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive), false),
                new Mode("CDS+AOT", List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Dspring.aot.enabled=true"), true),
                new Mode("production", List.of("-Xshare:on", "@" + production), true));
        OUT.printf(Locale.ROOT, "production options (%s): %s%n", production, String.join(" ", Files.readAllLines(production)));
        Path work = Files.createTempDirectory("circlekeeper-startup");
        OUT.printf(Locale.ROOT, "circlekeeper start-up benchmark: %s, %d runs per mode (interleaved), %s%n", jar, runs,
                System.getProperty("java.vm.version"));
        OUT.printf(Locale.ROOT, "load average before: %s%n", loadAverage());
        start(java, modes.get(0), jar, work, idleMillis); // warm-up, not counted: makes the data folder and its keys
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        modes.forEach(m -> samples.put(m.name(), new ArrayList<>()));
        for (int run = 1; run <= runs; run++) {
            for (Mode mode : modes) {
                Sample sample = start(java, mode, jar, work, idleMillis);
                samples.get(mode.name()).add(sample);
                OUT.printf(Locale.ROOT, "  run %d %-10s %6.2f s  CPU %5.2f s  %6.1f MiB%n", run, mode.name(), sample.seconds(),
                        sample.cpuSeconds(), sample.rssMib());
            }
        }
        OUT.printf(Locale.ROOT, "load average after: %s%n%n", loadAverage());
        double plainSeconds = median(samples.get("plain"), Sample::seconds);
        double plainMib = median(samples.get("plain"), Sample::rssMib);
        double plainCpu = median(samples.get("plain"), Sample::cpuSeconds);
        OUT.printf(Locale.ROOT, "%-11s %22s %10s %8s %22s %10s %22s %10s %8s%n", "mode", "first answer (min-max)", "÷ plain", "target",
                "CPU by then (min-max)", "÷ plain", "idle RSS MiB (min-max)", "÷ plain", "target");
        for (Mode mode : modes) {
            List<Sample> list = samples.get(mode.name());
            double seconds = median(list, Sample::seconds);
            double mib = median(list, Sample::rssMib);
            double cpu = median(list, Sample::cpuSeconds);
            OUT.printf(Locale.ROOT, "%-11s %8.2f s (%.2f-%.2f) %10.2f %8s %8.2f s (%.2f-%.2f) %10.2f %10.1f (%.0f-%.0f) %10.2f %8s%n",
                    mode.name(), seconds, min(list, Sample::seconds), max(list, Sample::seconds), seconds / plainSeconds,
                    seconds <= TARGET_SECONDS ? "met" : "missed", cpu, min(list, Sample::cpuSeconds), max(list, Sample::cpuSeconds),
                    cpu / plainCpu, mib, min(list, Sample::rssMib), max(list, Sample::rssMib), mib / plainMib,
                    mib <= TARGET_MIB ? "met" : "missed");
            Summary.figure("start-up", Summary.f("%s: process start to the console's first answer, median of %d", mode.name(), runs),
                    Summary.f("%.2f s", seconds), Summary.f("plain start %.2f s", plainSeconds), Summary.f("%.2f", seconds / plainSeconds),
                    Summary.f("≤ %.1f s", TARGET_SECONDS), seconds <= TARGET_SECONDS);
            Summary.figure("start-up", Summary.f("%s: CPU time of the JVM (all threads) by the first answer, median of %d", mode.name(), runs),
                    Summary.f("%.2f s", cpu), Summary.f("plain start %.2f s", plainCpu), Summary.f("%.2f", cpu / plainCpu), "", null);
            Summary.figure("start-up", Summary.f("%s: idle RSS of the JVM, median of %d", mode.name(), runs), Summary.f("%.0f MiB", mib),
                    Summary.f("plain start %.0f MiB", plainMib), Summary.f("%.2f", mib / plainMib), Summary.f("≤ %.0f MiB", TARGET_MIB),
                    mib <= TARGET_MIB);
        }
        OUT.printf(Locale.ROOT, "targets: first answer <= %.1f s, idle RSS <= %.0f MiB (medians; the JVM only, the embedded Redis "
                + "is a process of its own)%n", TARGET_SECONDS, TARGET_MIB);
    }

    /** One start of the jar: the console gets /help, answers, idles, and ends when its input closes. */
    private static Sample start(String java, Mode mode, Path jar, Path work, long idleMillis) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(mode.jvmOptions());
        command.addAll(List.of("-jar", jar.toString(), "--circlekeeper.console.enabled=true", "--circlekeeper.redis.url=",
                "--circlekeeper.redis.embedded.port=0", "--circlekeeper.redis.embedded.data-dir=" + work.resolve("redis"),
                "--circlekeeper.web.port="));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        // the console alone: no platform, no Redis but the embedded one, whatever this shell has set
        builder.environment().keySet().removeIf(name -> name.startsWith("CIRCLEKEEPER_"));
        long began = System.nanoTime();
        Process process = builder.start();
        AtomicLong answered = new AtomicLong();
        AtomicLong cpuTicks = new AtomicLong(-1);
        CountDownLatch answer = new CountDownLatch(1);
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> read(process, answered, cpuTicks, answer, output), "startup-output");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write("/help\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            if (!answer.await(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mode.name() + ": no answer to /help within 120 s; output:\n" + String.join("\n", output));
            }
            Thread.sleep(idleMillis);
            double rss = rssMib(process.pid());
            in.close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mode.name() + ": did not stop within 60 s after its input closed");
            }
            synchronized (output) {
                boolean aot = output.stream().anyMatch(line -> line.contains("Starting AOT-processed"));
                if (aot != mode.aot()) {
                    throw new IllegalStateException(mode.name() + ": AOT path " + (aot ? "taken" : "not taken") + "; output:\n"
                            + String.join("\n", output));
                }
            }
            return new Sample((answered.get() - began) / 1e9, cpuTicks.get() / TICKS_PER_SECOND, rss);
        } finally {
            process.destroyForcibly();
            reader.join(10_000);
        }
    }

    private static void read(Process process, AtomicLong answered, AtomicLong cpuTicks, CountDownLatch answer, List<String> output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (answer.getCount() > 0 && line.contains(ANSWER)) {
                    answered.set(System.nanoTime());
                    cpuTicks.set(cpuTicks(process.pid()));
                    answer.countDown();
                }
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.add("(output lost: " + e + ")");
            }
        }
    }

    /** The process's resident set from /proc (Linux), in MiB. */
    private static double rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /** User plus system CPU time of the process from /proc (Linux), in clock ticks: fields 14 and 15 of its stat line. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String loadAverage() throws IOException {
        Path loadavg = Path.of("/proc/loadavg");
        return Files.exists(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    }

    private interface Figure {
        double of(Sample sample);
    }

    private static double median(List<Sample> samples, Figure figure) {
        List<Double> values = samples.stream().map(figure::of).sorted(Comparator.naturalOrder()).toList();
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    private static double min(List<Sample> samples, Figure figure) {
        return samples.stream().mapToDouble(figure::of).min().orElseThrow();
    }

    private static double max(List<Sample> samples, Figure figure) {
        return samples.stream().mapToDouble(figure::of).max().orElseThrow();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("options look like --runs=5, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
