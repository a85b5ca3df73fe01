package com.cruddur.usersclient;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.error.Bursts;
import com.cruddur.common.error.ErrorCodes;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Profiles from the users service over its internal HTTP API; the authors of a whole page are one call. Every read
 * asks the users service (so a profile change shows at once, in every service and instance), within a bounded time
 * ({@link UsersServiceGuard}: each attempt cut at 1.5 s, one retry, one circuit breaker for the users service). When
 * the users service cannot answer, the last profiles it gave are used (stale-if-error); users never seen are left out of lists, and a handle never seen answers 503.
 */
@ApplicationScoped
public class UsersServiceDirectory implements UserDirectory {

    private static final Logger LOG = Logger.getLogger(UsersServiceDirectory.class);
    private static final int MAX_BATCH = 100;

    private final UsersApi api;
    private final LastKnownProfiles lastKnown;
    private final Bursts failures;

    public UsersServiceDirectory(@RestClient UsersApi api, LastKnownProfiles lastKnown, Clock clock) {
        this.api = api;
        this.lastKnown = lastKnown;
        this.failures = new Bursts(clock);
    }

    @Override
    @ApplyGuard(UsersServiceGuard.NAME)
    @Fallback(fallbackMethod = "lastKnownBySubs")
    public Map<String, ShortProfile> bySubs(Collection<String> subs) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(subs));
        Map<String, ShortProfile> users = new HashMap<>();
        inBatches(distinct, api::bySubs)
                .forEach(p -> users.put(p.uuid(), new ShortProfile(p.uuid(), p.handle(), p.displayName())));
        lastKnown.found(distinct, users);
        return users;
    }

    @Override
    @ApplyGuard(UsersServiceGuard.NAME)
    @Fallback(fallbackMethod = "lastKnownProfile")
    public Optional<ProfileView> profile(String handle, Optional<String> viewer) {
        if (lastKnown.isUnknown(handle)) {
            return Optional.empty();
        }
        Optional<ProfileView> found;
        try {
            UsersApi.ViewedProfile p = api.byHandle(handle, viewer.orElse(null));
            found = Optional.of(new ProfileView(
                    new Profile(p.uuid(), p.handle(), p.displayName(), p.bio(), p.followersCount(), p.followingCount()),
                    p.following()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
            found = Optional.empty();
        }
        lastKnown.found(handle, found.map(ProfileView::profile));
        return found;
    }

    @Override
    @ApplyGuard(UsersServiceGuard.NAME)
    @Fallback(fallbackMethod = "lastKnownByHandles")
    public Map<String, Profile> byHandles(Collection<String> handles) {
        List<String> asked = handles.stream()
                .map(LastKnownProfiles::key)
                .distinct()
                .filter(h -> !lastKnown.isUnknown(h))
                .toList();
        Map<String, Profile> found = new HashMap<>();
        inBatches(asked, api::byHandles).forEach(p -> found.put(LastKnownProfiles.key(p.handle()), profile(p)));
        lastKnown.foundHandles(asked, found);
        return found;
    }

    /** The answers to {@code keys}, asked in batches of at most {@link #MAX_BATCH}, as the users service takes them. */
    private static <T> List<T> inBatches(List<String> keys, Function<List<String>, List<T>> ask) {
        List<T> answers = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_BATCH) {
            answers.addAll(ask.apply(keys.subList(from, Math.min(from + MAX_BATCH, keys.size()))));
        }
        return answers;
    }

    /**
     * The following feed's authors. Never from an old copy: an unfollow must show at once, so while the users service
     * cannot answer, the feed answers 503.
     */
    @Override
    @ApplyGuard(UsersServiceGuard.NAME)
    @Fallback(fallbackMethod = "unavailableFollowed")
    public List<String> followed(String followerSub) {
        return api.following(followerSub);
    }

    List<String> unavailableFollowed(String followerSub, Throwable failure) {
        warn(failure);
        throw new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE);
    }

    private static Profile profile(UsersApi.Profile p) {
        return new Profile(p.uuid(), p.handle(), p.displayName(), p.bio(), p.followersCount(), p.followingCount());
    }

    Map<String, ShortProfile> lastKnownBySubs(Collection<String> subs, Throwable failure) {
        warn(failure);
        return lastKnown.bySubs(subs);
    }

    /** While the users service cannot answer: the last known profile, not followed (a handle never seen: 503). */
    Optional<ProfileView> lastKnownProfile(String handle, Optional<String> viewer, Throwable failure) {
        warn(failure);
        if (lastKnown.isUnknown(handle)) {
            return Optional.empty();
        }
        return Optional.of(new ProfileView(
                lastKnown.byHandle(handle).orElseThrow(() -> new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE)),
                false));
    }

    /** Handles never heard of cannot be answered from the last known copies: 503, so the caller tries again later. */
    Map<String, Profile> lastKnownByHandles(Collection<String> handles, Throwable failure) {
        warn(failure);
        Map<String, Profile> known = new HashMap<>();
        for (String handle : handles) {
            if (!lastKnown.isUnknown(handle)) {
                known.put(
                        LastKnownProfiles.key(handle),
                        lastKnown
                                .byHandle(handle)
                                .orElseThrow(() -> new ApiException(503, ErrorCodes.SERVICE_UNAVAILABLE)));
            }
        }
        return known;
    }

    /** One warning per burst of failures, not one per request; the next burst's opening counts the previous one. */
    private void warn(Throwable failure) {
        Bursts.Failure counted = failures.failed("users");
        counted.previous()
                .ifPresent(ended -> LOG.infof(
                        "the users service could not answer for %s: %d calls served from the last known copies",
                        ended.length(), ended.count()));
        if (counted.opened()) {
            LOG.warnf(
                    "the users service cannot answer, profiles served from the last known copies: %s",
                    failure.toString());
        }
    }
}
