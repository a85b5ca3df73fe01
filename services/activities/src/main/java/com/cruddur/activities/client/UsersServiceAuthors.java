package com.cruddur.activities.client;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.error.ErrorCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Authors from the users service over its internal HTTP API; a page of authors is one call. */
@ApplicationScoped
public class UsersServiceAuthors implements AuthorDirectory {

    private static final Logger LOG = Logger.getLogger(UsersServiceAuthors.class);
    private static final int MAX_BATCH = 100;

    private final UsersApi users;

    public UsersServiceAuthors(@RestClient UsersApi users) {
        this.users = users;
    }

    @Override
    public Map<String, Author> bySubs(Collection<String> subs) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(subs));
        Map<String, Author> authors = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH) {
            List<String> batch = distinct.subList(from, Math.min(from + MAX_BATCH, distinct.size()));
            call(() -> users.bySubs(batch)).forEach(p -> authors.put(p.uuid(), new Author(p.uuid(), p.handle(), p.displayName())));
        }
        return authors;
    }

    @Override
    public Optional<Profile> byHandle(String handle) {
        try {
            UsersApi.Profile p = users.byHandle(handle);
            return Optional.of(new Profile(p.uuid(), p.handle(), p.displayName(), p.bio()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static <T> T call(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException | ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(RuntimeException e) {
        LOG.warnf("the users service failed: %s", e.toString());
        return new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE);
    }
}
