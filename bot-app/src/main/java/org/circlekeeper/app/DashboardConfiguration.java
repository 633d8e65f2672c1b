package org.circlekeeper.app;

import java.util.List;
import org.circlekeeper.core.Bot;
import org.circlekeeper.core.dashboard.Dashboard;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.circlekeeper.core.dashboard.DashboardLibrary;
import org.circlekeeper.core.dashboard.Trends;
import org.circlekeeper.core.dashboard.WordingPage;
import org.circlekeeper.core.message.Messenger;
import org.circlekeeper.core.message.Messengers;
import org.circlekeeper.core.platform.OrganiserCheck;
import org.circlekeeper.core.platform.OrganiserChecks;
import org.circlekeeper.web.ActionsController;
import org.circlekeeper.web.DashboardController;
import org.circlekeeper.web.DashboardGuard;
import org.circlekeeper.web.LibraryController;
import org.circlekeeper.web.OwnPageController;
import org.circlekeeper.web.TrendsController;
import org.circlekeeper.web.WebRequests;
import org.circlekeeper.web.WeekController;
import org.circlekeeper.web.WordingController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The organisers' page (the web adapter), on only when the app has a web port and a public address
 * ({@code circlekeeper.web.public-url}) to put in the sign-in links; otherwise {@code /dashboard} says the page is off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DashboardConfiguration.Wanted.class)
class DashboardConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardConfiguration.class);
    static final String PUBLIC_URL = "circlekeeper.web.public-url";

    /** Both settings are there: a web port and a public address. */
    static final class Wanted implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return in(context.getEnvironment());
        }

        static boolean in(Environment environment) {
            String port = environment.getProperty(WebPortEnvironmentPostProcessor.PORT);
            String url = environment.getProperty(PUBLIC_URL);
            return port != null && !port.isBlank() && url != null && !url.isBlank();
        }
    }

    @Bean
    DashboardAddress dashboardAddress(CirclekeeperProperties properties) {
        DashboardAddress address = DashboardAddress.parse(properties.web().publicUrl());
        LOG.info("organisers' page: on, at {}{}", address.base(), DashboardAddress.PATH);
        return address;
    }

    @Bean
    WebRequests webRequests(Bot.Assembly bot, DashboardAddress address, ObjectProvider<OrganiserCheck> organisers) {
        return WebRequests.of(bot.part(Dashboard.class).orElseThrow(() ->
                new IllegalStateException("the organisers' page is on, but the bot has no Dashboard feature")), address,
                new OrganiserChecks(organisers.orderedStream().toList()));
    }

    @Bean
    DashboardController dashboardController(WebRequests web) {
        return new DashboardController(web);
    }

    @Bean
    ActionsController actionsController(WebRequests web, Bot.Assembly bot, List<Messenger> messengers) {
        return new ActionsController(web, bot.engine(), new Messengers(messengers));
    }

    @Bean
    WeekController weekController(WebRequests web) {
        return new WeekController(web);
    }

    @Bean
    OwnPageController ownPageController(WebRequests web, Bot.Assembly bot) {
        return new OwnPageController(web, bot.engine());
    }

    @Bean
    WordingController wordingController(WebRequests web, Bot.Assembly bot) {
        return new WordingController(web, bot.engine(), bot.part(WordingPage.class).orElseThrow(() ->
                new IllegalStateException("the organisers' page is on, but the bot has no community wording")));
    }

    @Bean
    LibraryController libraryController(WebRequests web, Bot.Assembly bot) {
        return new LibraryController(web, bot.part(DashboardLibrary.class).orElseThrow(() ->
                new IllegalStateException("the organisers' page is on, but the bot has no DashboardLibrary")), bot.engine());
    }

    @Bean
    TrendsController trendsController(WebRequests web, Bot.Assembly bot) {
        return new TrendsController(web, bot.part(Trends.class).orElseThrow(() ->
                new IllegalStateException("the organisers' page is on, but the bot has no trends")));
    }

    @Bean
    DashboardGuard dashboardGuard(DashboardAddress address) {
        return new DashboardGuard(address);
    }
}
