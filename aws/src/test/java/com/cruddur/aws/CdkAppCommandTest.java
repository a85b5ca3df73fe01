package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The CDK CLI reaches this app: cdk.json runs the Maven profile whose execution starts {@link CruddurApp}. */
class CdkAppCommandTest {

    @Test
    void cdkJsonSynthesizesThroughTheWrapperAndTheSynthProfileRunsTheApp() throws Exception {
        List<String> command = List.of(new ObjectMapper()
                .readTree(file("cdk.json"))
                .path("app")
                .asText()
                .split("\\s+"));
        assertEquals("../mvnw", command.get(0), "the wrapper, from the aws folder");
        assertTrue(
                command.containsAll(List.of("-f", "../pom.xml", "-pl", "aws", "-am", "-Dcdk.synth")),
                command.toString());

        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList profiles = factory.newDocumentBuilder().parse(file("pom.xml")).getElementsByTagName("profile");
        boolean found = false;
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            String activation = text(profile, "activation");
            if (activation.equals("cdk.synth")) {
                assertEquals(CruddurApp.class.getName(), text(profile, "mainClass"));
                assertTrue(command.contains(text(profile, "phase")), "the command runs the profile's phase");
                found = true;
            }
        }
        assertTrue(found, "a profile activated by cdk.synth");
    }

    private static File file(String name) {
        return RepositoryFiles.file("aws/" + name).toFile();
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
