package org.circlekeeper.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The update threads: one chat's updates in the order they came, other chats on any free thread meanwhile, so an update
 * never waits behind another chat's while a thread is idle (as with a thread chosen by the chat's hash).
 */
class ChatWorkersTest {

    @Test
    void aChatsUpdatesRunInOrderWhileAnotherChatRunsOnAFreeThread() throws InterruptedException {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch otherChatRan = new CountDownLatch(1);
        CountDownLatch allRan = new CountDownLatch(4);
        try (ChatWorkers workers = new ChatWorkers(2, "test-chat-workers")) {
            workers.execute(1L, () -> {
                firstStarted.countDown();
                await(releaseFirst);
                ran.add("chat 1, first");
                allRan.countDown();
            });
            assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
            workers.execute(1L, () -> {
                ran.add("chat 1, second");
                allRan.countDown();
            });
            workers.execute(3L, () -> {
                // 3 and 1 share a thread when the thread is chosen by the chat modulo 2: here a free thread takes it
                ran.add("chat 3");
                otherChatRan.countDown();
                allRan.countDown();
            });

            assertThat(otherChatRan.await(30, TimeUnit.SECONDS)).as("another chat's update while chat 1's first still runs").isTrue();
            assertThat(ran).containsExactly("chat 3");

            releaseFirst.countDown();
            workers.execute(1L, () -> {
                ran.add("chat 1, third");
                allRan.countDown();
            });
            assertThat(allRan.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran).containsExactly("chat 3", "chat 1, first", "chat 1, second", "chat 1, third");
    }

    @Test
    void aTaskThatThrowsDoesNotStopItsChatsQueue() throws InterruptedException {
        CountDownLatch next = new CountDownLatch(1);
        try (ChatWorkers workers = new ChatWorkers(1, "test-chat-workers")) {
            workers.execute(7L, () -> {
                throw new IllegalStateException("a defect outside the update's own guard");
            });
            workers.execute(7L, next::countDown);
            assertThat(next.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closingFinishesTheTasksAlreadyTaken() {
        List<Integer> ran = new CopyOnWriteArrayList<>();
        ChatWorkers workers = new ChatWorkers(1, "test-chat-workers");
        for (int i = 0; i < 50; i++) {
            int number = i;
            workers.execute(number % 3, () -> ran.add(number));
        }
        workers.close();
        assertThat(ran).hasSize(50);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
