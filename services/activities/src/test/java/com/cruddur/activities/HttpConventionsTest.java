package com.cruddur.activities;

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
        return "activities";
    }

    @Override
    protected String basePackage() {
        return "com.cruddur.activities";
    }

    @Test
    void theServiceServesExactlyTheApiRoutesTheContractGivesIt() {
        assertEquals(ServedRoutes.inContractFor("activities"), ServedRoutes.servedBy("com.cruddur.activities"));
    }
}
