package com.cruddur.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The environment variables a packaged service reads, found in its source: the production configuration of the
 * service ({@code application.properties}) and of every Cruddur module on its runtime classpath
 * ({@code META-INF/microprofile-config.properties}). A variable is <em>required</em> when some production property
 * reads it without a default. docker-compose and the ECS task definitions are checked against this, so a new
 * setting cannot be forgotten in one of them; {@code port} is the {@code quarkus.http.port} the service listens on.
 */
public record ServiceSettings(String service, int port, Set<String> required, Set<String> optional) {

    /** The modules that are deployed, each as its own container. */
    public static final List<String> DEPLOYED = List.of("users", "activities", "notifications", "messages", "edge");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");
    private static final Pattern PROFILE = Pattern.compile("^%([a-z]+)\\.(.*)$");

    public Set<String> all() {
        Set<String> all = new TreeSet<>(required);
        all.addAll(optional);
        return all;
    }

    public static ServiceSettings of(String service) {
        Path root = root();
        Path module = root.resolve("services").resolve(service);
        if (!Files.isDirectory(module)) {
            throw new IllegalArgumentException("no service module " + module);
        }
        Map<String, String> production = new LinkedHashMap<>();
        for (String dependency : cruddurModules(module)) {
            read(
                    root.resolve("services")
                            .resolve(dependency)
                            .resolve("src/main/resources/META-INF/microprofile-config.properties"),
                    production);
        }
        // the application's own file wins over its libraries' defaults, as in MicroProfile Config
        read(module.resolve("src/main/resources/application.properties"), production);

        TreeSet<String> required = new TreeSet<>();
        TreeSet<String> optional = new TreeSet<>();
        for (String value : production.values()) {
            Matcher reference = REFERENCE.matcher(value);
            while (reference.find()) {
                (reference.group(2).isEmpty() ? required : optional).add(reference.group(1));
            }
        }
        optional.removeAll(required);
        String port = production.get("quarkus.http.port");
        if (port == null) {
            throw new IllegalStateException(service + " sets no quarkus.http.port in its application.properties");
        }
        return new ServiceSettings(
                service,
                Integer.parseInt(port),
                Collections.unmodifiableSortedSet(required),
                Collections.unmodifiableSortedSet(optional));
    }

    /** Production values by key: plain keys, overridden by {@code %prod.} ones; other profiles never reach a container. */
    private static void read(Path file, Map<String, String> into) {
        if (!Files.exists(file)) {
            return;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> prod = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher profiled = PROFILE.matcher(key);
            if (!profiled.matches()) {
                into.put(key, properties.getProperty(key));
            } else if (profiled.group(1).equals("prod")) {
                prod.put(profiled.group(2), properties.getProperty(key));
            }
        }
        into.putAll(prod);
    }

    /** The Cruddur library modules on a module's runtime classpath, dependencies before dependents. */
    private static List<String> cruddurModules(Path module) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(runtimeDependencies(module.resolve("pom.xml")));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            Path pom = root().resolve("services").resolve(next).resolve("pom.xml");
            if (found.contains(next) || !Files.exists(pom)) {
                continue; // frontend-contract lives at the root and carries no configuration
            }
            runtimeDependencies(pom).forEach(pending::push);
            found.add(next);
        }
        List<String> ordered = new ArrayList<>(found);
        Collections.reverse(ordered);
        return ordered;
    }

    private static List<String> runtimeDependencies(Path pom) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList dependencies =
                    factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("dependency");
            List<String> modules = new ArrayList<>();
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                if (text(dependency, "groupId").equals("com.cruddur")
                        && !Set.of("test", "provided").contains(text(dependency, "scope"))
                        && !dependency
                                .getParentNode()
                                .getParentNode()
                                .getNodeName()
                                .equals("dependencyManagement")) {
                    modules.add(text(dependency, "artifactId"));
                }
            }
            return modules;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static Path root() {
        String root = System.getProperty("cruddur.root");
        if (root == null) {
            throw new IllegalStateException("the build passes -Dcruddur.root; run this from Maven");
        }
        return Path.of(root);
    }
}
