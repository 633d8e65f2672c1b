package org.circlekeeper.core.share;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;

/**
 * What the share circle keeps about a member: their place in sessions (name, queue, talking piece),
 * their offer to chair, and the chair rotation's question or acceptance. Never what they shared.
 */
final class ShareData implements PersonalData {

    private final ShareStore store;
    private final Sessions sessions;
    private final Clock clock;

    ShareData(ShareStore store, Sessions sessions, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "share-circle";
    }

    @Override
    public Map<String, Object> export(MemberRef member) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ShareRoom room : store.rooms(member)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> community = (Map<String, Object>) out.computeIfAbsent(room.community().key(), k -> {
                Map<String, Object> created = new LinkedHashMap<>();
                store.volunteers(room.community()).stream().filter(v -> v.person().same(member)).findFirst()
                        .ifPresent(v -> created.put("volunteerToChair", volunteer(v)));
                return created;
            });
            Map<String, Object> here = new LinkedHashMap<>();
            store.live(room).filter(s -> s.includes(member) || s.chairedBy(member) || s.left().contains(member.key())).ifPresent(s -> {
                here.put("inCircleNow", s.includes(member));
                if (s.left().contains(member.key())) {
                    // kept for the session's life only, so that coming back is not counted as a second person joining
                    here.put("leftThisCircleWhileItRuns", true);
                }
                // kept for the session's life only, so that the others see who is here and who holds the piece
                here.put("nameShownInCircle", s.member(member).or(() -> Optional.ofNullable(s.chair()).filter(p -> p.same(member)))
                        .map(Person::name).orElse(""));
                here.put("chair", s.chairedBy(member));
                here.put("placeInQueue", s.position(member));
                here.put("holdsTalkingPiece", s.holds(member));
            });
            ChairRotation rotation = store.rotation(room);
            if (rotation.proposed() != null && rotation.proposed().same(member)) {
                here.put("askedToChairNext", true);
                here.put("nameUsedToAskYou", rotation.proposed().name());
            }
            if (rotation.accepted() != null && rotation.accepted().same(member)) {
                here.put("chairsNext", true);
                here.put("nameUsedToAskYou", rotation.accepted().name());
            }
            if (rotation.declined().contains(member.key())) {
                here.put("saidNotThisTime", true);
            }
            if (!here.isEmpty()) {
                community.put(room.channel().channelId(), here);
            }
        }
        out.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        return out;
    }

    private static Map<String, Object> volunteer(Volunteer v) {
        Map<String, Object> item = new LinkedHashMap<>();
        // kept while they are on the list, so that the bot can ask them by name
        item.put("nameUsedToAskYou", v.person().name());
        item.put("since", v.since().toString());
        item.put("lastChaired", v.lastChaired() == null ? "" : v.lastChaired().toString());
        return item;
    }

    /** Takes the member out of every session (the piece moves on), the rotation and the volunteers. */
    @Override
    public void erase(MemberRef member) {
        for (ShareRoom room : store.rooms(member)) {
            sessions.apply(room, null, (s, f) -> Rules.leave(s, f, member, true, clock.instant()));
            for (int attempt = 0; attempt < Sessions.MAX_ATTEMPTS; attempt++) {
                ChairRotation rotation = store.rotation(room);
                if (!rotation.mentions(member.key()) || store.saveRotation(room, rotation.without(member.key()))) {
                    break;
                }
            }
            store.removeVolunteer(room.community(), member.key());
        }
        store.forget(member);
    }
}
