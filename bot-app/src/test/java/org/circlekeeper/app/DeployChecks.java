package org.circlekeeper.app;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The checks behind {@link DeployFilesTest}, each returning the problems it found (empty when all is well), so
 * the tests can also show that a broken file is caught. Kubernetes objects are checked field by field against
 * the Kubernetes API's own models (unknown or misspelt fields and missing required ones fail), the compose
 * file against the Compose Specification's JSON schema, and both against what circlekeeper needs of them.
 */
final class DeployChecks {

    /** The repository's deploy/ folder, seen from the bot-app module where the tests run. */
    static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    private static final Map<String, String> API_VERSIONS = Map.of(
            "Namespace", "v1", "ConfigMap", "v1", "Secret", "v1", "Service", "v1",
            "Deployment", "apps/v1", "StatefulSet", "apps/v1",
            "PodDisruptionBudget", "policy/v1", "Ingress", "networking.k8s.io/v1");

    private DeployChecks() {
    }

    /** Every YAML document in a file, as maps and lists; a file that does not parse throws. */
    static List<Object> documents(String yaml) {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(Path folder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    /**
     * One Kubernetes object against the API's model of its kind: the apiVersion that kind lives in, every field
     * known to the model at every depth, required fields present, and string-only values (env values, ConfigMap
     * data, container args) really strings, since the API server rejects YAML's bare numbers and booleans there.
     */
    static List<String> kubernetesObject(String where, Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        Object kind = object.get("kind");
        String expected = API_VERSIONS.get(String.valueOf(kind));
        if (expected == null) {
            problems.add(where + ": kind " + kind + " is not one the deploy checks know; add it to DeployChecks");
            return problems;
        }
        if (!expected.equals(object.get("apiVersion"))) {
            problems.add(where + ": a " + kind + " has apiVersion " + expected + ", not " + object.get("apiVersion"));
        }
        JsonElement json = new Gson().toJsonTree(object);
        try {
            Method validate = Class.forName("io.kubernetes.client.openapi.models.V1" + kind)
                    .getMethod("validateJsonElement", JsonElement.class);
            validate.invoke(null, json);
        } catch (InvocationTargetException e) {
            problems.add(where + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no Kubernetes model for " + kind, e);
        }
        stringsOnly(where, object, "", problems);
        return problems;
    }

    private static void stringsOnly(String where, Object node, String path, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                String child = path + "." + key;
                boolean stringValues = (key.equals("data") || key.equals("stringData") || key.equals("labels")
                        || key.equals("annotations") || key.equals("matchLabels")) && entry.getValue() instanceof Map<?, ?>;
                if (stringValues) {
                    ((Map<?, ?>) entry.getValue()).forEach((k, v) -> {
                        if (!(v instanceof String)) {
                            problems.add(where + ": " + child + "." + k + " must be a string (quote it), not " + v);
                        }
                    });
                }
                if ((key.equals("args") || key.equals("command")) && entry.getValue() instanceof List<?> list) {
                    list.forEach(v -> {
                        if (!(v instanceof String)) {
                            problems.add(where + ": " + child + " holds " + v + ", which must be a string (quote it)");
                        }
                    });
                }
                if (key.equals("value") && path.contains(".env") && !(entry.getValue() instanceof String)) {
                    problems.add(where + ": " + child + " must be a string (quote it), not " + entry.getValue());
                }
                stringsOnly(where, entry.getValue(), child, problems);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                stringsOnly(where, item, path, problems);
            }
        }
    }

    /**
     * A kustomization: each resource it lists exists, and each YAML manifest in its folder is listed (except
     * {@code *.example.yaml}, which are never applied), so no manifest is forgotten.
     */
    static List<String> kustomization(Path file) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> kustomization = map(documents(read(file)).get(0));
        if (!"kustomize.config.k8s.io/v1beta1".equals(kustomization.get("apiVersion"))
                || !"Kustomization".equals(kustomization.get("kind"))) {
            problems.add(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        Path folder = file.getParent();
        List<String> resources = strings(kustomization.get("resources"));
        for (String resource : resources) {
            if (!Files.exists(folder.resolve(resource))) {
                problems.add(file + ": lists " + resource + ", which does not exist");
            }
        }
        try (Stream<Path> here = Files.list(folder)) {
            here.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .filter(n -> !n.equals("kustomization.yaml") && !n.endsWith(".example.yaml"))
                    .filter(n -> !resources.contains(n))
                    .forEach(n -> problems.add(file + ": does not list " + n + " (list it, or name it *.example.yaml)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    // ---------------------------------------------------------------- Compose

    /** A compose file against the Compose Specification's JSON schema (unknown keys and wrong types fail). */
    static List<String> composeSchema(String yaml) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:deploy/compose-spec.json"));
        return schema.validate(yaml, InputFormat.YAML).stream().map(Object::toString).toList();
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (node instanceof Map<?, ?>) {
            return (Map<String, Object>) node;
        }
        return new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node instanceof List<?> ? (List<Object>) node : List.of();
    }

    static List<String> strings(Object node) {
        return list(node).stream().map(String::valueOf).toList();
    }

    /** The value at a dotted path of map keys ({@code spec.template.spec}), or null. */
    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }
}
