package com.cruddur.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the service under test cache in Momento (the real SDK), on the Momento server the users service uses too. */
public class MomentoResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The cache bound in tests: every service and emulator shares two cores during a build, where 50 ms is too tight
     * for the invalidation tests to be deterministic. The bound itself is proved with the adapter alone.
     */
    public static final String TEST_TIMEOUT = "1s";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "cruddur.cache.type",
                "momento",
                "cruddur.cache.timeout",
                TEST_TIMEOUT,
                "cruddur.cache.momento.local-endpoint",
                SharedStack.get().momento().endpoint());
    }

    @Override
    public void stop() {
        // lives for the whole test JVM
    }
}
