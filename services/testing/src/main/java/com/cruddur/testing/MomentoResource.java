package com.cruddur.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the service under test cache in Momento (the real SDK), on the Momento server the users service uses too. */
public class MomentoResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("cruddur.cache.type", "momento",
                "cruddur.cache.momento.local-endpoint", SharedStack.get().momento().endpoint());
    }

    @Override
    public void stop() {
        // lives for the whole test JVM
    }
}
