package com.cruddur.users.service;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.ratelimit.RateLimiter;
import com.cruddur.users.User;
import com.cruddur.users.UsersConfig;
import com.cruddur.users.repository.FollowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Following other users: idempotent follow and unfollow, the counts, and the lists of both sides. */
@ApplicationScoped
public class Follows {

    public static final String FOLLOW_SELF = "follow_self";

    /** Where the caller stands with a user after a follow or unfollow. */
    public record Standing(User user, boolean following) {}

    /** Over the caller's follow allowance: the refusal carries the decision's headers. */
    public static final class Limited extends RuntimeException {
        private final transient RateLimiter.Decision decision;

        Limited(RateLimiter.Decision decision) {
            super("follow limit", null, false, false);
            this.decision = decision;
        }

        public RateLimiter.Decision decision() {
            return decision;
        }
    }

    /** A page of users, newest follow first. */
    public record Page(List<User> users, Optional<String> next) {}

    private final UserService users;
    private final FollowRepository follows;
    private final RateLimiter followLimit;
    private final Clock clock;

    public Follows(UserService users, FollowRepository follows, UsersConfig config, Clock clock) {
        this.users = users;
        this.follows = follows;
        this.followLimit =
                new RateLimiter(config.follows().limit(), config.follows().period(), clock);
        this.clock = clock;
    }

    /**
     * Follows the user; a new follow takes one from the caller's allowance (docs/rate-limits.md), following someone
     * again does not (it changes nothing).
     */
    public Standing follow(String callerSub, String handle) {
        User target = other(callerSub, handle);
        if (!follows.follows(callerSub, target.sub())) {
            RateLimiter.Decision allowance = followLimit.take(callerSub);
            if (!allowance.allowed()) {
                throw new Limited(allowance);
            }
            follows.follow(callerSub, target.sub(), clock.instant());
        }
        return new Standing(reread(target), true);
    }

    public Standing unfollow(String callerSub, String handle) {
        User target = other(callerSub, handle);
        follows.unfollow(callerSub, target.sub());
        return new Standing(reread(target), false);
    }

    /** Whether {@code followerSub} follows {@code followedSub}. */
    public boolean follows(String followerSub, String followedSub) {
        return follows.follows(followerSub, followedSub);
    }

    /** Whom {@code followerSub} follows (subs), the most recent first, at most {@code max}. */
    public List<String> followedSubs(String followerSub, int max) {
        return follows.allFollowing(followerSub, max);
    }

    public Page followers(String handle, Paging paging) {
        User user = existing(handle);
        return page(follows.followers(user.sub(), paging.after(), paging.limit()));
    }

    public Page following(String handle, Paging paging) {
        User user = existing(handle);
        return page(follows.following(user.sub(), paging.after(), paging.limit()));
    }

    private Page page(FollowRepository.Page page) {
        Map<String, User> found = page.subs().isEmpty()
                ? Map.of()
                : users.findBySubs(page.subs()).stream().collect(Collectors.toMap(User::sub, Function.identity()));
        List<String> order = page.subs();
        return new Page(
                found.values().stream()
                        .sorted(Comparator.comparingInt(user -> order.indexOf(user.sub())))
                        .toList(),
                page.next());
    }

    private User other(String callerSub, String handle) {
        User caller = users.caller(callerSub);
        User target = existing(handle);
        if (target.sub().equals(caller.sub())) {
            throw new ApiException(422, FOLLOW_SELF);
        }
        return target;
    }

    private User existing(String handle) {
        return users.findByHandle(handle).orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
    }

    private User reread(User user) {
        return users.findByHandle(user.handle()).orElse(user);
    }
}
