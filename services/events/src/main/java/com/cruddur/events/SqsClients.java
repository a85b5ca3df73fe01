package com.cruddur.events;

import com.cruddur.common.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@ApplicationScoped
public class SqsClients {

    @Produces
    @Singleton
    SqsClient sqs(AwsClients aws) {
        return aws.build(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()), aws.config().endpoint().sqs());
    }

    void close(@Disposes SqsClient client) {
        client.close();
    }
}
