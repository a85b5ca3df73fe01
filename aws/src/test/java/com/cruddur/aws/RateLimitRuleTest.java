package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In AWS, a WAF rule on the load balancer limits requests per client address, as the edge does locally. */
class RateLimitRuleTest {

    @Test
    void aRateBasedRuleOnTheLoadBalancerAnswers429InJson() {
        Synthesized deployment = Synthesized.standard();
        Map<String, JsonNode> acls = Synthesized.resources(deployment.appJson, "AWS::WAFv2::WebACL");
        assertEquals(1, acls.size());
        String aclId = acls.keySet().iterator().next();
        JsonNode acl = acls.get(aclId).path("Properties");
        assertEquals("REGIONAL", acl.path("Scope").asText());
        assertTrue(acl.path("DefaultAction").has("Allow"), "everything else is allowed");

        assertEquals(1, acl.path("Rules").size());
        JsonNode rule = acl.path("Rules").get(0);
        JsonNode rate = rule.path("Statement").path("RateBasedStatement");
        assertEquals("IP", rate.path("AggregateKeyType").asText());
        assertEquals(60, rate.path("EvaluationWindowSec").asInt());
        assertEquals(RateLimitRule.DEFAULT_PER_MINUTE, rate.path("Limit").asInt());

        JsonNode response = rule.path("Action").path("Block").path("CustomResponse");
        assertEquals(429, response.path("ResponseCode").asInt());
        JsonNode body = acl.path("CustomResponseBodies")
                .path(response.path("CustomResponseBodyKey").asText());
        assertEquals("APPLICATION_JSON", body.path("ContentType").asText());
        assertEquals("[\"rate_limited\"]", body.path("Content").asText());
        Map<String, String> headers = new HashMap<>();
        response.path("ResponseHeaders")
                .forEach(h ->
                        headers.put(h.path("Name").asText(), h.path("Value").asText()));
        assertEquals(
                Map.of(
                        "Retry-After",
                        "60",
                        "RateLimit-Limit",
                        String.valueOf(RateLimitRule.DEFAULT_PER_MINUTE),
                        "RateLimit-Remaining",
                        "0",
                        "RateLimit-Reset",
                        "60"),
                headers);

        Map<String, JsonNode> associations = Synthesized.resources(deployment.appJson, "AWS::WAFv2::WebACLAssociation");
        assertEquals(1, associations.size());
        JsonNode association = associations.values().iterator().next().path("Properties");
        assertEquals(aclId, Synthesized.target(association.path("WebACLArn")));
        String loadBalancer = Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::LoadBalancer")
                .keySet()
                .iterator()
                .next();
        assertEquals(loadBalancer, Synthesized.target(association.path("ResourceArn")));
    }
}
