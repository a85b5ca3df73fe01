package com.cruddur.aws.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.aws.RepositoryFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * .github/dependabot.yml covers every place the repository pins a version: the Maven reactor, each npm package (its
 * package.json), each Dockerfile's base image, the workflow's actions; and its Maven groups name real dependencies.
 */
class DependabotConfigTest {

    private static final Set<String> SKIPPED = Set.of("node_modules", "target", ".git", ".cruddur");
    private static final Pattern GROUP_ID = Pattern.compile("<groupId>([^<$]+)</groupId>");

    private static JsonNode config;

    @BeforeAll
    static void read() throws IOException {
        config = new ObjectMapper(new YAMLFactory())
                .readTree(RepositoryFiles.file(".github/dependabot.yml").toFile());
    }

    @Test
    void everyEcosystemAndFolderOfTheRepositoryIsCovered() throws IOException {
        assertEquals(2, config.path("version").asInt());
        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("maven", Set.of("/"));
        expected.put("github-actions", Set.of("/"));
        expected.put("npm", folders("package.json"));
        expected.put("docker", folders("Dockerfile"));
        assertFalse(expected.get("npm").isEmpty());
        assertFalse(expected.get("docker").isEmpty());
        assertTrue(Files.isRegularFile(RepositoryFiles.root().resolve("pom.xml")));
        assertTrue(Files.isDirectory(RepositoryFiles.root().resolve(".github/workflows")));

        assertEquals(expected, covered());
    }

    @Test
    void everyUpdateRunsOnASchedule() {
        config.path("updates")
                .forEach(update -> assertFalse(
                        update.path("schedule").path("interval").asText().isEmpty(), update.toString()));
    }

    @Test
    void eachMavenGroupNamesDependenciesThePomsUse() throws IOException {
        Set<String> groupIds = new TreeSet<>();
        // a <plugin> without a groupId is one of Maven's own
        groupIds.add("org.apache.maven.plugins");
        try (Stream<Path> files = walk()) {
            for (Path pom : files.filter(path -> path.getFileName().toString().equals("pom.xml"))
                    .toList()) {
                Matcher matcher = GROUP_ID.matcher(Files.readString(pom));
                while (matcher.find()) {
                    groupIds.add(matcher.group(1));
                }
            }
        }
        JsonNode maven = update("maven");
        assertTrue(maven.path("groups").size() > 0, "no groups: one framework's modules would move apart");
        maven.path("groups")
                .fields()
                .forEachRemaining(group -> group.getValue().path("patterns").forEach(pattern -> {
                    Pattern glob =
                            Pattern.compile(Pattern.quote(pattern.asText()).replace("*", "\\E.*\\Q"));
                    assertTrue(
                            groupIds.stream().anyMatch(id -> glob.matcher(id).matches()),
                            "group " + group.getKey() + ": " + pattern.asText() + " matches no groupId of the poms "
                                    + groupIds);
                }));
        for (String framework : List.of("quarkus", "aws-sdk", "aws-cdk", "opentelemetry")) {
            assertTrue(maven.path("groups").has(framework), "a group for " + framework);
        }
    }

    /** Each ecosystem's folders, from {@code directory} or {@code directories}. */
    private static Map<String, Set<String>> covered() {
        Map<String, Set<String>> covered = new TreeMap<>();
        config.path("updates").forEach(update -> {
            Set<String> folders =
                    covered.computeIfAbsent(update.path("package-ecosystem").asText(), key -> new TreeSet<>());
            if (update.has("directory")) {
                folders.add(update.path("directory").asText());
            }
            update.path("directories").forEach(folder -> folders.add(folder.asText()));
        });
        return covered;
    }

    private static JsonNode update(String ecosystem) {
        List<JsonNode> found = new ArrayList<>();
        config.path("updates").forEach(update -> {
            if (update.path("package-ecosystem").asText().equals(ecosystem)) {
                found.add(update);
            }
        });
        assertEquals(1, found.size(), ecosystem);
        return found.get(0);
    }

    /** The folders (as {@code /path} from the root) that hold a file called {@code name}. */
    private static Set<String> folders(String name) throws IOException {
        Path root = RepositoryFiles.root();
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> files = walk()) {
            files.filter(path -> path.getFileName().toString().equals(name))
                    .forEach(path -> folders.add(
                            "/" + root.relativize(path.getParent()).toString().replace('\\', '/')));
        }
        return folders;
    }

    @SuppressWarnings("StreamResourceLeak") // a caller's try-with-resources closes it
    private static Stream<Path> walk() throws IOException {
        Path root = RepositoryFiles.root();
        return Files.walk(root).filter(path -> {
            for (Path part : root.relativize(path)) {
                if (SKIPPED.contains(part.toString())) {
                    return false;
                }
            }
            return Files.isRegularFile(path);
        });
    }
}
