package org.circlekeeper.core.message;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.Preferences;
import org.circlekeeper.core.schedule.DeadJob;
import org.circlekeeper.core.schedule.RetryLater;
import org.circlekeeper.core.template.Speech;
import org.circlekeeper.core.template.TemplateRenderer;
import org.circlekeeper.core.template.WordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How features speak first (reminders, prompts, flow steps): a {@link Voice} renders in the right
 * language, zone and community wording for a group channel or one member, and sends through the
 * platform's {@link Messenger}. What a due job sends goes {@link Voice#sendOnce once} per job and target, however often
 * the job runs, through the shared {@link DeliveryLog}.
 */
public final class Outbox {

    /**
     * How long a delivery begun stays its sender's before another run of the same job may send it: longer than a job's
     * lease (a stalled holder's lease runs out first) and than any platform wait, which is bounded well below a lease.
     */
    public static final Duration SEND_HOLD = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final TemplateRenderer renderer;
    private final WordingStore wording;
    private final Preferences.Lookup preferences;
    private final Messengers messengers;
    private final DeliveryLog deliveries;
    private final Clock clock;
    private final Predicate<CommunityRef> away;

    /** An outbox that speaks in every community (for tests of one feature; the bot's own says where it was removed). */
    public Outbox(TemplateRenderer renderer, WordingStore wording, Preferences.Lookup preferences, Messengers messengers,
                  DeliveryLog deliveries, Clock clock) {
        this(renderer, wording, preferences, messengers, deliveries, clock, community -> false);
    }

    /**
     * @param away true for a community that removed the bot: nothing is sent for it, neither in its channels nor to
     *             its members privately, until it is back
     */
    public Outbox(TemplateRenderer renderer, WordingStore wording, Preferences.Lookup preferences, Messengers messengers,
                  DeliveryLog deliveries, Clock clock, Predicate<CommunityRef> away) {
        this.away = Objects.requireNonNull(away, "away");
        this.renderer = renderer;
        this.wording = wording;
        this.preferences = preferences;
        this.messengers = messengers;
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A voice for a group channel of the community: its language, zone and wording. */
    public Voice forCommunity(CommunityRef community) {
        return new Voice(community, preferences.resolve(community));
    }

    /** Where the community's platform can reach its organisers, best first (see {@link Messenger#organisersOf}). */
    public List<Target> organisersOf(CommunityRef community) {
        return messengers.organisersOf(community);
    }

    /** A voice for one member, privately: their language and zone, the community's wording. */
    public Voice forMember(MemberRef member, CommunityRef community) {
        return new Voice(community, preferences.resolve(member, community));
    }

    /** Renders and sends in one community for one audience. */
    public final class Voice implements Speech {
        private final CommunityRef community;
        private final Preferences prefs;
        private Map<String, String> communityWording;
        private Boolean awayNow;

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

        /**
         * Whether the community removed the bot, asked once per voice (one job's or one event's sending), so a reminder
         * to many members reads the store once, not once a member.
         */
        private boolean away() {
            if (awayNow == null) {
                awayNow = away.test(community);
            }
            return awayNow;
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
            refuseWhileAway(away());
            return messengers.send(target, message);
        }

        /**
         * Sends a due job's message to a target unless it went there already, for whichever run of the job: a job run
         * again after its lease ran out mid-send, or after a failure further on, does not send it twice. Returns empty
         * when it had been sent, or when a run that began sending it died before it could say (see {@link DeliveryLog});
         * throws {@link RetryLater} when another run of the job is sending it right now.
         * A failed send frees the delivery for the next attempt and is thrown on.
         *
         * @param jobId the id of the job that sends (it names the occurrence: meeting, day, lead time)
         */
        public Optional<SentMessage> sendOnce(String jobId, Target target, OutgoingMessage message) {
            refuseWhileAway(away());
            String delivery = jobId + " " + key(target);
            String holder = UUID.randomUUID().toString();
            DeliveryLog.Start start = deliveries.begin(delivery, holder, clock.instant(), SEND_HOLD);
            if (start instanceof DeliveryLog.Start.AlreadySent) {
                LOG.info("job {} skipped a delivery that had gone out already (an earlier run of it sent it)", DeadJob.fingerprint(jobId));
                return Optional.empty();
            }
            if (start instanceof DeliveryLog.Start.Orphaned) {
                LOG.warn("job {} did not repeat a delivery whose sender stopped while sending it (at most once after a crash)", DeadJob.fingerprint(jobId));
                return Optional.empty();
            }
            if (start instanceof DeliveryLog.Start.Busy busy) {
                throw new RetryLater("another run of the job is sending the same message", busy.until());
            }
            SentMessage sent;
            WireHook.arm(() -> deliveries.onWire(delivery, holder));
            try {
                sent = messengers.send(target, message);
            } catch (Throwable e) {
                try {
                    deliveries.abandon(delivery, holder);
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            } finally {
                WireHook.disarm();
            }
            deliveries.sent(delivery, holder);
            return Optional.of(sent);
        }
    }

    /** True while the community has removed the bot: nothing is sent for it. */
    public boolean away(CommunityRef community) {
        return away.test(community);
    }

    /** A community that removed the bot is not written to, nor are its members about it: a permanent failure. */
    private static void refuseWhileAway(boolean away) {
        if (away) {
            throw new Messenger.DeliveryFailed("the bot was removed from the community; nothing is sent for it until it is "
                    + "added back", true, null);
        }
    }

    /** A target as ids only, for a delivery's key. */
    private static String key(Target target) {
        if (target instanceof Target.Channel channel) {
            return "channel:" + channel.channel().platform().id() + ":" + channel.channel().channelId();
        }
        return "member:" + ((Target.Member) target).member().key();
    }
}
