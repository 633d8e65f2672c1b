package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.circlekeeper.core.engine.PendingForms;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's check-ins as personal data: their check-ins (notes opened for them), journey, prompt choices,
 * buddy and a line waiting for their confirmation, in every community, plus how many members chose them as
 * a buddy (never who); erased completely, planned prompts and a note or line they were asked for included.
 */
final class CheckinData implements PersonalData {

    private static final Logger LOG = LoggerFactory.getLogger(CheckinData.class);

    private final CheckinStores stores;
    private final NoteCipher cipher;
    private final Prompts prompts;
    private final PendingForms pendingForms;

    CheckinData(CheckinStores stores, NoteCipher cipher, Prompts prompts, PendingForms pendingForms) {
        this.stores = stores;
        this.cipher = cipher;
        this.prompts = prompts;
        this.pendingForms = pendingForms;
    }

    @Override
    public String section() {
        return "checkins";
    }

    @Override
    public Map<String, Object> export(MemberRef member) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (CommunityRef community : sortedCommunities(member)) {
            Map<String, Object> section = new LinkedHashMap<>();
            List<Map<String, Object>> checkins = new ArrayList<>();
            for (Checkin checkin : stores.checkins().between(community, member, LocalDate.EPOCH, LocalDate.of(9999, 12, 31))) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("day", checkin.day().toString());
                item.put("mood", checkin.mood().level());
                if (checkin.hasNote()) {
                    item.put("note", cipher.open(checkin.note(), CheckinFlow.noteContext(community, member, checkin.day()))
                            .orElse("(sealed with an earlier key; it cannot be read any more)"));
                }
                item.put("savedAt", checkin.at().toString());
                checkins.add(item);
            }
            section.put("checkins", checkins);
            List<Map<String, Object>> marks = stores.journeys().journey(community, member).stream()
                    .map(j -> Map.<String, Object>of("day", j.day().toString(), "stage", j.stage().id())).toList();
            if (!marks.isEmpty()) {
                section.put("journey", marks);
            }
            CheckinProfile profile = stores.profiles().profile(community, member);
            if (!profile.isEmpty()) {
                Map<String, Object> choices = new LinkedHashMap<>();
                choices.put("prompts", profile.prompts());
                profile.ownTime().ifPresent(t -> choices.put("ownTime", t.toString()));
                profile.awayUntil().ifPresent(d -> choices.put("awayUntil", d.toString()));
                profile.buddySetting().ifPresent(b -> choices.put("buddy", b.isOrganisers() ? "organisers" : b.member().key()));
                profile.sinceDay().ifPresent(d -> choices.put("firstCheckin", d.toString()));
                section.put("choices", choices);
            }
            stores.lines().heldShare(community, member).ifPresent(waiting -> section.put("lineWaitingForYourConfirmation",
                    Map.of("line", waiting.line(), "channel", waiting.channel().channelId())));
            out.put(community.key(), section);
        }
        Map<CommunityRef, Set<MemberRef>> buddyOf = stores.profiles().buddyOf(member);
        if (!buddyOf.isEmpty()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            buddyOf.forEach((community, who) -> counts.put(community.key(), who.size()));
            out.put("buddyForMembers", counts);
        }
        return out;
    }

    @Override
    public void erase(MemberRef member) {
        for (CommunityRef community : stores.members().communities(member)) {
            prompts.cancel(community, member);
        }
        stores.members().eraseMember(member);
        // a note or a line the member was asked for would otherwise wait, under their id, for their next message
        pendingForms.clear(member);
        LOG.info("a member's check-ins were erased on {}", member.platform().id());
    }

    private List<CommunityRef> sortedCommunities(MemberRef member) {
        return new LinkedHashSet<>(stores.members().communities(member)).stream()
                .sorted(Comparator.comparing(CommunityRef::key)).toList();
    }
}
