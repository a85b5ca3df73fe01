package com.cruddur.activities;

import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.ServiceConventionsTest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class HttpConventionsTest extends ServiceConventionsTest {

    @Override
    protected String service() {
        return "activities";
    }

    @Override
    protected String basePackage() {
        return "com.cruddur.activities";
    }
}
