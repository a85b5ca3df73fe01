package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The user pool the frontend signs in to, the events queue with its dead letters, the private avatar bucket. */
class SharedResourcesTest {

    private static Synthesized deployment;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
    }

    @Test
    void usersSignInWithTheirEmailAndCarryAHandleAndAName() {
        JsonNode pool = properties(deployment.only("AWS::Cognito::UserPool"));
        assertEquals(
                Set.of("email"),
                texts(pool.path("UsernameAttributes")),
                "the e-mail is the user name, so Cognito's user name is the sub the services use");
        Set<String> required = new TreeSet<>();
        pool.path("Schema").forEach(attribute -> {
            if (attribute.path("Required").asBoolean()) {
                required.add(attribute.path("Name").asText());
            }
        });
        assertEquals(Set.of("email", "name", "preferred_username"), required);
        assertEquals(Set.of("email"), texts(pool.path("AutoVerifiedAttributes")));
        assertFalse(pool.path("UsernameConfiguration").path("CaseSensitive").asBoolean());
    }

    @Test
    void theAppClientSignsInWithSrpOrPasswordAndHasNoSecret() {
        JsonNode client = properties(deployment.only("AWS::Cognito::UserPoolClient"));
        assertEquals(
                Set.of("ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                texts(client.path("ExplicitAuthFlows")));
        assertFalse(client.path("GenerateSecret").asBoolean(), "a browser cannot keep a secret");
        assertTrue(client.path("AllowedOAuthFlows").isMissingNode(), "no OAuth flows (and no example.com callback)");
    }

    @Test
    void eventsThatFailThreeTimesGoToTheDeadLetterQueue() {
        Map<String, JsonNode> queues = Synthesized.resources(deployment.appJson, "AWS::SQS::Queue");
        assertEquals(2, queues.size());
        String deadLetters = null;
        JsonNode events = null;
        for (Map.Entry<String, JsonNode> queue : queues.entrySet()) {
            String name = queue.getValue().path("Properties").path("QueueName").asText();
            if (name.equals("cruddur-events-dlq")) {
                deadLetters = queue.getKey();
            } else if (name.equals("cruddur-events")) {
                events = queue.getValue().path("Properties");
            }
        }
        assertEquals(
                "${" + deadLetters + ".Arn}",
                Synthesized.render(events.path("RedrivePolicy").path("deadLetterTargetArn")));
        assertEquals(3, events.path("RedrivePolicy").path("maxReceiveCount").asInt());
        assertEquals(30, events.path("VisibilityTimeout").asInt());
    }

    @Test
    void theAvatarBucketIsPrivateAndTakesUploadsFromTheFrontendOnly() {
        JsonNode bucket = properties(deployment.only("AWS::S3::Bucket"));
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting :
                new String[] {"BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"}) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        JsonNode cors = bucket.path("CorsConfiguration").path("CorsRules");
        assertEquals(1, cors.size());
        assertEquals(Set.of(Synthesized.FRONTEND_URL), texts(cors.get(0).path("AllowedOrigins")));
        assertEquals(Set.of("PUT"), texts(cors.get(0).path("AllowedMethods")));
    }

    private static JsonNode properties(String logicalId) {
        return deployment.appJson.path("Resources").path(logicalId).path("Properties");
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
