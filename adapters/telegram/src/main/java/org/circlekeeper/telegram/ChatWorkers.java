package org.circlekeeper.telegram;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that handle updates: one chat's updates run one after another in the order they came, while different
 * chats run in parallel on any free thread. A chat is never tied to one thread, so an update never waits behind another
 * chat's update while a thread is idle (as it would with a thread chosen by the chat's hash). Each task handles its own
 * failures (see {@link TelegramUpdates#accept}); a task that still throws is dropped and the chat's queue goes on.
 */
final class ChatWorkers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatWorkers.class);

    private final ExecutorService pool;
    /** The waiting tasks of each chat that has one running; guarded by {@code this}. */
    private final Map<Long, ArrayDeque<Runnable>> waiting = new HashMap<>();

    ChatWorkers(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one worker thread handles updates");
        }
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, name + "-" + number.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} after every task of {@code chat} given before it; tasks of other chats may run meanwhile. */
    void execute(long chat, Runnable task) {
        synchronized (this) {
            ArrayDeque<Runnable> queue = waiting.get(chat);
            if (queue != null) {
                queue.add(task);
                return;
            }
            waiting.put(chat, new ArrayDeque<>());
        }
        try {
            pool.execute(() -> drain(chat, task));
        } catch (RuntimeException e) {
            synchronized (this) {
                waiting.remove(chat);
            }
            throw e;
        }
    }

    /** Runs the chat's tasks on this thread until its queue is empty, so close() finishes every task taken. */
    private void drain(long chat, Runnable first) {
        Runnable task = first;
        while (task != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                // each task is one update's whole unit of work and catches its own failures; this is the last guard
                // so that one chat's queue never stalls
                LOG.error("an update's task failed outside its own guard: {}", e.getClass().getName(), e);
            }
            synchronized (this) {
                ArrayDeque<Runnable> queue = waiting.get(chat);
                task = queue.poll();
                if (task == null) {
                    waiting.remove(chat);
                }
            }
        }
    }

    /** Takes no more tasks and waits up to {@code seconds} for the ones taken to finish, then interrupts them. */
    void close(long seconds) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(10);
    }
}
