package com.cruddur.testing;

import com.cruddur.localstack.TcpProxy;
import java.util.HashMap;
import java.util.Map;

/**
 * The shared stack of {@link LocalStackResource}, with DynamoDB reached through a {@link TcpProxy} that a test can
 * cut ({@link #proxy()}) to make DynamoDB unreachable without losing its data.
 */
public class DynamoDbProxyResource extends LocalStackResource {

    private static TcpProxy proxy;

    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        if (proxy == null) {
            proxy = new TcpProxy(SharedStack.get().emulators().dynamoDb().getPort());
        }
        config.put("cruddur.aws.endpoint.dynamodb", "http://127.0.0.1:" + proxy.port());
        return config;
    }
}
