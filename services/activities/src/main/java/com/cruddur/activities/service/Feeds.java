package com.cruddur.activities.service;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.activities.Activity;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Page;
import com.cruddur.common.concurrent.FanOut;
import com.cruddur.common.concurrent.InParallel;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.validation.Validation;
import com.cruddur.usersclient.UserDirectory;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** The read side: home feed, a user's profile page, one crud with its replies, and search. Live items only. */
@ApplicationScoped
public class Feeds {

    /** A page of views and the position to continue after, if there is more. */
    public record FeedPage(List<ActivityView> items, Optional<String> next) {}

    public record ProfilePage(ProfileView profile, FeedPage activities) {}

    /** {@code following}: whether the caller follows this user. */
    public record ProfileView(
            String uuid,
            String cognitoUserUuid,
            String handle,
            String displayName,
            String bio,
            long crudsCount,
            long followersCount,
            long followingCount,
            boolean following) {}

    public record Show(ActivityView activity, List<ActivityView> replies) {}

    public record ShowPage(Show show, Optional<String> next) {}

    private final ActivityRepository activities;
    private final ActivityViews views;
    private final UserDirectory authors;
    private final FeedCache cache;
    private final ActivitiesConfig config;
    private final Clock clock;
    private final FanOut executor;

    public Feeds(
            ActivityRepository activities,
            ActivityViews views,
            UserDirectory authors,
            FeedCache cache,
            ActivitiesConfig config,
            Clock clock,
            FanOut executor) {
        this.activities = activities;
        this.views = views;
        this.authors = authors;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
    }

    public FeedPage home(Optional<String> caller, Paging paging) {
        if (isFirstPage(paging)) {
            FeedCache.FirstPage first = cache.home(() -> {
                Page<Activity> page = activities.feed(config.feedShards(), Optional.empty(), now(), paging.limit());
                return new FeedCache.FirstPage(page.items(), page.hasMore());
            });
            return render(live(first), caller);
        }
        Page<Activity> page = paging.after()
                .map(after -> laterHomePage(after, paging.limit()))
                .orElseGet(() -> activities.feed(config.feedShards(), Optional.empty(), now(), paging.limit()));
        return render(page, caller);
    }

    /**
     * A later page: its cruds by their cached positions, read in one batch instead of a query per feed partition;
     * read by the partitions when the positions are not cached, or one of their cruds expired since.
     */
    private Page<Activity> laterHomePage(String after, int limit) {
        Instant now = now();
        AtomicReference<Page<Activity>> queried = new AtomicReference<>();
        FeedCache.Positions positions = cache.homeAfter(after, limit, () -> {
            Page<Activity> page = activities.feed(config.feedShards(), Optional.of(after), now, limit);
            queried.set(page);
            return new FeedCache.Positions(
                    page.items().stream().map(Activity::uuid).toList(), page.hasMore());
        });
        if (queried.get() != null) {
            return queried.get();
        }
        List<Activity> found = activities.findAll(positions.uuids()).stream()
                .filter(a -> a.isLiveAt(now))
                .toList();
        return found.size() == positions.uuids().size()
                ? new Page<>(found, positions.hasMore())
                : activities.feed(config.feedShards(), Optional.of(after), now, limit);
    }

    /**
     * The caller's following feed: the live cruds of the users they follow and their own, newest first, merged at
     * read time (fan-out on read, docs/following-feed.md). Whom the caller follows is asked afresh for every page, so
     * a follow or unfollow shows on the next one; a first page is merged from each author's cached newest cruds.
     */
    public FeedPage following(String caller, Paging paging) {
        Set<String> authors = new LinkedHashSet<>(this.authors.followed(caller));
        authors.add(caller);
        Instant now = now();
        Page<Activity> page = paging.after().isEmpty() && paging.limit() <= Paging.DEFAULT_LIMIT
                ? firstFollowingPage(authors, now, paging.limit())
                : activities.byAuthors(authors, paging.after(), now, paging.limit());
        return render(page, Optional.of(caller));
    }

    /**
     * A first page merged from the authors' cached pages (each dropped by this service's own writes of its author,
     * and used only while none of its cruds expired). Each holds all of its author's live cruds or the newest
     * {@link Paging#DEFAULT_LIMIT} of them, so the newest {@code limit} of them all are exactly the page.
     */
    private Page<Activity> firstFollowingPage(Collection<String> authors, Instant now, int limit) {
        Map<String, FeedCache.AuthorPage> pages = new HashMap<>(cache.authors(authors, now));
        List<String> missing =
                authors.stream().filter(sub -> !pages.containsKey(sub)).toList();
        List<FeedCache.AuthorPage> loaded = InParallel.all(
                executor,
                missing.stream()
                        .<Supplier<FeedCache.AuthorPage>>map(sub -> () -> cache.author(sub, now, () -> loadAuthor(sub)))
                        .toList());
        for (int i = 0; i < missing.size(); i++) {
            pages.put(missing.get(i), loaded.get(i));
        }
        List<Activity> merged = new ArrayList<>();
        pages.values().forEach(page -> merged.addAll(page.items()));
        merged.sort(ActivityRepository.NEWEST_FIRST);
        boolean more = merged.size() > limit || pages.values().stream().anyMatch(FeedCache.AuthorPage::hasMore);
        return new Page<>(List.copyOf(merged.subList(0, Math.min(limit, merged.size()))), more);
    }

    public ProfilePage profile(String handle, Optional<String> caller, Paging paging) {
        UserDirectory.ProfileView viewed = Optional.of(handle)
                .filter(Validation::isHandle)
                .flatMap(h -> authors.profile(h, caller))
                .orElseThrow(() -> ApiException.notFound("user_not_found"));
        UserDirectory.Profile user = viewed.profile();
        Instant now = now();
        FeedCache.AuthorPage author = cache.author(user.sub(), now, () -> loadAuthor(user.sub()));
        Page<Activity> page = isFirstPage(paging)
                ? new Page<>(author.items(), author.hasMore())
                : activities.byAuthor(user.sub(), paging.after(), now, paging.limit());
        ProfileView profile = new ProfileView(
                user.sub(),
                user.sub(),
                user.handle(),
                user.displayName(),
                user.bio(),
                author.crudsCount(),
                user.followersCount(),
                user.followingCount(),
                viewed.following());
        // the page's cruds are all the user's: their name and handle are what the users service has just said
        Map<String, UserDirectory.ShortProfile> owner =
                Map.of(user.sub(), new UserDirectory.ShortProfile(user.sub(), user.handle(), user.displayName()));
        return new ProfilePage(profile, render(page, caller, owner));
    }

    /** An author's newest live cruds and their count, read at once. */
    private FeedCache.AuthorPage loadAuthor(String sub) {
        Instant now = now();
        CompletableFuture<ActivityRepository.LiveCount> counting =
                InParallel.start(executor, () -> activities.countLiveByAuthor(sub, now));
        Page<Activity> page = activities.byAuthor(sub, Optional.empty(), now, Paging.DEFAULT_LIMIT);
        ActivityRepository.LiveCount live = InParallel.join(counting);
        return new FeedCache.AuthorPage(page.items(), page.hasMore(), live.count(), live.firstExpiry());
    }

    private static boolean isFirstPage(Paging paging) {
        return paging.after().isEmpty() && paging.limit() == Paging.DEFAULT_LIMIT;
    }

    /** A cached page may hold a crud that expired since it was cached: it never reaches the caller. */
    private Page<Activity> live(FeedCache.FirstPage page) {
        Instant now = now();
        return new Page<>(page.items().stream().filter(a -> a.isLiveAt(now)).toList(), page.hasMore());
    }

    /**
     * A crud with a page of its replies, oldest first (the crud itself on every page, so that each page renders on
     * its own); the position of the page's last reply when there are more.
     */
    public ShowPage show(String handle, String uuid, Optional<String> caller, Paging paging) {
        Instant now = now();
        if (!Validation.isUuid(uuid)) {
            throw ApiException.notFound(Posting.NOT_FOUND);
        }
        CompletableFuture<Page<Activity>> reading =
                InParallel.start(executor, () -> activities.replies(uuid, paging.after(), now, paging.limit()));
        Activity activity = activities
                .find(uuid)
                .filter(a -> a.isLiveAt(now))
                .orElseThrow(() -> ApiException.notFound(Posting.NOT_FOUND));
        Page<Activity> replies = InParallel.join(reading);
        List<Activity> all = new ArrayList<>();
        all.add(activity);
        all.addAll(replies.items());
        List<ActivityView> rendered = views.render(all, caller);
        if (rendered.isEmpty() || !rendered.get(0).uuid().equals(uuid)) {
            // its author was not rendered: a user that is gone (404), or one the users service cannot tell of now,
            // and then asking for the handle answers 503 rather than calling the crud missing
            if (Validation.isHandle(handle)) {
                authors.byHandle(handle);
            }
            throw ApiException.notFound(Posting.NOT_FOUND);
        }
        if (!rendered.get(0).handle().toLowerCase(Locale.ROOT).equals(handle.toLowerCase(Locale.ROOT))) {
            throw ApiException.notFound(Posting.NOT_FOUND);
        }
        Optional<String> next = replies.hasMore()
                ? Optional.of(ActivityRepository.position(
                        replies.items().get(replies.items().size() - 1)))
                : Optional.empty();
        return new ShowPage(new Show(rendered.get(0), rendered.subList(1, rendered.size())), next);
    }

    /** Cruds that contain every token of {@code term}, newest first. */
    public FeedPage search(String term, Optional<String> caller, Paging paging) {
        List<String> tokens = List.copyOf(SearchTokens.of(term));
        if (tokens.isEmpty()) {
            return new FeedPage(List.of(), Optional.empty());
        }
        Page<String> positions = activities.searchToken(tokens.get(0), paging.after(), now(), paging.limit());
        List<Activity> found = activities.findAll(positions.items().stream()
                .map(p -> p.substring(p.indexOf('#') + 1))
                .toList());
        Instant now = now();
        List<Activity> matching = found.stream()
                .filter(a -> a.isLiveAt(now))
                .filter(a -> SearchTokens.of(a.message()).containsAll(Set.copyOf(tokens)))
                .toList();
        Optional<String> next = positions.hasMore()
                ? Optional.of(positions.items().get(positions.items().size() - 1))
                : Optional.empty();
        return new FeedPage(views.render(matching, caller), next);
    }

    private FeedPage render(Page<Activity> page, Optional<String> caller) {
        return render(page, caller, Map.of());
    }

    private FeedPage render(
            Page<Activity> page, Optional<String> caller, Map<String, UserDirectory.ShortProfile> known) {
        Span.current().setAttribute("cruddur.page.size", page.items().size());
        Optional<String> next = page.hasMore()
                ? Optional.of(ActivityRepository.position(
                        page.items().get(page.items().size() - 1)))
                : Optional.empty();
        return new FeedPage(views.render(page.items(), caller, known), next);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
