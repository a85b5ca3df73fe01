package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.UsersServiceResource;
import com.cruddur.usersclient.UsersServiceDirectory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import javax.management.ObjectName;
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
    void guardedCallsToTheUsersServiceKeepNoObjectPerCall() throws Exception {
        String nobody = UUID.randomUUID().toString();
        users.bySubs(List.of(nobody));
        long before = liveMetricsObjects();
        for (int i = 0; i < CALLS; i++) {
            assertEquals(0, users.bySubs(List.of(nobody)).size());
        }
        long kept = liveMetricsObjects() - before;
        assertTrue(kept < CALLS / 10, kept + " fault-tolerance metrics objects kept after " + CALLS + " calls");
    }

    /** The live instances of the fault-tolerance metrics classes, from a class histogram (after a full collection). */
    private static long liveMetricsObjects() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {null},
                        new String[] {String[].class.getName()});
        // rows: "  7:   22790   1823200  io.smallrye.faulttolerance.core.metrics.MetricsCollector"
        return histogram
                .lines()
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].startsWith(METRICS_PACKAGE))
                .mapToLong(columns -> Long.parseLong(columns[1]))
                .sum();
    }
}
