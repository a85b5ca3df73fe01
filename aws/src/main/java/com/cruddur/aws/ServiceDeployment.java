package com.cruddur.aws;

import com.cruddur.contract.RoutingTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Size;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.AwsLogDriverMode;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.PropagatedTagSource;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.servicediscovery.DnsRecordType;
import software.constructs.Construct;

/**
 * One Cruddur service on Fargate, with everything that is its own: its table, its task role (rights on exactly its
 * resources), its security group, its log group, its target group and its autoscaling. Tagged {@code service=<name>}.
 */
public class ServiceDeployment extends Construct {

    public static final String READY_PATH = "/q/health/ready";
    public static final String LIVE_PATH = "/q/health/live";
    public static final int CPU_UNITS = 256;
    public static final int MEMORY_MIB = 512;
    public static final int CPU_TARGET_PERCENT = 70;
    public static final String TTL_ATTRIBUTE = "ttl";
    /** The secrets every service may read, from SecureString parameters {@code /cruddur/<environment>/<name>}. */
    public static final List<String> SECRETS = List.of("HONEYCOMB_API_KEY", "ROLLBAR_ACCESS_TOKEN", "MOMENTO_API_KEY");

    private final ServiceSpec spec;
    private final Table table;
    private final SecurityGroup securityGroup;
    private final ApplicationTargetGroup targetGroup;
    private final FargateService service;

    public ServiceDeployment(Construct scope, ServiceSpec spec, SharedResources shared) {
        super(scope, spec.title());
        this.spec = spec;
        Tagging.service(this, spec.name());
        DeploymentSettings settings = shared.settings();

        table = table(spec.table(), settings.deletionProtection());

        Role taskRole = Role.Builder.create(this, "TaskRole")
                .description("What the " + spec.name() + " service's code may do, and nothing else")
                // only ECS, and only for this account's tasks, may assume it (no confused deputy)
                .assumedBy(new ServicePrincipal(
                        "ecs-tasks.amazonaws.com",
                        ServicePrincipalOpts.builder()
                                .conditions(Map.of(
                                        "StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID),
                                        "ArnLike",
                                                Map.of(
                                                        "aws:SourceArn",
                                                        "arn:" + Aws.PARTITION + ":ecs:" + Aws.REGION + ":"
                                                                + Aws.ACCOUNT_ID + ":*")))
                                .build()))
                .build();
        grantOwnRights(taskRole, shared);

        securityGroup = SecurityGroup.Builder.create(this, "Tasks")
                .vpc(shared.vpc())
                .description("Cruddur " + spec.name() + " tasks: reachable from the load balancer"
                        + (spec.equals(ServiceSpec.USERS) ? " and the services that call it" : " only"))
                // egress: ECR, DynamoDB, SQS, Cognito, Honeycomb, Rollbar, Momento (all HTTPS)
                .allowAllOutbound(true)
                .build();

        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/cruddur/" + settings.environment() + "/" + spec.name())
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .family("cruddur-" + spec.name())
                .cpu(CPU_UNITS)
                .memoryLimitMiB(MEMORY_MIB)
                .taskRole(taskRole)
                .runtimePlatform(RuntimePlatform.builder()
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .build())
                .build();
        task.addContainer(
                spec.name(),
                ContainerDefinitionOptions.builder()
                        .image(ContainerImage.fromEcrRepository(
                                Repository.fromRepositoryName(this, "Repository", RegistryStack.repositoryName(spec)),
                                shared.imageTag()))
                        .environment(environment(shared))
                        .secrets(secrets(settings.environment()))
                        .portMappings(List.of(
                                PortMapping.builder().containerPort(spec.port()).build()))
                        // liveness, not readiness: a DynamoDB outage makes the tasks unready (the load balancer stops
                        // sending them requests) but must not make ECS kill and replace them all in a loop. Asked with
                        // bash's /dev/tcp, as the images' own HEALTHCHECK does: the base image promises bash, not curl.
                        .healthCheck(HealthCheck.builder()
                                .command(List.of("CMD", "bash", "-c", livenessProbe(spec.port())))
                                .interval(Duration.seconds(30))
                                .timeout(Duration.seconds(5))
                                .retries(3)
                                .startPeriod(Duration.seconds(90))
                                .build())
                        .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix(spec.name())
                                // a slow CloudWatch drops log lines instead of blocking the service's stdout
                                .mode(AwsLogDriverMode.NON_BLOCKING)
                                .maxBufferSize(Size.mebibytes(25))
                                .build()))
                        .build());

        FargateService.Builder service = FargateService.Builder.create(this, "Service")
                .serviceName(spec.name())
                .cluster(shared.cluster())
                .taskDefinition(task)
                // always a capacity provider, never a launch type: switching fargateSpot is then an update in
                // place (a launch type change replaces the service, which its fixed name forbids). On Spot, a task
                // gets two minutes' notice (SIGTERM) before it is reclaimed, and ECS starts its replacement.
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(settings.fargateSpot() ? "FARGATE_SPOT" : "FARGATE")
                        .weight(1)
                        .build()))
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .healthCheckGracePeriod(Duration.seconds(120))
                .securityGroups(List.of(securityGroup))
                .vpcSubnets(SubnetSelection.builder()
                        .subnetType(settings.privateTasks() ? SubnetType.PRIVATE_WITH_EGRESS : SubnetType.PUBLIC)
                        .build())
                // without NAT, a public address is the tasks' only way out; the security group still admits
                // nothing but the load balancer
                .assignPublicIp(!settings.privateTasks())
                // tasks carry the service's tags, so Fargate's cost lands on the service in Cost Explorer
                .propagateTags(PropagatedTagSource.SERVICE)
                .enableEcsManagedTags(true);
        if (settings.minTasks() == 0) {
            // parked: no task runs (otherwise no desiredCount: the autoscaling owns it, ECS starts with one, and a
            // deployment does not reset it)
            service.desiredCount(0);
        }
        if (spec.equals(ServiceSpec.USERS)) {
            service.cloudMapOptions(CloudMapOptions.builder()
                    .cloudMapNamespace(shared.namespace())
                    .name(spec.name())
                    .dnsRecordType(DnsRecordType.A)
                    .dnsTtl(Duration.seconds(10))
                    .build());
        }
        this.service = service.build();

        this.service
                .autoScaleTaskCount(EnableScalingProps.builder()
                        .minCapacity(settings.minTasks())
                        .maxCapacity(settings.maxTasks())
                        .build())
                .scaleOnCpuUtilization(
                        "Cpu",
                        CpuUtilizationScalingProps.builder()
                                .targetUtilizationPercent(CPU_TARGET_PERCENT)
                                .scaleOutCooldown(Duration.minutes(1))
                                .scaleInCooldown(Duration.minutes(5))
                                .build());

        targetGroup = ApplicationTargetGroup.Builder.create(this, "Targets")
                .vpc(shared.vpc())
                .port(spec.port())
                .protocol(ApplicationProtocol.HTTP)
                .targetType(TargetType.IP)
                // the services drain in-flight requests within a few seconds of SIGTERM
                .deregistrationDelay(Duration.seconds(15))
                .healthCheck(software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck.builder()
                        .path(READY_PATH)
                        .port("traffic-port")
                        .protocol(Protocol.HTTP)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .timeout(Duration.seconds(5))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
        this.service.attachToApplicationTargetGroup(targetGroup);
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Table table() {
        return table;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public FargateService service() {
        return service;
    }

    /** Exits 0 when {@code GET /q/health/live} on the port answers 200. */
    static String livenessProbe(int port) {
        return "exec 3<>/dev/tcp/127.0.0.1/" + port
                + " && printf 'GET " + LIVE_PATH + " HTTP/1.0\\r\\n\\r\\n' >&3"
                + " && read -r status <&3 && [[ $status == *' 200 '* ]]";
    }

    private Table table(ServiceSpec.TableSpec spec, boolean deletionProtection) {
        Table.Builder table = Table.Builder.create(this, "Table")
                .tableName(spec.name())
                .partitionKey(Attribute.builder()
                        .name(spec.hashKey())
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(TTL_ATTRIBUTE)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(deletionProtection)
                .removalPolicy(RemovalPolicy.RETAIN);
        if (spec.rangeKey() != null) {
            table.sortKey(Attribute.builder()
                    .name(spec.rangeKey())
                    .type(AttributeType.STRING)
                    .build());
        }
        Table built = table.build();
        for (ServiceSpec.Index index : spec.indexes()) {
            GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                    .indexName(index.name())
                    .partitionKey(Attribute.builder()
                            .name(index.hashKey())
                            .type(AttributeType.STRING)
                            .build())
                    .projectionType(ProjectionType.ALL);
            if (index.rangeKey() != null) {
                gsi.sortKey(Attribute.builder()
                        .name(index.rangeKey())
                        .type(AttributeType.STRING)
                        .build());
            }
            built.addGlobalSecondaryIndex(gsi.build());
        }
        return built;
    }

    /** Written out statement by statement: the CDK's grant helpers add actions the services never call. */
    private void grantOwnRights(Role taskRole, SharedResources shared) {
        List<String> tableResources = new ArrayList<>(List.of(table.getTableArn()));
        if (!spec.table().indexes().isEmpty()) {
            tableResources.add(table.getTableArn() + "/index/*");
        }
        taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .sid("OwnTable")
                .actions(spec.tableActions())
                .resources(tableResources)
                .build());
        switch (spec.events()) {
            case PUBLISHES ->
                taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .sid("PublishEvents")
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(shared.events().getQueueArn()))
                        .build());
            case CONSUMES ->
                taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .sid("ConsumeEvents")
                        .actions(List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage"))
                        .resources(List.of(shared.events().getQueueArn()))
                        .build());
            case NONE -> {}
        }
        if (spec.ownsProfiles()) {
            taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .sid("ReadCognitoUsers")
                    // AdminGetUser provisions a profile by sub; ListUsers finds a new user by handle
                    .actions(List.of("cognito-idp:AdminGetUser", "cognito-idp:ListUsers"))
                    .resources(List.of(shared.userPool().getUserPoolArn()))
                    .build());
            taskRole.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .sid("SignAvatarUploads")
                    // a presigned PUT URL carries the signer's rights: avatars/<sub>.<extension> only
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(shared.avatars().arnForObjects(SharedResources.AVATARS_PREFIX + "*")))
                    .build());
        }
    }

    private Map<String, String> environment(SharedResources shared) {
        DeploymentSettings settings = shared.settings();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(spec.port()));
        env.put("AWS_REGION", Aws.REGION);
        env.put("COGNITO_USER_POOL_ID", shared.userPool().getUserPoolId());
        env.put("COGNITO_CLIENT_ID", shared.client().getUserPoolClientId());
        env.put("FRONTEND_URL", String.join(",", shared.frontendUrls()));
        env.put(spec.table().envVar(), table.getTableName());
        if (spec.events() != ServiceSpec.Events.NONE) {
            env.put("EVENTS_QUEUE_URL", shared.events().getQueueUrl());
        }
        if (spec.callsUsers()) {
            env.put("USERS_SERVICE_URL", SharedResources.usersServiceUrl());
        }
        if (spec.ownsProfiles()) {
            env.put("AVATARS_BUCKET", shared.avatars().getBucketName());
        }
        if (settings.apiDocs() && spec.name().equals(RoutingTable.API_DOCS_SERVICE)) {
            env.put("CRUDDUR_API_DOCS", "true");
        }
        env.put("CRUDDUR_CACHE", "momento");
        env.put("CRUDDUR_ENVIRONMENT", settings.environment());
        env.put("CRUDDUR_VERSION", shared.imageTag());
        env.put("OTEL_SERVICE_NAME", spec.name());
        return env;
    }

    private Map<String, Secret> secrets(String environment) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (String name : SECRETS) {
            secrets.put(name, SsmSecret.parameter(this, environment, name));
        }
        return secrets;
    }
}
