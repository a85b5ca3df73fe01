package com.cruddur.usersclient;

import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles read through the cache, in front of the users service: the endpoints that show users do not know it is
 * there. The users service deletes a user's entries when the profile changes.
 */
@Decorator
@Priority(10)
public class CachingUserDirectory implements UserDirectory {

    @Inject
    @Delegate
    @Any
    UserDirectory source;

    @Inject
    JsonCache cache;

    @Override
    public Map<String, ShortProfile> bySubs(Collection<String> subs) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(subs));
        Map<String, ShortProfile> found = new HashMap<>();
        cache.getAll(distinct.stream().map(CacheKeys::profileBySub).toList(), ShortProfile.class)
                .values().forEach(profile -> found.put(profile.sub(), profile));
        List<String> missing = distinct.stream().filter(sub -> !found.containsKey(sub)).toList();
        if (!missing.isEmpty()) {
            source.bySubs(missing).forEach((sub, profile) -> {
                found.put(sub, profile);
                cache.put(CacheKeys.profileBySub(sub), profile, CacheKeys.PROFILE_TTL);
            });
        }
        return found;
    }

    @Override
    public Optional<Profile> byHandle(String handle) {
        Optional<Profile> cached = Optional.ofNullable(cache.getAll(List.of(CacheKeys.profileByHandle(handle)), Profile.class)
                .get(CacheKeys.profileByHandle(handle)));
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Profile> profile = source.byHandle(handle);
        profile.ifPresent(p -> cache.put(CacheKeys.profileByHandle(handle), p, CacheKeys.PROFILE_TTL));
        return profile;
    }
}
