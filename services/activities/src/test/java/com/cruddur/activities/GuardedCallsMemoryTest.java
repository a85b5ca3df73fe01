package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.HeapCensus;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.UsersServiceResource;
import com.cruddur.usersclient.UsersServiceDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A call to the users service through its guard ({@code @ApplyGuard}) leaves nothing behind on the heap: with
 * fault-tolerance metrics on, SmallRye Fault Tolerance 6.10.0 kept two objects per call for good (docs/memory.md).
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class GuardedCallsMemoryTest {

    private static final String METRICS_PACKAGE = "io.smallrye.faulttolerance.core.metrics.";
    private static final int CALLS = 200;

    @Inject
    UsersServiceDirectory users;

    @Test
    void guardedCallsToTheUsersServiceKeepNoObjectPerCall() {
        String nobody = UUID.randomUUID().toString();
        users.bySubs(List.of(nobody));
        long before = HeapCensus.live(METRICS_PACKAGE);
        for (int i = 0; i < CALLS; i++) {
            assertEquals(0, users.bySubs(List.of(nobody)).size());
        }
        long kept = HeapCensus.live(METRICS_PACKAGE) - before;
        assertTrue(kept < CALLS / 10, kept + " fault-tolerance metrics objects kept after " + CALLS + " calls");
    }
}
