package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Workspace;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How bin/dev recognises a cloud workspace and names the public URL of a forwarded port; and the workspaces' files:
 * Node 22, and the ports the browser calls (bin/dev's defaults: API, Cognito, S3, and the frontend) forwarded, public
 * in Gitpod.
 */
class WorkspaceTest {

    private static final Path ROOT = LocalPaths.root();
    private static final List<Integer> BROWSER_PORTS = List.of(4567, 9229, 4572, 3000);

    @Test
    @SuppressWarnings("unchecked")
    void gitpodInstallsNode22AndMakesTheBrowsersPortsPublic() throws IOException {
        Map<String, Object> gitpod =
                new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(ROOT.resolve(".gitpod.yml")));
        List<Integer> publicPorts = new ArrayList<>();
        for (Map<String, Object> port : (List<Map<String, Object>>) gitpod.get("ports")) {
            if ("public".equals(port.get("visibility"))) {
                publicPorts.add((Integer) port.get("port"));
            }
        }
        assertEquals(BROWSER_PORTS, publicPorts);
        Map<String, Object> task = ((List<Map<String, Object>>) gitpod.get("tasks")).get(0);
        assertEquals("nvm install 22 && nvm alias default 22 && nvm use 22", ((String) task.get("before")).strip());
        assertEquals("bin/dev", ((String) task.get("command")).strip());
    }

    @Test
    void codespacesInstallNode22AndForwardTheBrowsersPorts() throws IOException {
        JsonNode container = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .build()
                .readTree(ROOT.resolve(".devcontainer/devcontainer.json").toFile());
        assertEquals(
                "22",
                container
                        .path("features")
                        .path("ghcr.io/devcontainers/features/node:1")
                        .path("version")
                        .asText());
        List<Integer> forwarded = new ArrayList<>();
        container.path("forwardPorts").forEach(port -> forwarded.add(port.asInt()));
        assertEquals(BROWSER_PORTS, forwarded);
        assertEquals(
                "bin/check-versions && ./mvnw -B package -DskipTests",
                container.path("postCreateCommand").asText());
    }

    @Test
    void gitpodForwardsEachPortToItsOwnHostName() {
        Workspace gitpod = Workspace.detect(
                        Map.of("GITPOD_WORKSPACE_URL", "https://cruddur-abc123.ws-us110.gitpod.io/"))
                .orElseThrow();
        assertEquals("Gitpod", gitpod.name());
        assertEquals(URI.create("https://4567-cruddur-abc123.ws-us110.gitpod.io"), gitpod.publicUrl(4567));
    }

    @Test
    void codespacesForwardsEachPortToItsOwnHostName() {
        Workspace codespace = Workspace.detect(Map.of(
                        "CODESPACES",
                        "true",
                        "CODESPACE_NAME",
                        "fluffy-space-xyz9",
                        "GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN",
                        "app.github.dev"))
                .orElseThrow();
        assertEquals("GitHub Codespaces", codespace.name());
        assertEquals(URI.create("https://fluffy-space-xyz9-9229.app.github.dev"), codespace.publicUrl(9229));
    }

    @Test
    void anyOtherMachineIsNoWorkspace() {
        assertEquals(Optional.empty(), Workspace.detect(Map.of()));
        assertEquals(Optional.empty(), Workspace.detect(Map.of("GITPOD_WORKSPACE_URL", " ")));
        // a codespace without the forwarding domain cannot name its URLs
        assertEquals(Optional.empty(), Workspace.detect(Map.of("CODESPACES", "true", "CODESPACE_NAME", "x")));
    }
}
