package com.cruddur.usersclient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Profiles from the users service, as the services that show authors need them. A port, so that a cache can stand
 * in front of the users service without the endpoints knowing.
 */
public interface UserDirectory {

    record ShortProfile(String sub, String handle, String displayName) {}

    record Profile(
            String sub, String handle, String displayName, String bio, long followersCount, long followingCount) {}

    /** A profile page's user, and whether the viewer follows them. */
    record ProfileView(Profile profile, boolean following) {}

    /** The users among {@code subs} that exist, by sub: one call for a whole page. */
    Map<String, ShortProfile> bySubs(Collection<String> subs);

    /**
     * A profile page's user by handle, and whether {@code viewer} (a sub, when signed in) follows them: one call.
     * While the users service cannot tell, the last known profile, not followed.
     */
    Optional<ProfileView> profile(String handle, Optional<String> viewer);

    default Optional<Profile> byHandle(String handle) {
        return profile(handle, Optional.empty()).map(ProfileView::profile);
    }

    /** The users holding these handles, by handle in lower case: one call for all of them. */
    Map<String, Profile> byHandles(Collection<String> handles);

    /** The subs {@code followerSub} follows, the most recent follow first (at most the users service's bound). */
    List<String> followed(String followerSub);
}
