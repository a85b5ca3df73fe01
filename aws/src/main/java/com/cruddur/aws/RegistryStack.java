package com.cruddur.aws;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.constructs.Construct;

/**
 * One ECR repository per deployed service. Deployed on its own and first, so that images can be pushed before the
 * services that run them exist. The app stack finds the repositories by name ({@link #repositoryName}), not through a
 * cross-stack export, so either stack can change without the other.
 */
public class RegistryStack extends Stack {

    public static final String NAME = "CruddurRegistry";
    /** Images kept per repository; older ones are expired (a rollback further back needs a rebuild). */
    public static final int KEPT_IMAGES = 20;

    public RegistryStack(Construct scope, StackProps props) {
        super(scope, NAME, props);
        for (ServiceSpec service : ServiceSpec.ALL) {
            Repository repository = Repository.Builder.create(this, service.title() + "Repository")
                    .repositoryName(repositoryName(service))
                    .imageScanOnPush(true)
                    // tags are commit shas pushed by the CI only; a re-run of a deploy rebuilds and pushes the same
                    // sha again, which an immutable repository would refuse (see docs/deployment-aws.md)
                    .imageTagMutability(TagMutability.MUTABLE)
                    .lifecycleRules(List.of(LifecycleRule.builder()
                            .description("keep the last " + KEPT_IMAGES + " images")
                            .maxImageCount(KEPT_IMAGES)
                            .build()))
                    .build();
            Tagging.service(repository, service.name());
            CfnOutput.Builder.create(this, service.title() + "RepositoryName")
                    .description("ECR repository of the " + service.name() + " service's images")
                    .value(repository.getRepositoryName())
                    .build();
            CfnOutput.Builder.create(this, service.title() + "RepositoryUri")
                    .description("docker push target of the " + service.name() + " service (tag: the git sha)")
                    .value(repository.getRepositoryUri())
                    .build();
        }
    }

    public static String repositoryName(ServiceSpec service) {
        return "cruddur/" + service.name();
    }
}
