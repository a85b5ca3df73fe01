package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.common.concurrent.FanOut;
import com.cruddur.common.concurrent.InParallel;
import com.cruddur.common.time.Timestamps;
import com.cruddur.usersclient.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Turns activities into what the frontend shows: the authors of a whole page in one call to the users service, and
 * the caller's likes and reposts from their {@link MarkerCache}. An activity whose author no longer exists is left out, and so is
 * one whose author this instance never saw while the users service is unreachable.
 */
@ApplicationScoped
public class ActivityViews {

    private final UserDirectory authors;
    private final MarkerCache markers;
    private final FanOut executor;

    public ActivityViews(UserDirectory authors, MarkerCache markers, FanOut executor) {
        this.authors = authors;
        this.markers = markers;
        this.executor = executor;
    }

    public List<ActivityView> render(List<Activity> page, Optional<String> caller) {
        return render(page, caller, Map.of());
    }

    /**
     * The same, with authors the caller has just been told of by the users service in this request (the profile
     * page's owner): those are not asked again, and a page by them alone costs no call.
     */
    public List<ActivityView> render(
            List<Activity> page, Optional<String> caller, Map<String, UserDirectory.ShortProfile> known) {
        if (page.isEmpty()) {
            return List.of();
        }
        // a crud nobody liked or reposted has no marker of the caller's (its counts are derived from the markers), so
        // only the others are looked up, while the users service is asked for the authors
        List<String> reacted = page.stream()
                .filter(a -> a.likesCount() > 0 || a.repostsCount() > 0)
                .map(Activity::uuid)
                .toList();
        CompletableFuture<Set<String>> reading = caller.filter(sub -> !reacted.isEmpty())
                .map(sub -> InParallel.start(executor, () -> markers.markersOf(sub, reacted)))
                .orElse(CompletableFuture.completedFuture(Set.of()));
        List<String> unknown = page.stream()
                .map(Activity::authorSub)
                .filter(sub -> !known.containsKey(sub))
                .toList();
        Map<String, UserDirectory.ShortProfile> byAuthor = new HashMap<>(known);
        if (!unknown.isEmpty()) {
            byAuthor.putAll(authors.bySubs(unknown));
        }
        Set<String> marked = InParallel.join(reading);
        return page.stream()
                .filter(a -> byAuthor.containsKey(a.authorSub()))
                .map(a -> view(a, byAuthor.get(a.authorSub()), caller.isPresent(), marked))
                .toList();
    }

    /**
     * The caller's own new crud or reply, rendered from data at hand after its commit: its author from the cache or
     * the users service if it answers, else placeholder author fields (empty handle and name) until the next read.
     * Nothing here can fail the write.
     */
    public ActivityView renderNew(Activity activity) {
        UserDirectory.ShortProfile author;
        try {
            author = authors.bySubs(List.of(activity.authorSub())).get(activity.authorSub());
        } catch (RuntimeException unavailable) {
            author = null;
        }
        if (author == null) {
            author = new UserDirectory.ShortProfile(activity.authorSub(), "", "");
        }
        return view(activity, author, true, Set.of());
    }

    private static ActivityView view(
            Activity a, UserDirectory.ShortProfile author, boolean signedIn, Set<String> markers) {
        return new ActivityView(
                a.uuid(),
                author.displayName(),
                author.handle(),
                a.message(),
                Timestamps.format(a.createdAt()),
                Timestamps.format(a.expiresAt()),
                a.repliesCount(),
                a.repostsCount(),
                a.likesCount(),
                a.replyTo(),
                signedIn ? markers.contains(a.uuid() + "|LIKE") : null,
                signedIn ? markers.contains(a.uuid() + "|REPOST") : null);
    }
}
