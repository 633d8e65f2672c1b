package org.circlekeeper.fault;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circlekeeper.telegram.FakeBotApi;

/**
 * Counts what the fake Telegram accepted against what was seeded: each reminder is one member's private chat and
 * one circle's name, so a {@code sendMessage} to that chat naming that circle is its delivery.
 *
 * @param expected  reminders seeded
 * @param delivered reminders delivered at least once
 * @param lost      reminders never delivered
 * @param doubled   deliveries beyond the first, summed over all reminders (a reminder sent three times counts 2)
 * @param repeated  reminders delivered more than once
 * @param stray     other messages the fake accepted in those chats (an error text, say), not counted above
 */
record Deliveries(int expected, int delivered, int lost, int doubled, int repeated, int stray) {

    static Deliveries count(FakeBotApi fake, List<Seeder.Reminder> reminders) {
        Map<Long, Seeder.Reminder> byChat = new HashMap<>();
        reminders.forEach(r -> byChat.put(r.chatId(), r));
        Map<Long, Integer> times = new HashMap<>();
        int stray = 0;
        for (FakeBotApi.Call call : fake.calls("sendMessage")) {
            Seeder.Reminder reminder = byChat.get(call.chatId());
            if (call.rejected() || reminder == null) {
                continue;
            }
            if (call.text().contains(reminder.circleName())) {
                times.merge(call.chatId(), 1, Integer::sum);
            } else {
                stray++;
            }
        }
        int delivered = times.size();
        int doubled = times.values().stream().mapToInt(n -> n - 1).sum();
        int repeated = (int) times.values().stream().filter(n -> n > 1).count();
        return new Deliveries(reminders.size(), delivered, reminders.size() - delivered, doubled, repeated, stray);
    }

    /** How many reminder deliveries the fake accepted so far, repeats included. */
    static int sends(FakeBotApi fake) {
        return (int) fake.calls("sendMessage").stream().filter(c -> !c.rejected()).count();
    }

    /** When the fake last accepted or refused a {@code sendMessage}, in {@link System#nanoTime()}; 0 before the first. */
    static long lastSend(FakeBotApi fake) {
        return fake.calls("sendMessage").stream().mapToLong(FakeBotApi.Call::nanoTime).max().orElse(0);
    }
}
