package org.circlekeeper.core.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.template.Speech;

/** The resource feature's {@link CrisisSupport}: the crisis-line directory, the safety phrases, the catalog and the safety settings. */
public final class ResourceCrisisSupport implements CrisisSupport {

    private final CrisisLines lines;
    private final SafetyPhrases phrases;
    private final ResourceCatalog catalog;
    private final ResourceStore resources;
    private final MemberSettingsStore members;

    /** @param members where each member's country is kept (their crisis lines are those of their country) */
    public ResourceCrisisSupport(CrisisLines lines, SafetyPhrases phrases, ResourceCatalog catalog, ResourceStore resources,
                                 MemberSettingsStore members) {
        this.lines = Objects.requireNonNull(lines, "lines");
        this.phrases = Objects.requireNonNull(phrases, "phrases");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.members = Objects.requireNonNull(members, "members");
    }

    @Override
    public String crisisCard(Speech speech, MemberRef member) {
        CrisisLookup lookup = lines.forCountry(members.get(member).countrySetting(), speech.locale());
        return speech.text(CrisisLines.CARD, CrisisLines.cardValues(lookup));
    }

    @Override
    public boolean soundsLikeCrisis(String text) {
        return phrases.matches(text);
    }

    @Override
    public List<Technique> techniques(List<String> ids, Locale locale) {
        List<Technique> out = new ArrayList<>();
        for (String id : ids) {
            catalog.entry(id).ifPresent(entry -> out.add(new Technique(entry.id(), entry.text(locale).title(),
                    entry.text(locale).summary(), entry.untranslatedLanguage(locale))));
        }
        return out;
    }

    @Override
    public Optional<ChannelRef> supportAlertChannel(CommunityRef community) {
        SafetySettings safety = resources.safety(community);
        return safety.alerts() ? Optional.ofNullable(safety.alertChannel()) : Optional.empty();
    }
}
