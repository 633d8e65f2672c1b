package org.circlekeeper.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every child process the suite starts, so that none outlives it: each scenario stops its own in a {@code finally},
 * and a shutdown hook kills whatever is left when the suite itself is stopped (Ctrl-C, SIGTERM).
 */
final class Children {

    private static final List<Process> RUNNING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Children::killAll, "fault-suite-cleanup"));
    }

    private Children() {
    }

    static synchronized Process track(Process process) {
        RUNNING.add(process);
        return process;
    }

    static synchronized void forget(Process process) {
        RUNNING.remove(process);
    }

    /** SIGKILL to every child still running, waiting a little for each to go. */
    static void killAll() {
        List<Process> left;
        synchronized (Children.class) {
            left = new ArrayList<>(RUNNING);
            RUNNING.clear();
        }
        for (Process process : left) {
            process.destroyForcibly();
        }
        for (Process process : left) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends SIGKILL ({@link Process#destroyForcibly()} on Linux) and returns the exit code, 137 for a SIGKILL. */
    static int sigkill(Process process) throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " did not end within 30 s of SIGKILL");
        }
        forget(process);
        return process.exitValue();
    }
}
