package com.cruddur.activities.client;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who wrote what: the users service's profiles, as this service needs them. A port, so that a cache can stand in
 * front of the users service without the endpoints knowing.
 */
public interface AuthorDirectory {

    record Author(String sub, String handle, String displayName) {
    }

    record Profile(String sub, String handle, String displayName, String bio) {
    }

    /** The authors among {@code subs} that exist, by sub: one call for a whole page. */
    Map<String, Author> bySubs(Collection<String> subs);

    Optional<Profile> byHandle(String handle);
}
