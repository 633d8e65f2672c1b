package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circlekeeper.app.DeployChecks.DEPLOY;
import static org.circlekeeper.app.DeployChecks.at;
import static org.circlekeeper.app.DeployChecks.documents;
import static org.circlekeeper.app.DeployChecks.list;
import static org.circlekeeper.app.DeployChecks.map;
import static org.circlekeeper.app.DeployChecks.read;
import static org.circlekeeper.app.DeployChecks.strings;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.circlekeeper.core.circle.CalendarFeeds;
import org.circlekeeper.core.dashboard.DashboardAddress;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * Validates everything in deploy/, so that a broken manifest fails the build: every YAML file parses and is of
 * a kind checked here; Kubernetes objects match the API's models and fit together (selectors, ports, probes,
 * Secret and ConfigMap names, kustomizations); the compose file matches the Compose schema and keeps Redis
 * durable; the Dockerfile builds every module and runs as a non-root user; the systemd unit runs the jar as its
 * own user with its state under /var/lib/circlekeeper.
 */
class DeployFilesTest {

    private static final Path K8S = DEPLOY.resolve("k8s");
    /** Every Kubernetes object in deploy/k8s, by "Kind/name", with the file it came from. */
    private static final Map<String, Map<String, Object>> OBJECTS = new LinkedHashMap<>();
    private static final Map<String, Path> SOURCES = new HashMap<>();

    @BeforeAll
    static void readManifests() {
        assertThat(K8S).isDirectory();
        for (Path file : DeployChecks.files(K8S, ".yaml", ".yml")) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            for (Object document : documents(read(file))) {
                Map<String, Object> object = map(document);
                String key = object.get("kind") + "/" + at(object, "metadata.name") + "@" + K8S.relativize(file.getParent());
                OBJECTS.put(key, object);
                SOURCES.put(key, file);
            }
        }
    }

    @Test
    void everyYamlFileInDeployParsesAndIsChecked() {
        List<Path> yamls = DeployChecks.files(DEPLOY, ".yaml", ".yml");
        assertThat(yamls).isNotEmpty();
        for (Path file : yamls) {
            List<Object> docs = documents(read(file));
            assertThat(docs).as(file + " holds at least one document").isNotEmpty();
            boolean checked = file.equals(DEPLOY.resolve("docker-compose.yml")) || file.startsWith(K8S);
            assertThat(checked).as(file + " is a kind of file DeployFilesTest checks: add its checks").isTrue();
        }
    }

    // ------------------------------------------------------------------ Kubernetes

    @Test
    void everyKubernetesObjectMatchesTheApiModels() {
        assertThat(OBJECTS).isNotEmpty();
        List<String> problems = new ArrayList<>();
        OBJECTS.forEach((key, object) -> problems.addAll(DeployChecks.kubernetesObject(SOURCES.get(key) + " " + key, object)));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKustomizationListsExactlyItsManifests() {
        List<Path> kustomizations = DeployChecks.files(K8S, "kustomization.yaml");
        assertThat(kustomizations).extracting(p -> K8S.relativize(p.getParent()).toString())
                .containsExactlyInAnyOrder("base", "discord-sharded", "redis-sentinel", "redis-cluster");
        List<String> problems = new ArrayList<>();
        kustomizations.forEach(k -> problems.addAll(DeployChecks.kustomization(k)));
        assertThat(problems).isEmpty();
    }

    @Test
    void aMisspeltFieldAMissingFileOrABareNumberIsCaught() throws IOException {
        Map<String, Object> deployment = deepCopy(object("Deployment", "circlekeeper", "base"));
        Map<String, Object> container = map(list(at(deployment, "spec.template.spec.containers")).get(0));
        container.put("readinesProbe", container.remove("readinessProbe"));
        assertThat(DeployChecks.kubernetesObject("typo", deployment)).singleElement().asString().contains("readinesProbe");

        Map<String, Object> configMap = deepCopy(object("ConfigMap", "circlekeeper-config", "base"));
        map(configMap.get("data")).put("CIRCLEKEEPER_WEB_PORT", 8080);
        assertThat(DeployChecks.kubernetesObject("number", configMap)).singleElement().asString().contains("quote it");

        Path folder = Files.createTempDirectory("kustomize");
        Files.writeString(folder.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - gone.yaml
                """);
        Files.writeString(folder.resolve("forgotten.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n");
        assertThat(DeployChecks.kustomization(folder.resolve("kustomization.yaml")))
                .anySatisfy(p -> assertThat(p).contains("gone.yaml"))
                .anySatisfy(p -> assertThat(p).contains("forgotten.yaml"));
    }

    @Test
    void theBotRunsSeveralReplicasWithProbesOnTheActuatorAndResources() {
        Map<String, Object> deployment = object("Deployment", "circlekeeper", "base");
        assertThat((Integer) at(deployment, "spec.replicas")).isGreaterThanOrEqualTo(2);
        assertThat(map(at(deployment, "spec.template.metadata.labels")))
                .containsAllEntriesOf(stringMap(at(deployment, "spec.selector.matchLabels")));
        Map<String, Object> bot = container(deployment, "bot");
        List<String> portNames = list(bot.get("ports")).stream().map(p -> String.valueOf(map(p).get("name"))).toList();
        assertThat(at(bot, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(bot, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(at(bot, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(portNames).as(probe + "'s port").contains(String.valueOf(at(bot, probe + ".httpGet.port")));
        }
        Object webPort = at(object("ConfigMap", "circlekeeper-config", "base"), "data.CIRCLEKEEPER_WEB_PORT");
        assertThat(list(bot.get("ports"))).as("the container port is the app's web port")
                .anySatisfy(p -> assertThat(String.valueOf(map(p).get("containerPort"))).isEqualTo(webPort));
        assertThat(at(deployment, "spec.template.metadata.annotations"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("prometheus.io/path", "/actuator/prometheus").containsEntry("prometheus.io/port", webPort);
        assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
    }

    @Test
    void everyContainerHasResourceRequestsAndLimits() {
        OBJECTS.forEach((key, object) -> {
            for (Object c : list(at(object, "spec.template.spec.containers"))) {
                Map<String, Object> container = map(c);
                for (String path : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                    assertThat(at(container.get("resources"), path)).as(key + " container " + container.get("name") + " " + path)
                            .isNotNull();
                }
            }
        });
    }

    @Test
    void servicesIngressAndBudgetReachTheRightPods() {
        for (Map.Entry<String, Map<String, Object>> entry : OBJECTS.entrySet()) {
            Map<String, Object> object = entry.getValue();
            String kind = String.valueOf(object.get("kind"));
            if (kind.equals("Service")) {
                Map<String, String> selector = stringMap(at(object, "spec.selector"));
                List<Map<String, Object>> pods = workloadsMatching(selector, overlay(entry.getKey()));
                assertThat(pods).as(entry.getKey() + " selects the pods of a workload").isNotEmpty();
                for (Object port : list(at(object, "spec.ports"))) {
                    Object target = map(port).get("targetPort");
                    for (Map<String, Object> workload : pods) {
                        assertThat(containerPorts(workload)).as(entry.getKey() + " targetPort " + target).contains(String.valueOf(target));
                    }
                }
            }
            if (kind.equals("PodDisruptionBudget")) {
                assertThat(workloadsMatching(stringMap(at(object, "spec.selector.matchLabels")), overlay(entry.getKey())))
                        .as(entry.getKey() + " covers the bot").isNotEmpty();
            }
        }
        Map<String, Object> ingress = object("Ingress", "circlekeeper", "base");
        List<Object> paths = list(at(map(list(at(ingress, "spec.rules")).get(0)), "http.paths"));
        assertThat(paths).extracting(p -> map(p).get("path"))
                .as("only Telegram's webhook, the calendar feeds and the organisers' page are public")
                .containsExactlyInAnyOrder("/telegram", CalendarFeeds.PATH_PREFIX.replaceAll("/$", ""), DashboardAddress.PATH);
        assertThat(paths).allSatisfy(p -> {
            Map<String, Object> service = object("Service", String.valueOf(at(p, "backend.service.name")), "base");
            assertThat(list(at(service, "spec.ports"))).anySatisfy(port ->
                    assertThat(map(port).get("name")).isEqualTo(at(p, "backend.service.port.name")));
        });
        assertThat(list(at(ingress, "spec.tls"))).as("Telegram only calls https webhooks").isNotEmpty();
    }

    @Test
    void telegramsWebhookUrlReachesTheAppsEndpointThroughTheIngress() {
        TelegramProperties defaults = Binder
                .get(new StandardEnvironment())
                .bindOrCreate("circlekeeper.telegram", TelegramProperties.class);
        Map<String, Object> config = map(object("ConfigMap", "circlekeeper-config", "base").get("data"));
        assertThat(config).containsEntry("CIRCLEKEEPER_TELEGRAM_MODE", "webhook").doesNotContainKey("CIRCLEKEEPER_TELEGRAM_WEBHOOK_PATH");
        URI url = URI.create(String.valueOf(config.get("CIRCLEKEEPER_TELEGRAM_WEBHOOK_URL")));
        assertThat(url.getScheme()).isEqualTo("https");
        assertThat(url.getPath()).as("the webhook URL ends in the app's endpoint path").isEqualTo(defaults.webhook().path());
        Map<String, Object> ingress = object("Ingress", "circlekeeper", "base");
        Map<String, Object> rule = map(list(at(ingress, "spec.rules")).get(0));
        assertThat(rule.get("host")).isEqualTo(url.getHost());
        assertThat(strings(map(list(at(ingress, "spec.tls")).get(0)).get("hosts"))).contains(url.getHost());
        assertThat(list(at(rule, "http.paths"))).as("an Ingress path leads to the webhook")
                .anySatisfy(p -> assertThat(url.getPath()).startsWith(String.valueOf(map(p).get("path")) + "/"));
    }

    @Test
    void theOrganisersPageIsOnAndRoutedThroughTheIngressToTheWebPortOverTls() {
        Map<String, Object> config = map(object("ConfigMap", "circlekeeper-config", "base").get("data"));
        assertThat(config).containsKeys("CIRCLEKEEPER_WEB_PORT", "CIRCLEKEEPER_WEB_PUBLIC_URL");
        DashboardAddress address = DashboardAddress.parse(String.valueOf(config.get("CIRCLEKEEPER_WEB_PUBLIC_URL")));
        assertThat(address.secure()).as("the page's cookie and links travel over TLS only").isTrue();
        assertThat(address.base().getPath()).as("the page lives at the host's root, where the Ingress routes it").isEmpty();
        Map<String, Object> ingress = object("Ingress", "circlekeeper", "base");
        Map<String, Object> rule = map(list(at(ingress, "spec.rules")).get(0));
        assertThat(rule.get("host")).isEqualTo(address.base().getHost());
        assertThat(strings(map(list(at(ingress, "spec.tls")).get(0)).get("hosts"))).contains(address.base().getHost());
        Map<String, Object> page = list(at(rule, "http.paths")).stream().map(DeployChecks::map)
                .filter(p -> DashboardAddress.PATH.equals(p.get("path"))).findFirst().orElseThrow();
        assertThat(page.get("pathType")).as("every page under /dashboard").isEqualTo("Prefix");
        // the Ingress's Service port leads to the container port that listens on CIRCLEKEEPER_WEB_PORT
        Map<String, Object> service = object("Service", String.valueOf(at(page, "backend.service.name")), "base");
        Object target = list(at(service, "spec.ports")).stream().map(DeployChecks::map)
                .filter(port -> port.get("name").equals(at(page, "backend.service.port.name"))).findFirst().orElseThrow().get("targetPort");
        Map<String, Object> deployment = object("Deployment", "circlekeeper", "base");
        List<Object> ports = list(map(list(at(deployment, "spec.template.spec.containers")).get(0)).get("ports"));
        assertThat(ports).anySatisfy(port -> {
            assertThat(String.valueOf(map(port).get("name"))).isEqualTo(String.valueOf(target));
            assertThat(String.valueOf(map(port).get("containerPort"))).isEqualTo(String.valueOf(config.get("CIRCLEKEEPER_WEB_PORT")));
        });
    }

    @Test
    void secretAndConfigReferencesExistInTheExampleSecretAndTheConfigMap() {
        Map<String, Object> secret = object("Secret", "circlekeeper-secrets", "base");
        assertThat(SOURCES.get("Secret/circlekeeper-secrets@base").getFileName().toString()).endsWith(".example.yaml");
        Map<String, String> example = stringMap(secret.get("stringData"));
        assertThat(example.values()).as("example values say they are examples").allSatisfy(v -> assertThat(v).startsWith("EXAMPLE-ONLY"));
        OBJECTS.forEach((key, object) -> {
            for (Object c : list(at(object, "spec.template.spec.containers"))) {
                for (Object env : list(map(c).get("env"))) {
                    Object ref = at(env, "valueFrom.secretKeyRef");
                    if (ref != null) {
                        assertThat(at(ref, "name")).as(key).isEqualTo("circlekeeper-secrets");
                        assertThat(example).as(key + " reads a key the Secret has").containsKey(String.valueOf(at(ref, "key")));
                    }
                }
                for (Object from : list(map(c).get("envFrom"))) {
                    if (at(from, "secretRef") != null) {
                        assertThat(at(from, "secretRef.name")).as(key).isEqualTo("circlekeeper-secrets");
                    }
                    if (at(from, "configMapRef") != null) {
                        assertThat(OBJECTS).as(key).containsKey("ConfigMap/" + at(from, "configMapRef.name") + "@base");
                    }
                }
            }
        });
    }

    @Test
    void redisKeepsAnAppendOnlyFileOnAPersistentVolume() {
        Map<String, Object> redis = object("StatefulSet", "redis", "base");
        Map<String, Object> container = container(redis, "redis");
        String args = String.join(" ", strings(container.get("args")));
        assertThat(args).contains("--appendonly yes").contains("--dir /data").contains("--requirepass $(REDIS_PASSWORD)");
        List<Object> claims = list(at(redis, "spec.volumeClaimTemplates"));
        assertThat(claims).singleElement().satisfies(claim -> {
            assertThat(at(claim, "spec.resources.requests.storage")).isNotNull();
            assertThat(list(container.get("volumeMounts"))).anySatisfy(m -> {
                assertThat(map(m).get("name")).isEqualTo(at(claim, "metadata.name"));
                assertThat(map(m).get("mountPath")).isEqualTo("/data");
            });
        });
        assertThat(OBJECTS).containsKey("Service/" + at(redis, "spec.serviceName") + "@base");
        Object url = list(container(object("Deployment", "circlekeeper", "base"), "bot").get("env")).stream()
                .filter(e -> "CIRCLEKEEPER_REDIS_URL".equals(map(e).get("name"))).map(e -> map(e).get("value")).findFirst().orElseThrow();
        assertThat(String.valueOf(url)).isEqualTo("redis://:$(REDIS_PASSWORD)@redis:6379/0");
    }

    @Test
    void theShardedStatefulSetRunsTheSamePodsAsTheDeploymentPlusItsReplicaPlace() {
        Map<String, Object> deployment = object("Deployment", "circlekeeper", "base");
        Map<String, Object> statefulSet = object("StatefulSet", "circlekeeper", "discord-sharded");
        Map<String, Object> podOfSet = deepCopy(map(at(statefulSet, "spec.template")));
        Map<String, Object> bot = map(list(at(podOfSet, "spec.containers")).get(0));
        Map<String, Object> extra = new LinkedHashMap<>();
        List<Object> env = new ArrayList<>(list(bot.get("env")));
        env.removeIf(e -> {
            String name = String.valueOf(map(e).get("name"));
            if (name.startsWith("CIRCLEKEEPER_REPLICA_") || name.startsWith("CIRCLEKEEPER_DISCORD_SHARDS_")) {
                extra.put(name, map(e).containsKey("value") ? map(e).get("value") : at(e, "valueFrom.fieldRef.fieldPath"));
                return true;
            }
            return false;
        });
        bot.put("env", env);
        Map<String, Object> podOfDeployment = deepCopy(map(at(deployment, "spec.template")));
        List<Object> deploymentEnv = list(map(list(at(podOfDeployment, "spec.containers")).get(0)).get("env"));
        assertThat(deploymentEnv).as("the base keeps Discord off: its replicas would all connect every shard")
                .anySatisfy(e -> assertThat(map(e)).containsEntry("name", "CIRCLEKEEPER_DISCORD_TOKEN").containsEntry("value", ""));
        deploymentEnv.removeIf(e -> "CIRCLEKEEPER_DISCORD_TOKEN".equals(map(e).get("name")));
        assertThat(podOfSet).as("the StatefulSet's pods equal the Deployment's, but for the replica settings and Discord")
                .isEqualTo(podOfDeployment);
        assertThat(extra).containsEntry("CIRCLEKEEPER_REPLICA_NAME", "metadata.name")
                .containsKeys("CIRCLEKEEPER_REPLICA_COUNT", "CIRCLEKEEPER_DISCORD_SHARDS_TOTAL");
        int replicas = (Integer) at(statefulSet, "spec.replicas");
        assertThat(Integer.parseInt(String.valueOf(extra.get("CIRCLEKEEPER_REPLICA_COUNT")))).as("replica count = replicas").isEqualTo(replicas);
        assertThat(Integer.parseInt(String.valueOf(extra.get("CIRCLEKEEPER_DISCORD_SHARDS_TOTAL")))).isGreaterThanOrEqualTo(replicas);
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        assertThat(OBJECTS).containsKey("Service/" + at(statefulSet, "spec.serviceName") + "@discord-sharded");
        String patches = read(K8S.resolve("discord-sharded/kustomization.yaml"));
        assertThat(patches).as("the overlay removes the base's Deployment").contains("$patch: delete").contains("kind: Deployment");
    }

    @Test
    void kustomizeBuildsEveryLayoutWhenKubectlIsInstalled() throws Exception {
        Path kubectl = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed; the model checks above still ran");
        for (String layout : List.of("base", "discord-sharded", "redis-sentinel", "redis-cluster")) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve(layout).toString())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("kubectl kustomize " + layout + ":\n" + output).isZero();
            List<String> kinds = documents(output).stream().map(d -> map(d).get("kind") + "/" + at(d, "metadata.name")).toList();
            boolean sharded = layout.equals("discord-sharded");
            assertThat(kinds).contains("Namespace/circlekeeper", "Ingress/circlekeeper")
                    .contains(sharded ? "StatefulSet/circlekeeper" : "Deployment/circlekeeper")
                    .doesNotContain(sharded ? "Deployment/circlekeeper" : "StatefulSet/circlekeeper")
                    .doesNotContain("Secret/circlekeeper-secrets");
            if (layout.startsWith("redis-")) {
                // a Redis of its own (Sentinel, cluster): the bundled one is gone and the bot is told the shape
                assertThat(kinds).doesNotContain("StatefulSet/redis", "Service/redis");
                assertThat(output).contains(layout.equals("redis-sentinel") ? "CIRCLEKEEPER_REDIS_SENTINEL_MASTER"
                        : "CIRCLEKEEPER_REDIS_CLUSTER_NODES");
            } else {
                assertThat(kinds).contains("StatefulSet/redis");
            }
            assertThat(documents(output)).allSatisfy(d -> {
                if (!"Namespace".equals(map(d).get("kind"))) {
                    assertThat(at(d, "metadata.namespace")).as(map(d).get("kind") + " namespace").isEqualTo("circlekeeper");
                }
            });
        }
    }

    // ------------------------------------------------------------------ Compose

    @Test
    void theComposeFileMatchesTheComposeSchema() {
        assertThat(DeployChecks.composeSchema(read(DEPLOY.resolve("docker-compose.yml")))).isEmpty();
        String misspelt = read(DEPLOY.resolve("docker-compose.yml")).replace("    environment:", "    enviroment:");
        assertThat(DeployChecks.composeSchema(misspelt)).as("a misspelt key is caught").isNotEmpty();
    }

    @Test
    void composeRunsTheBotWithADurableRedisAndSecretsFromDotEnv() {
        Map<String, Object> compose = map(documents(read(DEPLOY.resolve("docker-compose.yml"))).get(0));
        Map<String, Object> redis = map(at(compose, "services.redis"));
        Map<String, Object> bot = map(at(compose, "services.bot"));
        assertThat(String.join(" ", strings(redis.get("command")))).contains("--appendonly yes");
        String volume = strings(redis.get("volumes")).stream().filter(v -> v.endsWith(":/data")).findFirst().orElseThrow();
        assertThat(map(compose.get("volumes"))).containsKey(volume.substring(0, volume.indexOf(':')));
        assertThat(strings(bot.get("env_file"))).containsExactly(".env");
        assertThat(DEPLOY.resolve(".env.example")).isRegularFile();
        assertThat(at(bot, "depends_on.redis.condition")).isEqualTo("service_healthy");
        assertThat(String.valueOf(at(bot, "environment.CIRCLEKEEPER_REDIS_URL"))).startsWith("redis://redis:");
        Path context = DEPLOY.resolve(String.valueOf(at(bot, "build.context"))).normalize();
        assertThat(context.resolve(String.valueOf(at(bot, "build.dockerfile")))).isRegularFile();
        assertThat(strings(bot.get("ports"))).as("health and metrics stay on this machine").allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
        assertThat(read(DEPLOY.resolve(".env.example"))).doesNotContainPattern("(?m)^CIRCLEKEEPER_[A-Z_]*TOKEN=\\S");
    }

    // ------------------------------------------------------------------ Dockerfile

    @Test
    void theImageBuildsEveryModuleOnAJdkAndRunsOnAJreAsANonRootUser() {
        String dockerfile = read(DEPLOY.resolve("Dockerfile"));
        Path root = DEPLOY.getParent();
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jdk\\S* AS build$")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre\\S*$");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertThat(user.find()).as("a USER line").isTrue();
        assertThat(user.group(1)).as("a numeric non-root user (Kubernetes checks runAsNonRoot by number)").matches("[1-9][0-9]*(:[0-9]+)?");
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(.+) \\S+$").matcher(dockerfile);
        List<String> copied = new ArrayList<>();
        while (copy.find()) {
            for (String source : copy.group(1).split("\\s+")) {
                assertThat(root.resolve(source)).as("COPY " + source).exists();
                copied.add(source.replaceAll("/.*", ""));
            }
        }
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(read(root.resolve("pom.xml")));
        while (module.find()) {
            assertThat(copied).as("module " + module.group(1) + " is copied into the build").contains(module.group(1).replaceAll("/.*", ""));
        }
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK ").contains("/actuator/health/readiness")
                .doesNotContainPattern("(?m)^[^#]*\\b(curl|wget)\\b");
        assertThat(dockerfile).contains("EXPOSE 8080").contains("CIRCLEKEEPER_WEB_PORT=8080");
    }

    // ------------------------------------------------------------------ systemd

    @Test
    void theSystemdUnitRunsTheJarAsItsOwnUserWithStateInVarLib() throws Exception {
        Path unit = DEPLOY.resolve("systemd/circlekeeper.service");
        Map<String, Map<String, List<String>>> sections = unitFile(read(unit));
        assertThat(sections).containsKeys("Unit", "Service", "Install");
        Map<String, List<String>> service = sections.get("Service");
        assertThat(service.get("User")).singleElement().isNotEqualTo("root");
        assertThat(service.get("StateDirectory")).containsExactly("circlekeeper");
        assertThat(service.get("WorkingDirectory")).containsExactly("/var/lib/circlekeeper");
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/circlekeeper/circlekeeper.env");
        assertThat(service.get("ExecStart")).singleElement().asString().startsWith("/usr/bin/java ").contains(" -jar /opt/circlekeeper/circlekeeper.jar");
        assertThat(service.get("SuccessExitStatus")).containsExactly("143");
        assertThat(sections.get("Install").get("WantedBy")).containsExactly("multi-user.target");

        Map<String, String> env = envFile(DEPLOY.resolve("systemd/circlekeeper.env.example"));
        assertThat(env.get("CIRCLEKEEPER_REDIS_EMBEDDED_DATA_DIR")).startsWith("/var/lib/circlekeeper/");
        assertThat(env).containsEntry("CIRCLEKEEPER_CONSOLE_ENABLED", "false");
        assertThat(env.entrySet()).filteredOn(e -> e.getKey().endsWith("TOKEN")).allSatisfy(e -> assertThat(e.getValue()).isEmpty());

        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (Files.isExecutable(analyze)) {
            Process process = new ProcessBuilder(analyze.toString(), "verify", unit.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output.lines().filter(l -> l.contains("circlekeeper.service")).toList())
                    .as("systemd-analyze verify says:\n" + output).isEmpty();
        }
    }

    /** A unit file's sections and their keys, every value of a repeated key in order. */
    static Map<String, Map<String, List<String>>> unitFile(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(current).as("a key before any section: " + line).isNotNull();
            assertThat(equals).as("not key=value: " + line).isPositive();
            Objects.requireNonNull(current).computeIfAbsent(line.substring(0, equals).strip(), k -> new ArrayList<>())
                    .add(line.substring(equals + 1).strip());
        }
        return sections;
    }

    /** KEY=value lines of an environment file (comments and blank lines skipped); a repeated key fails. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : read(file).lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            assertThat(line).as(file + " line").matches("[A-Z][A-Z0-9_]*=.*");
            String key = line.substring(0, line.indexOf('='));
            assertThat(env.put(key, line.substring(line.indexOf('=') + 1))).as(file + " repeats " + key).isNull();
        }
        return env;
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> object(String kind, String name, String layout) {
        Map<String, Object> object = OBJECTS.get(kind + "/" + name + "@" + layout);
        assertThat(object).as(kind + "/" + name + " in deploy/k8s/" + layout).isNotNull();
        return object;
    }

    private static String overlay(String key) {
        return key.substring(key.indexOf('@') + 1);
    }

    /** Workloads (Deployments, StatefulSets) of this layout or the base whose pods carry all these labels. */
    private static List<Map<String, Object>> workloadsMatching(Map<String, String> selector, String layout) {
        List<Map<String, Object>> found = new ArrayList<>();
        OBJECTS.forEach((key, object) -> {
            String at = overlay(key);
            boolean visible = at.equals(layout) || at.equals("base");
            if (visible && at(object, "spec.template.metadata.labels") != null
                    && stringMap(at(object, "spec.template.metadata.labels")).entrySet().containsAll(selector.entrySet())) {
                found.add(object);
            }
        });
        return found;
    }

    private static List<String> containerPorts(Map<String, Object> workload) {
        List<String> ports = new ArrayList<>();
        for (Object c : list(at(workload, "spec.template.spec.containers"))) {
            for (Object p : list(map(c).get("ports"))) {
                ports.add(String.valueOf(map(p).get("name")));
                ports.add(String.valueOf(map(p).get("containerPort")));
            }
        }
        return ports;
    }

    private static Map<String, Object> container(Map<String, Object> workload, String name) {
        return list(at(workload, "spec.template.spec.containers")).stream().map(DeployChecks::map)
                .filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Map<String, String> stringMap(Object node) {
        Map<String, String> result = new LinkedHashMap<>();
        map(node).forEach((k, v) -> result.put(k, String.valueOf(v)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T node) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return node;
    }
}
