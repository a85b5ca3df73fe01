package com.cruddur.usersclient;

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

/** Profiles from the users service over its internal HTTP API; the authors of a whole page are one call. */
@ApplicationScoped
public class UsersServiceDirectory implements UserDirectory {

    private static final Logger LOG = Logger.getLogger(UsersServiceDirectory.class);
    private static final int MAX_BATCH = 100;

    private final UsersApi api;

    public UsersServiceDirectory(@RestClient UsersApi api) {
        this.api = api;
    }

    @Override
    public Map<String, ShortProfile> bySubs(Collection<String> subs) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(subs));
        Map<String, ShortProfile> users = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += MAX_BATCH) {
            List<String> batch = distinct.subList(from, Math.min(from + MAX_BATCH, distinct.size()));
            call(() -> api.bySubs(batch)).forEach(p -> users.put(p.uuid(), new ShortProfile(p.uuid(), p.handle(), p.displayName())));
        }
        return users;
    }

    @Override
    public Optional<Profile> byHandle(String handle) {
        try {
            UsersApi.Profile p = api.byHandle(handle);
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
