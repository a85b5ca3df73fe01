package com.cruddur.aws.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.aws.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * .editorconfig describes the code as it is: every source file of the repository follows the rules the file sets
 * for it (UTF-8 text, LF, a final newline, no trailing blanks, no tabs). Indentation widths (four in Java, two
 * elsewhere) are left to the formatter that will enforce them.
 */
class EditorConfigTest {

    private static final Set<String> SKIPPED =
            Set.of("node_modules", "target", ".git", ".cruddur", "generated", "results", "dist");
    private static final Pattern CHECKED = Pattern.compile(
            ".*\\.(java|xml|js|mjs|cjs|ts|json|yaml|yml|properties|md|cmd|hbs)|Dockerfile|mvnw|dev|run|\\.editorconfig");

    @Test
    void theFileSetsTheRulesTheTestChecks() throws IOException {
        Map<String, Map<String, String>> sections = parse(Files.readAllLines(RepositoryFiles.file(".editorconfig")));
        assertEquals("true", sections.get("").get("root"));
        Map<String, String> all = sections.get("*");
        assertEquals(
                Map.of(
                        "charset",
                        "utf-8",
                        "end_of_line",
                        "lf",
                        "insert_final_newline",
                        "true",
                        "trim_trailing_whitespace",
                        "true",
                        "indent_style",
                        "space",
                        "indent_size",
                        "2"),
                all);
        assertEquals("4", sections.get("*.java").get("indent_size"));
        assertEquals("crlf", sections.get("*.cmd").get("end_of_line"));
        assertEquals("false", sections.get("*.md").get("trim_trailing_whitespace"));
    }

    @Test
    void everySourceFileFollowsIt() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : sources()) {
            String name = RepositoryFiles.root().relativize(file).toString().replace('\\', '/');
            String text = Files.readString(file); // fails on anything but UTF-8
            if (!text.isEmpty() && !text.endsWith("\n")) {
                problems.add(name + ": no final newline");
            }
            if (!name.endsWith(".cmd") && text.contains("\r")) {
                problems.add(name + ": CR line ends");
            }
            int number = 0;
            for (String line : text.split("\r?\n", -1)) {
                number++;
                if (!name.endsWith(".md")
                        && !line.isEmpty()
                        && Character.isWhitespace(line.charAt(line.length() - 1))) {
                    problems.add(name + ":" + number + ": trailing blank");
                }
                if (!name.equals("mvnw") && line.startsWith("\t")) {
                    problems.add(name + ":" + number + ": tab indentation");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<Path> sources() throws IOException {
        Path root = RepositoryFiles.root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> {
                        for (Path part : root.relativize(path)) {
                            if (SKIPPED.contains(part.toString())) {
                                return false;
                            }
                        }
                        return CHECKED.matcher(path.getFileName().toString()).matches();
                    })
                    .toList();
        }
    }

    /** Sections by glob ({@code ""} for the preamble), each its {@code key = value} pairs. */
    private static Map<String, Map<String, String>> parse(List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = sections.computeIfAbsent("", key -> new LinkedHashMap<>());
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), key -> new LinkedHashMap<>());
            } else {
                String[] pair = line.split("=", 2);
                current.put(pair[0].strip(), pair[1].strip());
            }
        }
        return sections;
    }
}
