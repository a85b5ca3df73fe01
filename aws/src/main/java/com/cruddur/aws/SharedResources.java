package com.cruddur.aws;

import java.util.List;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.servicediscovery.PrivateDnsNamespace;
import software.amazon.awscdk.services.sqs.Queue;

/** What the services share: the network, the cluster, the events queue, the user pool and the avatar bucket. */
public record SharedResources(
        DeploymentSettings settings,
        String imageTag,
        List<String> frontendUrls,
        Vpc vpc,
        Cluster cluster,
        PrivateDnsNamespace namespace,
        Queue events,
        UserPool userPool,
        UserPoolClient client,
        Bucket avatars) {

    /** The private DNS zone in which the users service registers (Cloud Map). */
    public static final String NAMESPACE = "cruddur.local";
    /** The key prefix of avatar uploads, as the users service signs them ({@code avatars/<sub>.<extension>}). */
    public static final String AVATARS_PREFIX = "avatars/";

    /** Where the other services reach the users service's {@code /internal/users} API, inside the VPC. */
    public static String usersServiceUrl() {
        return "http://" + ServiceSpec.USERS.name() + "." + NAMESPACE + ":" + ServiceSpec.USERS.port();
    }
}
