package com.cruddur.notifications;

import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.ServiceConventionsTest;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class HttpConventionsTest extends ServiceConventionsTest {

    @Override
    protected String service() {
        return "notifications";
    }
}
