package com.cruddur.usersclient;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this instance last heard from the users service, kept only to answer while it is unreachable
 * (stale-if-error): reads never come from here while the users service answers, so a profile change shows at once.
 * Also the handles the users service said it does not know, for a few seconds (the negative cache).
 */
@ApplicationScoped
public class LastKnownProfiles {

    private static final int MAX_ENTRIES = 10_000;

    private final Cache<String, UserDirectory.ShortProfile> bySub;
    private final Cache<String, UserDirectory.Profile> byHandle;
    private final Cache<String, Boolean> unknownHandles;

    public LastKnownProfiles(
            @ConfigProperty(name = "cruddur.users.stale-for", defaultValue = "24h") Duration staleFor,
            @ConfigProperty(name = "cruddur.users.unknown-handle-for", defaultValue = "5s") Duration unknownFor) {
        this.bySub = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(staleFor)
                .build();
        this.byHandle = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(staleFor)
                .build();
        this.unknownHandles = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .expireAfterWrite(unknownFor)
                .build();
    }

    /** The users service answered for {@code asked}: remember those found, forget those it no longer has. */
    void found(Collection<String> asked, Map<String, UserDirectory.ShortProfile> found) {
        asked.forEach(sub -> {
            UserDirectory.ShortProfile profile = found.get(sub);
            if (profile == null) {
                bySub.invalidate(sub);
            } else {
                bySub.put(sub, profile);
            }
        });
    }

    void found(String handle, Optional<UserDirectory.Profile> found) {
        found.ifPresentOrElse(
                profile -> {
                    byHandle.put(key(handle), profile);
                    bySub.put(
                            profile.sub(),
                            new UserDirectory.ShortProfile(profile.sub(), profile.handle(), profile.displayName()));
                    unknownHandles.invalidate(key(handle));
                },
                () -> {
                    byHandle.invalidate(key(handle));
                    unknownHandles.put(key(handle), true);
                });
    }

    /** The users service answered for {@code asked} handles with {@code found}, by lower-case handle. */
    void foundHandles(Collection<String> asked, Map<String, UserDirectory.Profile> found) {
        asked.forEach(handle -> found(handle, Optional.ofNullable(found.get(key(handle)))));
    }

    Map<String, UserDirectory.ShortProfile> bySubs(Collection<String> subs) {
        Map<String, UserDirectory.ShortProfile> known = new HashMap<>();
        subs.forEach(sub -> Optional.ofNullable(bySub.getIfPresent(sub)).ifPresent(p -> known.put(sub, p)));
        return known;
    }

    Optional<UserDirectory.Profile> byHandle(String handle) {
        return Optional.ofNullable(byHandle.getIfPresent(key(handle)));
    }

    /** The users service said, a few seconds ago, that no user has this handle. */
    boolean isUnknown(String handle) {
        return unknownHandles.getIfPresent(key(handle)) != null;
    }

    static String key(String handle) {
        return handle.toLowerCase(Locale.ROOT);
    }
}
