package com.cruddur.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * Requests per client address, limited in front of the load balancer by an AWS WAF rate-based rule: what the edge
 * limits locally (the edge does not exist in AWS). Over the limit, WAF answers as the edge does, 429
 * {@code ["rate_limited"]} with {@code Retry-After}. Writes per caller are limited by the services themselves (WAF
 * cannot see a token's {@code sub}). See docs/rate-limits.md.
 */
final class RateLimitRule {

    /** CDK context key: requests a client address may send per minute (WAF counts every request, reads and writes). */
    static final String CONTEXT_KEY = "apiRequestsPerMinute";

    static final int DEFAULT_PER_MINUTE = 600;
    static final String BODY_KEY = "rate_limited";
    static final String BODY = "[\"rate_limited\"]";

    private RateLimitRule() {}

    static CfnWebACL attach(Construct scope, ApplicationLoadBalancer loadBalancer) {
        int perMinute = perMinute(scope);
        CfnWebACL acl = CfnWebACL.Builder.create(scope, "ApiRateLimits")
                .name("cruddur-api-rate-limits")
                .scope("REGIONAL")
                .description("Requests per client address in front of the Cruddur API")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .customResponseBodies(Map.of(
                        BODY_KEY,
                        CfnWebACL.CustomResponseBodyProperty.builder()
                                .contentType("APPLICATION_JSON")
                                .content(BODY)
                                .build()))
                .visibilityConfig(visibility("cruddur-api"))
                .rules(List.of(CfnWebACL.RuleProperty.builder()
                        .name("requests-per-client-address")
                        .priority(0)
                        .statement(CfnWebACL.StatementProperty.builder()
                                .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                        .aggregateKeyType("IP")
                                        .evaluationWindowSec(60)
                                        .limit(perMinute)
                                        .build())
                                .build())
                        .action(CfnWebACL.RuleActionProperty.builder()
                                .block(CfnWebACL.BlockActionProperty.builder()
                                        .customResponse(CfnWebACL.CustomResponseProperty.builder()
                                                .responseCode(429)
                                                .customResponseBodyKey(BODY_KEY)
                                                .responseHeaders(List.of(
                                                        header("Retry-After", "60"),
                                                        header("RateLimit-Limit", String.valueOf(perMinute)),
                                                        header("RateLimit-Remaining", "0"),
                                                        header("RateLimit-Reset", "60")))
                                                .build())
                                        .build())
                                .build())
                        .visibilityConfig(visibility("cruddur-api-rate-limited"))
                        .build()))
                .build();
        CfnWebACLAssociation.Builder.create(scope, "ApiRateLimitsOnTheLoadBalancer")
                .resourceArn(loadBalancer.getLoadBalancerArn())
                .webAclArn(acl.getAttrArn())
                .build();
        return acl;
    }

    private static int perMinute(Construct scope) {
        Object value = scope.getNode().tryGetContext(CONTEXT_KEY);
        if (value == null) {
            return DEFAULT_PER_MINUTE;
        }
        try {
            int perMinute = Integer.parseInt(value.toString().strip());
            if (perMinute >= 10) {
                return perMinute;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(CONTEXT_KEY + " must be a whole number of requests, 10 or more (WAF's "
                + "smallest rate limit), not " + value);
    }

    private static CfnWebACL.CustomHTTPHeaderProperty header(String name, String value) {
        return CfnWebACL.CustomHTTPHeaderProperty.builder()
                .name(name)
                .value(value)
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metric)
                .sampledRequestsEnabled(true)
                .build();
    }
}
