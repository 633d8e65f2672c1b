package org.circlekeeper.core.message;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.engine.CommunityRef;
import org.circlekeeper.core.engine.MemberRef;
import org.circlekeeper.core.engine.Preferences;
import org.circlekeeper.core.template.MessageKey;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;

/**
 * How features speak first (reminders, prompts, flow steps): a {@link Voice} renders in the right
 * language, zone and community wording for a group channel or one member, and sends through the
 * platform's {@link Messenger}.
 */
public final class Outbox {

    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final Preferences.Resolver preferences;
    private final Messengers messengers;

    public Outbox(TemplateRenderer renderer, WordingStore wording, Preferences.Resolver preferences, Messengers messengers) {
        this.renderer = renderer;
        this.wording = wording;
        this.preferences = preferences;
        this.messengers = messengers;
    }

    /** A voice for a group channel of the community: its language, zone and wording. */
    public Voice forCommunity(CommunityRef community) {
        return new Voice(community, preferences.resolve(community));
    }

    /** A voice for one member, privately: their language and zone, the community's wording. */
    public Voice forMember(MemberRef member, CommunityRef community) {
        return new Voice(community, preferences.resolve(member, community));
    }

    /** Renders and sends in one community for one audience. */
    public final class Voice implements org.circlekeeper.core.template.Speech {
        private final CommunityRef community;
        private final Preferences prefs;
        private Map<String, String> communityWording;

        private Voice(CommunityRef community, Preferences prefs) {
            this.community = community;
            this.prefs = prefs;
        }

        public Locale locale() {
            return prefs.locale();
        }

        public ZoneId zone() {
            return prefs.zone();
        }

        public String text(MessageKey key, Object... keyValues) {
            if (communityWording == null) {
                communityWording = wording.overrides(community, prefs.locale());
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                values.put((String) keyValues[i], keyValues[i + 1]);
            }
            return renderer.render(key, prefs.locale(), communityWording, values);
        }

        public OutgoingMessage.Builder compose(MessageKey key, Object... keyValues) {
            return OutgoingMessage.text(text(key, keyValues));
        }

        public SentMessage send(Target target, OutgoingMessage message) {
            return messengers.send(target, message);
        }
    }
}
