package org.circlekeeper.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.Stores;
import org.circlekeeper.core.checkin.AesGcmNoteCipher;
import org.circlekeeper.core.checkin.CheckinOptions;
import org.circlekeeper.core.checkin.NoteCipher;
import org.circlekeeper.core.checkin.NoteKeyFile;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.engine.Engine;
import org.circlekeeper.core.engine.PlacePresence;
import org.circlekeeper.core.engine.PlacePresences;
import org.circlekeeper.core.message.EventMirror;
import org.circlekeeper.core.message.EventMirrors;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.ref.Metrics;
import org.circlekeeper.core.schedule.Scheduler;
import org.circlekeeper.core.schedule.VirtualClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The core: templates (with the deployment's override folder), the clock and every feature,
 * assembled by {@link Bot#builder} from {@link Bot#FEATURES} exactly as the tests assemble it.
 */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CoreConfiguration.class);

    /**
     * While the console is the only adapter: a virtual clock that starts at the real time, which the console demo
     * moves with {@code :clock} (and runs due jobs after each move). See {@link TimeChoice}.
     */
    @Bean
    @Conditional(TimeChoice.Virtual.class)
    VirtualClock clock() {
        return new VirtualClock(Instant.now());
    }

    /**
     * Otherwise real time, in UTC (zones are per community and member); due jobs run on a timer. A console beside a
     * chat platform shares it.
     */
    @Bean
    @Conditional(TimeChoice.Real.class)
    Clock systemClock() {
        return Clock.systemUTC();
    }

    @Bean
    Bot.Assembly bot(Stores stores, CirclekeeperProperties properties, Clock clock, List<Messenger> messengers,
                     CheckinOptions checkins, Metrics metrics, ObjectProvider<EventMirror> mirrors,
                     ObjectProvider<PlacePresence> presences, ObjectProvider<DashboardAddress> dashboard) {
        Bot.Defaults defaults = new Bot.Defaults(properties.defaults().locale(), properties.defaults().zone(),
                properties.communities().keptAfterRemoval());
        Bot.Builder builder = Bot.builder().stores(stores).clock(clock).defaults(defaults)
                .templateOverrides(properties.templates().overrideDir())
                .messengers(new Messengers(messengers))
                .with(CheckinOptions.class, checkins)
                .with(PlacePresences.class, new PlacePresences(presences.orderedStream().toList()))
                .metrics(metrics)
                .mirrors(new EventMirrors(mirrors.orderedStream().toList()));
        // the organisers' page's address, only where the page is on (DashboardConfiguration); without it /dashboard says so
        dashboard.ifAvailable(address -> builder.with(DashboardAddress.class, address));
        return builder.build();
    }

    /**
     * The note key from {@code circlekeeper.security.note-key}; without one, the embedded Redis's box keeps
     * its own in {@code note.key} beside the Redis data folder (owner-only). An external Redis is shared by
     * replicas, so each would make a different key: it needs the key configured.
     */
    @Bean
    CheckinOptions checkinOptions(CirclekeeperProperties properties) {
        String configured = properties.security().noteKey();
        NoteCipher cipher;
        if (configured != null && !configured.isBlank()) {
            cipher = AesGcmNoteCipher.fromBase64(configured);
            LOG.info("check-in notes: sealed with the configured note key");
        } else if (properties.redis().embeddedWanted()) {
            Path file = properties.redis().embedded().dataDir().toAbsolutePath().normalize().resolveSibling("note.key");
            cipher = AesGcmNoteCipher.fromBase64(NoteKeyFile.loadOrCreate(file));
            LOG.info("check-in notes: sealed with the local key in {}", file);
        } else {
            throw new IllegalStateException("circlekeeper.security.note-key (CIRCLEKEEPER_SECURITY_NOTE_KEY) is not set: "
                    + "with an external Redis every replica needs the same key to read check-in notes. "
                    + "Make one with `openssl rand -base64 32` and keep it safe: notes cannot be read without it.");
        }
        return new CheckinOptions(cipher, properties.checkins().retention());
    }

    @Bean
    Engine engine(Bot.Assembly bot) {
        return bot.engine();
    }

    @Bean
    Scheduler scheduler(Bot.Assembly bot) {
        return bot.scheduler();
    }
}
