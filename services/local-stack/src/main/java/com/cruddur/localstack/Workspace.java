package com.cruddur.localstack;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud workspace bin/dev runs in, if any, and the public URL it forwards each port to: the address the browser
 * uses for the API, the Cognito emulator and the S3 emulator there, and the frontend's origin.
 *
 * @param name what to call it on the console
 * @param urlPattern the public URL of a port, with {@code {port}} standing for the port
 */
public record Workspace(String name, String urlPattern) {

    /**
     * Gitpod ({@code GITPOD_WORKSPACE_URL}, e.g. {@code https://cruddur-abc.ws-eu.gitpod.io}: port 4567 is
     * {@code https://4567-cruddur-abc.ws-eu.gitpod.io}) or GitHub Codespaces ({@code CODESPACES=true},
     * {@code CODESPACE_NAME}, {@code GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN}: port 4567 is
     * {@code https://<name>-4567.<domain>}); empty on any other machine.
     */
    public static Optional<Workspace> detect(Map<String, String> env) {
        String gitpod = env.getOrDefault("GITPOD_WORKSPACE_URL", "");
        if (!gitpod.isBlank()) {
            URI url = URI.create(gitpod.strip());
            return Optional.of(new Workspace("Gitpod", url.getScheme() + "://{port}-" + url.getHost()));
        }
        String codespace = env.getOrDefault("CODESPACE_NAME", "");
        String domain = env.getOrDefault("GITHUB_CODESPACES_PORT_FORWARDING_DOMAIN", "");
        if ("true".equals(env.get("CODESPACES")) && !codespace.isBlank() && !domain.isBlank()) {
            return Optional.of(
                    new Workspace("GitHub Codespaces", "https://" + codespace.strip() + "-{port}." + domain.strip()));
        }
        return Optional.empty();
    }

    /** Where the browser reaches {@code port} of this machine. */
    public URI publicUrl(int port) {
        return URI.create(urlPattern.replace("{port}", String.valueOf(port)));
    }
}
