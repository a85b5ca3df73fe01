package com.cruddur.messages;

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
        return "messages";
    }

    @Override
    protected String basePackage() {
        return "com.cruddur.messages";
    }

    @Test
    void theServiceServesExactlyTheApiRoutesTheContractGivesIt() {
        assertEquals(ServedRoutes.inContractFor("messages"), ServedRoutes.servedBy("com.cruddur.messages"));
    }
}
