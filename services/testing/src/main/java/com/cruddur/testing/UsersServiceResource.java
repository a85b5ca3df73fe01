package com.cruddur.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a service under test at the real users service (see {@link SharedStack#usersService()}). */
public class UsersServiceResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.rest-client.users.url",
                SharedStack.get().usersService().toString());
    }

    @Override
    public void stop() {
        // lives for the whole test JVM
    }
}
