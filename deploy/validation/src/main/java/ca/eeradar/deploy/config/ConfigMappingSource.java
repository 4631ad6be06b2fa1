package ca.eeradar.deploy.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties a service declares through {@code @ConfigMapping} interfaces, read from its Java
 * sources so the check works on a clean clone before anything is compiled. It understands what the
 * services use: a prefix, methods named in kebab case (or {@code @WithName}), {@code @WithDefault},
 * {@code @WithParentName}, Optional types, nested group interfaces and {@code Map<String, ...>}.
 */
public final class ConfigMappingSource {
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern PREFIX = Pattern.compile("prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern ANNOTATION = Pattern.compile("@(\\w+)(\\s*\\(([^()]|\"[^\"]*\")*\\))?");
    private static final Pattern METHOD = Pattern.compile("^([\\w.<>\\[\\], ?]+?)\\s+(\\w+)\\s*\\(\\s*\\)$");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ConfigMappingSource() {
    }

    /** A declared property: its name (map keys as {@code *}), env variable pattern, and whether it must be set. */
    public record Declared(String property, Pattern envPattern, boolean required, String source) {
    }

    public static List<Declared> scan(Path sourceRoot, Path... groupRoots) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        Map<String, Body> interfaces = new HashMap<>();
        List<Root> roots = new ArrayList<>();
        collect(sourceRoot, interfaces, roots);
        // Group interfaces a mapping may use from another module (service-kit's DeadLetterConfig); their
        // own @ConfigMapping roots, if any, are not this service's.
        for (Path groups : groupRoots) {
            if (Files.isDirectory(groups)) {
                collect(groups, interfaces, new ArrayList<>());
            }
        }
        List<Declared> declared = new ArrayList<>();
        for (Root root : roots) {
            walk(root.prefix, interfaces.get(root.interfaceName), interfaces, declared, 0);
        }
        return declared;
    }

    private static void collect(Path sourceRoot, Map<String, Body> interfaces, List<Root> roots) {
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = stripComments(Files.readString(file));
                if (!code.contains("interface")) {
                    continue;
                }
                collectInterfaces(code, file, interfaces, roots);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Root(String prefix, String interfaceName) {
    }

    private record Body(String name, String code, Path file) {
    }

    private record Member(String type, String name, Map<String, String> annotations) {
    }

    private static void collectInterfaces(String code, Path file, Map<String, Body> interfaces, List<Root> roots) {
        Matcher m = INTERFACE.matcher(code);
        while (m.find()) {
            int open = m.end() - 1;
            int close = matchingBrace(code, open);
            interfaces.putIfAbsent(m.group(1), new Body(m.group(1), code.substring(open + 1, close), file));
            String before = code.substring(Math.max(0, m.start() - 400), m.start());
            Matcher mapping = MAPPING.matcher(before);
            String last = null;
            int lastEnd = -1;
            while (mapping.find()) {
                last = mapping.group(1);
                lastEnd = mapping.end();
            }
            // The annotation belongs to this interface only if no other type declaration sits between them.
            if (last != null && !before.substring(lastEnd).matches("(?s).*\\b(interface|class|record|enum)\\b.*")) {
                Matcher prefix = PREFIX.matcher(last);
                if (prefix.find()) {
                    roots.add(new Root(prefix.group(1), m.group(1)));
                }
            }
        }
    }

    private static void walk(String prefix, Body body, Map<String, Body> interfaces, List<Declared> out, int depth) {
        if (body == null || depth > 8) {
            return;
        }
        for (Member member : members(body.code)) {
            String segment = member.annotations.containsKey("WithParentName") ? null
                    : member.annotations.getOrDefault("WithName", kebab(member.name));
            String name = segment == null ? prefix : prefix + "." + segment;
            // A qualified type (java.util.Map<...>) is read as its simple name.
            String type = member.type.replaceAll("\\s+", "").replaceFirst("^([a-z_]\\w*\\.)+(?=[A-Z])", "");
            boolean optional = type.startsWith("Optional");
            String inner = unwrap(type);
            if (inner.startsWith("Map<")) {
                String value = inner.substring(inner.indexOf(',') + 1, inner.length() - 1);
                String valueType = unwrap(value);
                if (interfaces.containsKey(valueType)) {
                    walk(name + ".*", interfaces.get(valueType), interfaces, out, depth + 1);
                } else {
                    out.add(new Declared(name + ".*", EnvNames.patternOf(name + ".*"), false, body.file.toString()));
                }
                continue;
            }
            if (interfaces.containsKey(inner) && !member.annotations.containsKey("WithDefault")) {
                walk(name, interfaces.get(inner), interfaces, out, depth + 1);
                continue;
            }
            boolean required = !optional && !member.annotations.containsKey("WithDefault")
                    && !type.startsWith("Map<") && !type.matches("(Optional(Int|Long|Double)|OptionalInt).*");
            out.add(new Declared(name, EnvNames.patternOf(name), required, body.file.toString()));
        }
    }

    private static String unwrap(String type) {
        for (String wrapper : List.of("Optional<", "List<", "Set<")) {
            if (type.startsWith(wrapper) && type.endsWith(">")) {
                return unwrap(type.substring(wrapper.length(), type.length() - 1));
            }
        }
        int dot = type.lastIndexOf('.');
        return dot >= 0 && !type.contains("<") ? type.substring(dot + 1) : type;
    }

    /** The abstract methods at the top level of an interface body (nested types and default methods skipped). */
    private static List<Member> members(String body) {
        List<Member> members = new ArrayList<>();
        int depth = 0;
        StringBuilder statement = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                int end = endOfString(body, i);
                if (depth == 0) {
                    statement.append(body, i, end + 1);
                }
                i = end;
                continue;
            }
            if (c == '{') {
                depth++;
                continue;
            }
            if (c == '}') {
                depth--;
                if (depth == 0) {
                    statement.setLength(0);
                }
                continue;
            }
            if (depth > 0) {
                continue;
            }
            if (c == ';') {
                member(statement.toString()).ifPresent(members::add);
                statement.setLength(0);
            } else {
                statement.append(c);
            }
        }
        return members;
    }

    private static java.util.Optional<Member> member(String statement) {
        Map<String, String> annotations = new HashMap<>();
        Matcher a = ANNOTATION.matcher(statement);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (a.find()) {
            rest.append(statement, last, a.start());
            String args = a.group(2) == null ? "" : a.group(2);
            Matcher s = STRING.matcher(args);
            annotations.put(a.group(1), s.find() ? s.group(1) : args);
            last = a.end();
        }
        rest.append(statement.substring(last));
        String declaration = rest.toString().replaceAll("\\s+", " ").trim()
                .replaceFirst("^(public |abstract )+", "");
        if (declaration.startsWith("default ") || declaration.startsWith("static ")) {
            return java.util.Optional.empty();
        }
        Matcher m = METHOD.matcher(declaration);
        return m.matches() ? java.util.Optional.of(new Member(m.group(1), m.group(2), annotations))
                : java.util.Optional.empty();
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                i = endOfString(code, i);
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    private static int endOfString(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == '"') {
                return i;
            }
        }
        return code.length() - 1;
    }

    /** Removes comments but keeps string literals (a default URL contains "//"). */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfString(code, i);
                out.append(code, i, end + 1);
                i = end;
            } else if (c == '\'' ) {
                int end = code.indexOf('\'', i + (code.charAt(Math.min(i + 1, code.length() - 1)) == '\\' ? 3 : 2));
                end = end < 0 ? i : end;
                out.append(code, i, end + 1);
                i = end;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = (end < 0 ? code.length() : end) - 1;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = (end < 0 ? code.length() : end + 2) - 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
