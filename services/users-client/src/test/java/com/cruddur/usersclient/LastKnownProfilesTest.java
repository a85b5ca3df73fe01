package com.cruddur.usersclient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LastKnownProfilesTest {

    private final LastKnownProfiles lastKnown = new LastKnownProfiles(Duration.ofHours(1), Duration.ofHours(1));

    @Test
    void aUserTheUsersServiceNoLongerHasIsForgotten() {
        UserDirectory.ShortProfile ada = new UserDirectory.ShortProfile("s1", "ada", "Ada");
        lastKnown.found(List.of("s1", "s2"), Map.of("s1", ada));
        assertEquals(Map.of("s1", ada), lastKnown.bySubs(List.of("s1", "s2")));
        lastKnown.found(List.of("s1"), Map.of());
        assertEquals(Map.of(), lastKnown.bySubs(List.of("s1")));
    }

    @Test
    void aHandleLookupIsRememberedByHandleAndBySubAndAnUnknownHandleUntilItIsFound() {
        lastKnown.found("Ada", Optional.empty());
        assertTrue(lastKnown.isUnknown("ada"), "handles are case-insensitive");
        UserDirectory.Profile ada = new UserDirectory.Profile("s1", "ada", "Ada", "bio", 0, 0);
        lastKnown.found("ada", Optional.of(ada));
        assertFalse(lastKnown.isUnknown("ADA"));
        assertEquals(Optional.of(ada), lastKnown.byHandle("Ada"));
        assertEquals("Ada", lastKnown.bySubs(List.of("s1")).get("s1").displayName());
    }
}
