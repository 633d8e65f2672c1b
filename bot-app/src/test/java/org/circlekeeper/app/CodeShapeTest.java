package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Keeps the shape issue #16 gave the code from drifting back, over every module's sources (the core, the adapters,
 * the app, the benchmarks and the fault suite): no main class over {@value #MAX_LINES} lines but the few named below
 * with their reason, one helper that takes a SHA-256, no fully-qualified type name written inline where an
 * import would do, and every import block organised the same way. Each check is tried on a sample it must refuse, so none passes by finding nothing.
 */
class CodeShapeTest {

    /** About where a class starts doing more than one job: split it by job before it passes this. */
    static final int MAX_LINES = 400;

    /**
     * The main classes allowed past {@link #MAX_LINES}, by path, and why. A class leaves this list as soon as it is
     * back under the limit (the test says so), so the list stays as short as the truth.
     */
    static final Map<String, String> LONG_CLASSES = Map.of(
            "bot-core/src/main/java/org/circlekeeper/core/circle/WhenParser.java",
            "a parser: one pass whose order matters, in one place (its Javadoc says why)",
            "adapters/redis/src/main/java/org/circlekeeper/redis/RedisKeys.java",
            "the key schema table and nothing else (its Javadoc says why)");

    /**
     * The classes that may take a digest themselves: {@code Ids} is the one SHA-256 helper; Redis names a Lua script
     * by the SHA-1 of its source ({@code EVALSHA}, "Scripting with Lua" in the Redis docs), which {@code RedisScript}
     * computes.
     */
    static final Set<String> DIGEST_TAKERS = Set.of(
            "bot-core/src/main/java/org/circlekeeper/core/ref/Ids.java",
            "adapters/redis/src/main/java/org/circlekeeper/redis/RedisScript.java");

    private static final List<String> DIGEST_CALLS = List.of(
            "MessageDigest.getInstance", "DigestUtils.", "Hashing.sha", "Hashing.md5", "Hashing.murmur");

    private static final Path ROOT = repositoryRoot();
    private static final List<JavaSource> SOURCES = JavaSource.all(ROOT, true);

    @Test
    void noMainClassIsLongerThanTheLimitUnlessItIsListedWithItsReason() {
        assertThat(overLimit(SOURCES)).as("main classes over %s lines: split them by job (issue #16)", MAX_LINES)
                .isEmpty();
    }

    @Test
    void everyClassListedAsLongStillIsSoTheListOnlyShrinks() {
        Map<String, Integer> lines = new HashMap<>();
        SOURCES.forEach(s -> lines.put(s.path(), s.lines()));
        List<String> stale = new ArrayList<>();
        LONG_CLASSES.keySet().forEach(path -> {
            Integer count = lines.get(path);
            if (count == null) {
                stale.add(path + " is gone: take it off CodeShapeTest.LONG_CLASSES");
            } else if (count <= MAX_LINES) {
                stale.add(path + " is " + count + " lines now: take it off CodeShapeTest.LONG_CLASSES");
            }
        });
        assertThat(stale).isEmpty();
    }

    @Test
    void onlyIdsTakesASha256() {
        assertThat(digestTakers(SOURCES)).as("a SHA-256 is taken in ref.Ids only (Ids.sha256, sha256Hex, part, tag)")
                .isEmpty();
    }

    @Test
    void noFullyQualifiedTypeNameIsWrittenInlineWhereAnImportWouldDo() {
        assertThat(inlineQualifiedNames(SOURCES)).as("import these types instead of naming them inline").isEmpty();
    }

    @Test
    void everyImportBlockIsOrganisedTheSameWay() {
        assertThat(SOURCES.stream().filter(s -> !s.importsOrganised()).map(JavaSource::path).toList())
                .as("static imports first, then the others, each group sorted").isEmpty();
    }

    @Test
    void theChecksFindWhatTheyLookForOnSamples() {
        JavaSource longOne = JavaSource.of("adapters/x/src/main/java/org/circlekeeper/x/Long.java",
                "class Long {\n" + "    int a;\n".repeat(MAX_LINES) + "}\n");
        JavaSource longTest = JavaSource.of("adapters/x/src/test/java/org/circlekeeper/x/LongTest.java",
                "class LongTest {\n" + "    int a;\n".repeat(MAX_LINES) + "}\n");
        assertThat(overLimit(List.of(longOne, longTest))).containsExactly(
                "adapters/x/src/main/java/org/circlekeeper/x/Long.java: " + (MAX_LINES + 2) + " lines");

        JavaSource hasher = JavaSource.of("adapters/x/src/main/java/org/circlekeeper/x/Hasher.java", """
                /** Uses MessageDigest.getInstance in its Javadoc only: that is fine. */
                final class Hasher {
                    static byte[] sha(byte[] b) throws Exception {
                        return java.security.MessageDigest.getInstance("SHA-256").digest(b);
                    }
                }
                """);
        assertThat(digestTakers(List.of(hasher))).hasSize(1);
        assertThat(digestTakers(List.of(JavaSource.of("a/src/main/java/A.java",
                "/** MessageDigest.getInstance */ class A { String s = \"MessageDigest.getInstance\"; }")))).isEmpty();

        JavaSource named = JavaSource.of("adapters/x/src/main/java/org/circlekeeper/x/Named.java", """
                package org.circlekeeper.x;

                import java.util.List;
                import org.circlekeeper.core.message.Button;

                /** Mentions java.time.Instant in a comment, and "java.time.Duration" in a string: both fine. */
                final class Named {
                    @org.junit.jupiter.api.Timeout(60)
                    java.time.Instant at = null;
                    String text = "java.time.Duration";
                    net.dv8tion.jda.api.components.buttons.Button platformButton(Button button) {
                        return null;
                    }
                    java.time.Clock systemClock() {
                        return null;
                    }
                    org.circlekeeper.x.Clock ownClock() {
                        return null;
                    }
                    java.util.List<String> list() {
                        return List.of();
                    }
                }
                """);
        assertThat(named.importsOrganised()).isTrue();
        assertThat(JavaSource.of("a/src/main/java/A.java", "import java.util.Map;\nimport java.util.List;\nclass A {}\n")
                .importsOrganised()).isFalse();
        assertThat(JavaSource.of("a/src/main/java/A.java",
                "import java.util.List;\nimport static java.util.Map.of;\nclass A {}\n").importsOrganised()).isFalse();
        for (String nested : new String[] {"import a.B.C;\nimport a.B;\nimport a.BC;\n", "import a.B;\nimport a.B.C;\nimport a.BC;\n"}) {
            assertThat(JavaSource.of("a/src/main/java/A.java", nested + "class A {}\n").importsOrganised()).as(nested).isTrue();
        }
        assertThat(named.inlineQualifiedNames(Set.of("Named", "Clock"))).containsExactly(
                "adapters/x/src/main/java/org/circlekeeper/x/Named.java:8: org.junit.jupiter.api.Timeout",
                "adapters/x/src/main/java/org/circlekeeper/x/Named.java:9: java.time.Instant",
                "adapters/x/src/main/java/org/circlekeeper/x/Named.java:17: org.circlekeeper.x.Clock",
                "adapters/x/src/main/java/org/circlekeeper/x/Named.java:20: java.util.List");
    }

    @Test
    void theChecksReadTheWholeRepository() {
        Set<String> modules = new HashSet<>();
        SOURCES.forEach(s -> modules.add(s.path().substring(0, s.path().indexOf("/src/"))));
        assertThat(modules).contains("bot-core", "adapters/redis", "adapters/console", "adapters/telegram",
                "adapters/discord", "bot-app", "bench", "fault");
        assertThat(SOURCES).anyMatch(s -> s.path().endsWith("core/ref/Ids.java"))
                .anyMatch(s -> s.path().endsWith("app/CodeShapeTest.java"));
    }

    private static List<String> overLimit(List<JavaSource> sources) {
        return sources.stream().filter(JavaSource::isMain)
                .filter(s -> s.lines() > MAX_LINES && !LONG_CLASSES.containsKey(s.path()))
                .map(s -> s.path() + ": " + s.lines() + " lines").toList();
    }

    private static List<String> digestTakers(List<JavaSource> sources) {
        return sources.stream().filter(JavaSource::isMain).filter(s -> !DIGEST_TAKERS.contains(s.path()))
                .filter(s -> DIGEST_CALLS.stream().anyMatch(s::codeContains)).map(JavaSource::path).toList();
    }

    private static List<String> inlineQualifiedNames(List<JavaSource> sources) {
        Map<String, Set<String>> typesByPackage = new TreeMap<>();
        sources.forEach(s -> typesByPackage.computeIfAbsent(packageOf(s), p -> new HashSet<>()).add(s.className()));
        List<String> found = new ArrayList<>();
        sources.forEach(s -> found.addAll(s.inlineQualifiedNames(typesByPackage.get(packageOf(s)))));
        return found;
    }

    private static String packageOf(JavaSource source) {
        String path = source.path();
        int java = path.indexOf("/java/", path.indexOf("/src/"));
        return path.substring(java + "/java/".length(), path.lastIndexOf('/'));
    }

    private static Path repositoryRoot() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try {
            if (!Files.readString(root.resolve("pom.xml")).contains("<module>bot-app</module>")) {
                throw new IllegalStateException(root + " is not the repository's root");
            }
        } catch (IOException e) {
            throw new IllegalStateException("the tests run in bot-app, beside the repository's pom.xml", e);
        }
        return root;
    }
}
