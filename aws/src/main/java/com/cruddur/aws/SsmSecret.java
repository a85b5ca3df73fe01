package com.cruddur.aws;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.constructs.IConstruct;

/**
 * A SecureString parameter the operator created (in the parameter store, never in this repository), handed to a
 * container as an ECS secret: ECS reads it when the task starts and the value never shows in the task definition.
 * <p>
 * Unlike {@code Secret.fromSsmParameter}, which grants four read actions, this grants the execution role the one
 * action ECS calls, {@code ssm:GetParameters}, on this parameter alone. No {@code kms:Decrypt}: the parameters are
 * encrypted with the account's AWS managed key {@code aws/ssm}, whose key policy lets any principal of the account use
 * it through SSM (a customer managed key would need the grant).
 */
public final class SsmSecret extends Secret {

    private final String arn;

    private SsmSecret(String arn) {
        this.arn = arn;
    }

    /** {@code /cruddur/<environment>/<name>} in the stack's account and region. */
    public static SsmSecret parameter(IConstruct scope, String environment, String name) {
        return new SsmSecret(Stack.of(scope)
                .formatArn(ArnComponents.builder()
                        .service("ssm")
                        .resource("parameter")
                        .resourceName(parameterName(environment, name).substring(1))
                        .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                        .build()));
    }

    public static String parameterName(String environment, String name) {
        return "/cruddur/" + environment + "/" + name;
    }

    @Override
    public String getArn() {
        return arn;
    }

    @Override
    public Boolean getHasField() {
        return false;
    }

    @Override
    public Grant grantRead(IGrantable grantee) {
        return Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("ssm:GetParameters"))
                .resourceArns(List.of(arn))
                .build());
    }
}
