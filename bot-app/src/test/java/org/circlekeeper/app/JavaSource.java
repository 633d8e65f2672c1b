package org.circlekeeper.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Java source file of the repository as {@link CodeShapeTest} reads it: its lines, and its code with comments,
 * strings and character literals blanked out (line breaks kept), so a check of the code is not fooled by a name in a
 * Javadoc or a message.
 *
 * @param path     where it is, relative to the repository's root
 * @param lines    how many lines the file has
 * @param code     the text with every comment, string, text block and character literal replaced by spaces
 */
record JavaSource(String path, int lines, String code) {

    /** {@code a.b.Type}: a package name of two parts or more, then a type's name (a class name starts upper-case). */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.$])([a-z_]\\w*(?:\\.[a-z_]\\w*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]*?\\.([A-Z]\\w*))\\s*;", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Z]\\w*)");
    private static final Pattern HEADER = Pattern.compile("^\\s*(?:import|package)\\b");

    /** Reads a file; {@code root} is the repository's root, for the path it reports. */
    static JavaSource read(Path root, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return of(root.relativize(file).toString().replace('\\', '/'), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source from its text (the checks' own tests feed it samples). */
    static JavaSource of(String path, String text) {
        int lines = text.isEmpty() ? 0 : (int) text.lines().count();
        return new JavaSource(path, lines, blankNonCode(text));
    }

    /** Every {@code .java} file under the {@code src/main/java} (or, with {@code tests}, also {@code src/test/java}) of every module. */
    static List<JavaSource> all(Path root, boolean tests) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        String relative = root.relativize(p).toString().replace('\\', '/');
                        return !relative.contains("/target/") && !relative.startsWith(".")
                                && (relative.contains("/src/main/java/") || tests && relative.contains("/src/test/java/"));
                    })
                    .sorted().map(p -> read(root, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The simple class name the file is named for. */
    String className() {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".java".length());
    }

    /** True for a file of a module's main code (what ships or runs), not of its tests. */
    boolean isMain() {
        return path.contains("/src/main/java/");
    }

    /**
     * The fully-qualified type names written in the code (not in imports, comments or strings) that an import, or
     * the simple name alone, would do for. A name is needed only where its simple name means another type here: one
     * the file imports or declares, or one of its own package ({@code packageTypes}, by simple name).
     */
    List<String> inlineQualifiedNames(Set<String> packageTypes) {
        Map<String, String> imported = new HashMap<>();
        Matcher i = IMPORT.matcher(code);
        while (i.find()) {
            imported.put(i.group(2), i.group(1));
        }
        Set<String> declared = new HashSet<>();
        Matcher d = DECLARED.matcher(code);
        while (d.find()) {
            declared.add(d.group(1));
        }
        Matcher p = PACKAGE.matcher(code);
        String ownPackage = p.find() ? p.group(1) : "";
        List<String> found = new ArrayList<>();
        String[] codeLines = code.split("\n", -1);
        for (int line = 0; line < codeLines.length; line++) {
            if (HEADER.matcher(codeLines[line]).find()) {
                continue;
            }
            Matcher m = QUALIFIED.matcher(codeLines[line]);
            while (m.find()) {
                String name = m.group(1) + "." + m.group(2);
                String simple = m.group(2);
                boolean meansAnother = !m.group(1).equals(ownPackage)
                        && (imported.containsKey(simple) && !imported.get(simple).equals(name)
                        || declared.contains(simple) || packageTypes.contains(simple));
                if (!meansAnother) {
                    found.add(path + ":" + (line + 1) + ": " + name);
                }
            }
        }
        return found;
    }

    /**
     * True when the file's imports are organised the one way the code keeps them: static imports first, then the
     * others, each group in the order of the names' text (a type and its nested types, {@code BotTester} and
     * {@code BotTester.Talk}, in either order).
     */
    boolean importsOrganised() {
        List<String> imports = code.lines().filter(l -> l.startsWith("import ")).toList();
        List<String> statics = imports.stream().filter(l -> l.startsWith("import static ")).toList();
        List<String> others = imports.stream().filter(l -> !l.startsWith("import static ")).toList();
        List<String> staticsFirst = new ArrayList<>(statics);
        staticsFirst.addAll(others);
        return imports.equals(staticsFirst) && inOrder(statics) && inOrder(others);
    }

    private static boolean inOrder(List<String> imports) {
        List<String> names = imports.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1, l.indexOf(';'))).toList();
        for (int i = 1; i < names.size(); i++) {
            String before = names.get(i - 1);
            String after = names.get(i);
            if (before.compareTo(after) > 0 && !before.startsWith(after + ".")) {
                return false;
            }
        }
        return true;
    }

    /** True when the code (not a comment or a string) contains the text. */
    boolean codeContains(String text) {
        return code.contains(text);
    }

    /** The text with comments, strings, text blocks and character literals as spaces; line breaks stay. */
    static String blankNonCode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end;
            if (text.startsWith("/*", i)) {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (text.startsWith("//", i)) {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (text.startsWith("\"\"\"", i)) {
                end = closing(text, i + 3, "\"\"\"");
            } else if (text.charAt(i) == '"') {
                end = closing(text, i + 1, "\"");
            } else if (text.charAt(i) == '\'') {
                end = closing(text, i + 1, "'");
            } else {
                out.append(text.charAt(i++));
                continue;
            }
            for (int j = i; j < end; j++) {
                out.append(text.charAt(j) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    /** Where a literal that started before {@code from} ends: after its closing quote(s), skipping escapes. */
    private static int closing(String text, int from, String quote) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return text.length();
    }
}
