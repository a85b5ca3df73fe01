package com.cruddur.aws;

import com.cruddur.contract.Route;
import com.cruddur.contract.RoutingTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.StandardAttribute;
import software.amazon.awscdk.services.cognito.StandardAttributes;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancerRedirectConfig;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Cruddur itself, in the app's region: the network, the cluster, one Fargate service per Cruddur service, the load
 * balancer that routes the contract's paths to them (there is no edge in AWS), and what the services share (the
 * events queue, the user pool, the avatar bucket). Each table belongs to its service's {@link ServiceDeployment}.
 */
public class AppStack extends Stack {

    public static final String NAME = "CruddurApp";
    /** The owner of routes the entry point answers itself (locally the edge; in AWS the load balancer). */
    public static final String EDGE = "edge";
    /** What the edge and every service answer on {@code /api/health-check}. */
    public static final String HEALTH_BODY = "{\"success\":true,\"ver\":1}";
    /** A path no rule routes: our services' error shape, an array of codes. */
    public static final String NOT_FOUND_BODY = "[\"not_found\"]";

    public static final String EVENTS_QUEUE = "cruddur-events";
    public static final String DEAD_LETTER_QUEUE = "cruddur-events-dlq";
    /** Receives before SQS moves a message to the dead-letter queue (as locally, see docs/events.md). */
    public static final int MAX_RECEIVES = 3;

    /**
     * The heartbeat of the notifications event stream ({@code GET /api/notifications/stream}, a comment line every
     * 15 s, docs/live-notifications.md): an open stream is never idle for longer.
     */
    public static final int STREAM_HEARTBEAT_SECONDS = 15;
    /**
     * The load balancer closes a connection (client or target side) that carries nothing for this long. Set for the
     * event stream, which is one long request: far above its heartbeat, so that a stream survives a few late
     * heartbeats (a GC pause, a busy task) instead of being cut; and below the services' own keep-alive ({@code
     * quarkus.http.idle-timeout}, 75 s), so that the load balancer, not a task, closes an idle pooled connection and
     * never sends a request on one the task is closing.
     */
    public static final int IDLE_TIMEOUT_SECONDS = 60;

    private final Map<String, ServiceDeployment> services = new LinkedHashMap<>();

    public AppStack(Construct scope, DeploymentSettings settings, StackProps props) {
        super(scope, NAME, props);
        String imageTag = DeploymentSettings.required(
                this,
                settings.imageTag(),
                DeploymentSettings.IMAGE_TAG,
                "deploy with -c imageTag=<git sha of the pushed images>",
                "unset");
        String certificateArn = DeploymentSettings.required(
                this,
                settings.certificateArn(),
                DeploymentSettings.CERTIFICATE_ARN,
                "deploy with -c certificateArn=<ACM certificate in this region>",
                "arn:aws:acm:us-east-1:unset:certificate/unset");
        List<String> frontendUrls = settings.frontendUrls().isEmpty()
                ? List.of(DeploymentSettings.required(
                        this,
                        Optional.empty(),
                        DeploymentSettings.FRONTEND_URL,
                        "deploy with -c frontendUrl=https://<the frontend's origin>",
                        "https://unset.invalid"))
                : settings.frontendUrls();

        Vpc vpc = network(settings);
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName("cruddur-" + settings.environment())
                .vpc(vpc)
                // about 30 USD a month for four services (aws/README.md): off unless -c containerInsights=true
                .containerInsightsV2(
                        settings.containerInsights() ? ContainerInsights.ENABLED : ContainerInsights.DISABLED)
                // FARGATE and FARGATE_SPOT, which the services choose between (fargateSpot)
                .enableFargateCapacityProviders(true)
                .build();
        PrivateDnsNamespace namespace = PrivateDnsNamespace.Builder.create(this, "Namespace")
                .name(SharedResources.NAMESPACE)
                .vpc(vpc)
                .description("Service discovery of the Cruddur services inside the VPC")
                .build();
        Queue events = eventsQueue();
        UserPool userPool = userPool(settings);
        UserPoolClient client = userPool.addClient(
                "WebClient",
                UserPoolClientOptions.builder()
                        .userPoolClientName("cruddur-web")
                        // the frontend signs in with SRP (Amplify's default) or USER_PASSWORD_AUTH; no OAuth flows
                        .authFlows(AuthFlow.builder()
                                .userSrp(true)
                                .userPassword(true)
                                .build())
                        .disableOAuth(true)
                        .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                        .generateSecret(false)
                        .preventUserExistenceErrors(true)
                        .accessTokenValidity(Duration.hours(1))
                        .idTokenValidity(Duration.hours(1))
                        .refreshTokenValidity(Duration.days(30))
                        .build());
        Bucket avatars = avatarBucket(frontendUrls);

        SharedResources shared = new SharedResources(
                settings, imageTag, frontendUrls, vpc, cluster, namespace, events, userPool, client, avatars);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            services.put(spec.name(), new ServiceDeployment(this, spec, shared));
        }
        ServiceDeployment users = services.get(ServiceSpec.USERS.name());
        for (ServiceDeployment caller : services.values()) {
            if (caller.spec().callsUsers()) {
                users.securityGroup()
                        .addIngressRule(
                                caller.securityGroup(),
                                Port.tcp(ServiceSpec.USERS.port()),
                                "/internal/users from the " + caller.spec().name() + " service");
            }
        }

        // a notifications task wakes the other tasks' event streams of a user it stored a notification for
        // (POST /internal/notifications/wake, docs/live-notifications.md)
        SecurityGroup notifications =
                services.get(ServiceSpec.NOTIFICATIONS.name()).securityGroup();
        notifications.addIngressRule(
                notifications,
                Port.tcp(ServiceSpec.NOTIFICATIONS.port()),
                "/internal/notifications/wake from the other notifications tasks");

        ApplicationLoadBalancer loadBalancer =
                entry(vpc, certificateArn, RoutingTable.fromContract().routes(), settings.apiDocs());
        RateLimitRule.attach(this, loadBalancer);

        CfnOutput.Builder.create(this, "LoadBalancerDnsName")
                .description("Point the API's DNS name (a CNAME or alias) here")
                .value(loadBalancer.getLoadBalancerDnsName())
                .build();
        CfnOutput.Builder.create(this, "UserPoolId")
                .value(userPool.getUserPoolId())
                .build();
        CfnOutput.Builder.create(this, "UserPoolClientId")
                .value(client.getUserPoolClientId())
                .build();
        CfnOutput.Builder.create(this, "AvatarsBucketName")
                .value(avatars.getBucketName())
                .build();
        CfnOutput.Builder.create(this, "EventsQueueUrl")
                .value(events.getQueueUrl())
                .build();
        CfnOutput.Builder.create(this, "ClusterName")
                .value(cluster.getClusterName())
                .build();
    }

    public Map<String, ServiceDeployment> services() {
        return services;
    }

    /**
     * Two zones, public subnets and private ones. Without NAT gateways (the default: about 32 USD a month each,
     * plus data) the private subnets are isolated and the tasks run in the public ones; with them, the tasks move to
     * the private subnets. DynamoDB and S3 are reached through free gateway endpoints either way.
     */
    private Vpc network(DeploymentSettings settings) {
        return Vpc.Builder.create(this, "Network")
                .ipAddresses(IpAddresses.cidr("10.0.0.0/16"))
                .maxAzs(2)
                .natGateways(settings.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("public")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("private")
                                .subnetType(
                                        settings.privateTasks()
                                                ? SubnetType.PRIVATE_WITH_EGRESS
                                                : SubnetType.PRIVATE_ISOLATED)
                                .cidrMask(24)
                                .build()))
                .gatewayEndpoints(Map.of(
                        "DynamoDb",
                                GatewayVpcEndpointOptions.builder()
                                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                                        .build(),
                        "S3",
                                GatewayVpcEndpointOptions.builder()
                                        .service(GatewayVpcEndpointAwsService.S3)
                                        .build()))
                // nothing uses the default security group; restricting it would take a custom-resource Lambda
                .restrictDefaultSecurityGroup(false)
                .build();
    }

    private Queue eventsQueue() {
        Queue deadLetters = Queue.Builder.create(this, "EventsDeadLetters")
                .queueName(DEAD_LETTER_QUEUE)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        return Queue.Builder.create(this, "Events")
                .queueName(EVENTS_QUEUE)
                // a consumer that died before deleting a message sees it again after this (docs/events.md)
                .visibilityTimeout(Duration.seconds(30))
                .retentionPeriod(Duration.days(4))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(MAX_RECEIVES)
                        .build())
                .build();
    }

    /**
     * E-mail is the user name (the frontend signs up with the e-mail as user name), so Cognito's user name is the
     * user's {@code sub}, which the users service reads with AdminGetUser. {@code preferred_username} is the handle.
     */
    private UserPool userPool(DeploymentSettings settings) {
        return UserPool.Builder.create(this, "UserPool")
                .userPoolName("cruddur-" + settings.environment())
                .featurePlan(FeaturePlan.LITE)
                .selfSignUpEnabled(true)
                .signInAliases(SignInAliases.builder().email(true).build())
                .signInCaseSensitive(false)
                .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
                .standardAttributes(StandardAttributes.builder()
                        .email(StandardAttribute.builder()
                                .required(true)
                                .mutable(true)
                                .build())
                        .preferredUsername(StandardAttribute.builder()
                                .required(true)
                                .mutable(true)
                                .build())
                        .fullname(StandardAttribute.builder()
                                .required(true)
                                .mutable(true)
                                .build())
                        .build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .deletionProtection(settings.deletionProtection())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /** Private; the browser PUTs avatars with the presigned URLs the users service signs, from the frontend's origin. */
    private Bucket avatarBucket(List<String> frontendUrls) {
        return Bucket.Builder.create(this, "Avatars")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .cors(List.of(CorsRule.builder()
                        .allowedOrigins(frontendUrls)
                        .allowedMethods(List.of(HttpMethods.PUT))
                        .allowedHeaders(List.of("*"))
                        .maxAge(3000)
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    /**
     * The load balancer, in place of the local edge: HTTPS with the given certificate, HTTP redirected to HTTPS, and
     * one listener rule per route of the routing table, in its order (priority = position, first match wins); with
     * {@code apiDocs}, one more after them for the browsable API's paths, to the service that serves it.
     */
    private ApplicationLoadBalancer entry(Vpc vpc, String certificateArn, List<Route> routes, boolean apiDocs) {
        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "LoadBalancerSecurityGroup")
                .vpc(vpc)
                .description("Cruddur load balancer: HTTPS and HTTP (redirected) from anywhere")
                // egress only to the services' ports, added as targets are attached
                .allowAllOutbound(false)
                .build();
        securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "HTTPS");
        securityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "HTTP, redirected to HTTPS");
        ApplicationLoadBalancer loadBalancer = ApplicationLoadBalancer.Builder.create(this, "LoadBalancer")
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroup(securityGroup)
                .idleTimeout(Duration.seconds(IDLE_TIMEOUT_SECONDS))
                .dropInvalidHeaderFields(true)
                .build();
        loadBalancer.addRedirect(ApplicationLoadBalancerRedirectConfig.builder()
                .sourceProtocol(ApplicationProtocol.HTTP)
                .sourcePort(80)
                .targetProtocol(ApplicationProtocol.HTTPS)
                .targetPort(443)
                .open(false)
                .build());
        ApplicationListener https = loadBalancer.addListener(
                "Https",
                BaseApplicationListenerProps.builder()
                        .protocol(ApplicationProtocol.HTTPS)
                        .port(443)
                        .certificates(List.of(ListenerCertificate.fromArn(certificateArn)))
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .open(false)
                        .defaultAction(ListenerAction.fixedResponse(
                                404,
                                FixedResponseOptions.builder()
                                        .contentType("application/json")
                                        .messageBody(NOT_FOUND_BODY)
                                        .build()))
                        .build());
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            // ids by position: a reordered table updates rules in place instead of swapping priorities
            https.addAction(
                    "Route" + (i + 1),
                    AddApplicationActionProps.builder()
                            .priority(i + 1)
                            .conditions(List.of(ListenerCondition.pathPatterns(List.of(route.pattern()))))
                            .action(action(route))
                            .build());
        }
        if (apiDocs) {
            https.addAction(
                    "ApiDocs",
                    AddApplicationActionProps.builder()
                            .priority(routes.size() + 1)
                            .conditions(List.of(ListenerCondition.pathPatterns(RoutingTable.API_DOCS_PATTERNS)))
                            .action(ListenerAction.forward(List.of(
                                    services.get(RoutingTable.API_DOCS_SERVICE).targetGroup())))
                            .build());
        }
        return loadBalancer;
    }

    private ListenerAction action(Route route) {
        if (route.service().equals(EDGE)) {
            return ListenerAction.fixedResponse(
                    200,
                    FixedResponseOptions.builder()
                            .contentType("application/json")
                            .messageBody(HEALTH_BODY)
                            .build());
        }
        ServiceDeployment owner = services.get(route.service());
        if (owner == null) {
            throw new IllegalStateException(
                    "route " + route.pattern() + " is owned by " + route.service() + ", which is not deployed in AWS");
        }
        return ListenerAction.forward(List.of(owner.targetGroup()));
    }
}
