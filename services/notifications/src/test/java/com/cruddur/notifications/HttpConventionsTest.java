package com.cruddur.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.ServedRoutes;
import com.cruddur.testing.ServiceConventionsTest;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class HttpConventionsTest extends ServiceConventionsTest {

    @Override
    protected String service() {
        return "notifications";
    }

    @Override
    protected String basePackage() {
        return "com.cruddur.notifications";
    }

    @Test
    void theServiceServesExactlyTheApiRoutesTheContractGivesIt() {
        assertEquals(ServedRoutes.inContractFor("notifications"), ServedRoutes.servedBy("com.cruddur.notifications"));
    }
}
