package com.cruddur.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void aVariableReadWithoutADefaultIsRequiredAndADevProfileDefaultDoesNotCount() {
        ServiceSettings users = ServiceSettings.of("users");
        // cruddur.users.avatars-bucket=${AVATARS_BUCKET}, with a default only under %dev
        assertEquals(
                Set.of(
                        "AVATARS_BUCKET",
                        "COGNITO_CLIENT_ID",
                        "COGNITO_USER_POOL_ID",
                        "EVENTS_QUEUE_URL",
                        "FRONTEND_URL"),
                users.required());
        assertTrue(users.optional().contains("USERS_TABLE"));
        assertEquals(4568, users.port());
    }

    @Test
    void settingsOfLibraryModulesOnTheRuntimeClasspathCount() {
        // the queue url is read by the events module, which notifications depends on and the edge does not
        assertTrue(ServiceSettings.of("notifications").required().contains("EVENTS_QUEUE_URL"));
        assertFalse(ServiceSettings.of("edge").all().contains("EVENTS_QUEUE_URL"));
        assertTrue(ServiceSettings.of("edge").optional().contains("ACTIVITIES_SERVICE_URL"));
    }
}
