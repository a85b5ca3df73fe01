package com.cruddur.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The repository's {@code docker-compose.yml}, as Compose reads it: anchors and merge keys resolved (SnakeYAML, the
 * parser under Jackson's YAML module, which itself leaves merge keys unresolved), then as a Jackson tree.
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    final Path root;
    final JsonNode tree;

    private ComposeFile(Path root, JsonNode tree) {
        this.root = root;
        this.tree = tree;
    }

    static ComposeFile load() {
        Path root = Path.of(System.getProperty("cruddur.root"));
        try {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(root.resolve("docker-compose.yml")));
            return new ComposeFile(root, new ObjectMapper().valueToTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        tree.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        JsonNode service = tree.path("services").path(name);
        if (service.isMissingNode()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** A service's environment, in either of Compose's two forms, with {@code ${VAR:-default}} as if VAR were unset. */
    Map<String, String> environment(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service(name).path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] pair = entry.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? interpolateUnset(pair[1]) : "");
            });
        } else {
            node.fields()
                    .forEachRemaining(e -> env.put(
                            e.getKey(),
                            e.getValue().isNull()
                                    ? ""
                                    : interpolateUnset(e.getValue().asText())));
        }
        return env;
    }

    /** The folder a service's build context is, relative to the root. */
    Optional<String> buildContext(String name) {
        JsonNode build = service(name).path("build");
        if (build.isTextual()) {
            return Optional.of(build.asText());
        }
        return build.has("context") ? Optional.of(build.path("context").asText()) : Optional.empty();
    }

    /** A one-shot job, as opposed to a server: it says so with {@code restart: "no"}. */
    boolean isJob(String name) {
        return "no".equals(service(name).path("restart").asText());
    }

    /** The Dockerfile a built service uses. */
    Optional<Path> dockerfile(String name) {
        return buildContext(name).map(context -> {
            JsonNode build = service(name).path("build");
            return root.resolve(context).resolve(build.path("dockerfile").asText("Dockerfile"));
        });
    }

    /** {@code volume:/target[:mode]} entries as [volume, target, mode]. */
    List<String[]> volumes(String name) {
        List<String[]> volumes = new ArrayList<>();
        service(name).path("volumes").forEach(volume -> {
            String[] parts = volume.asText().split(":", -1);
            volumes.add(new String[] {parts[0], parts[1], parts.length > 2 ? parts[2] : "rw"});
        });
        return volumes;
    }

    /** The command line of a service's entrypoint, joined. */
    String entrypoint(String name) {
        JsonNode entrypoint = service(name).path("entrypoint");
        if (entrypoint.isArray()) {
            List<String> parts = new ArrayList<>();
            entrypoint.forEach(part -> parts.add(part.asText()));
            return String.join(" ", parts);
        }
        return entrypoint.asText();
    }

    static String interpolateUnset(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String fallback = matcher.group(2) == null ? "" : matcher.group(2);
            matcher.appendReplacement(result, Matcher.quoteReplacement(fallback));
        }
        return matcher.appendTail(result).toString();
    }
}
