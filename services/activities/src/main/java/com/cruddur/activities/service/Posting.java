package com.cruddur.activities.service;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.activities.Activity;
import com.cruddur.activities.Ttl;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Posting cruds and replies: validation, expiry, and safe retries. The item written is the one commit point; the
 * rest (search tokens, counters, events) follows from it through the outbox (docs/events.md).
 */
@ApplicationScoped
public class Posting {

    public static final int CRUD_MAX = 280;
    public static final int REPLY_MAX = 1024;
    public static final String NOT_FOUND = "activity_not_found";
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);
    static final Duration IDEMPOTENCY_LEASE = Duration.ofSeconds(15);
    private static final int MAX_IDEMPOTENCY_KEY = 255;

    private final ActivityRepository activities;
    private final ActivityEvents events;
    private final FeedCache feeds;
    private final ActivitiesConfig config;
    private final Clock clock;

    public Posting(ActivityRepository activities, ActivityEvents events, FeedCache feeds, ActivitiesConfig config,
            Clock clock) {
        this.activities = activities;
        this.events = events;
        this.feeds = feeds;
        this.config = config;
        this.clock = clock;
    }

    /** A new crud by {@code sub}, live for {@code ttl}. */
    public Activity create(String sub, String message, String ttl, String idempotencyKey) {
        String text = message == null ? null : message.strip();
        Optional<Ttl> lifetime = Ttl.parse(ttl);
        Validation validation = messageChecks(text, CRUD_MAX, "message_exceed_max_chars")
                .check(Validation.isBlank(ttl), "ttl_blank")
                .check(!Validation.isBlank(ttl) && lifetime.isEmpty(), "ttl_invalid");
        checkKey(idempotencyKey, validation);
        validation.throwIfFailed();
        return once(sub, idempotencyKey, "crud\n" + ttl + "\n" + text, uuid -> {
            Instant now = now();
            Activity crud = new Activity(uuid, sub, text, now, now.plus(lifetime.orElseThrow().duration()), null, 0, 0, 0);
            activities.insert(crud, Math.floorMod(uuid.hashCode(), config.feedShards()), events.pending(crud, null));
            committed(crud, sub);
            return crud;
        });
    }

    /** A reply by {@code sub} to a live activity; it expires with it and counts in its {@code replies_count}. */
    public Activity reply(String sub, String parentUuid, String message, String idempotencyKey) {
        String text = message == null ? null : message.strip();
        Validation validation = messageChecks(text, REPLY_MAX, "message_exceed_max_chars_1024");
        checkKey(idempotencyKey, validation);
        Activity parent = live(parentUuid);
        validation.throwIfFailed();
        return once(sub, idempotencyKey, "reply\n" + parentUuid + "\n" + text, uuid -> {
            Activity reply = new Activity(uuid, sub, text, now(), parent.expiresAt(), parent.uuid(), 0, 0, 0);
            activities.insert(reply, 0, events.pending(reply, parent.authorSub()));
            committed(reply, parent.authorSub());
            return reply;
        });
    }

    /** Nothing after the commit point can fail the write: what follows from it is the outbox's. */
    private void committed(Activity activity, String feedOwner) {
        events.committed(activity);
        try {
            feeds.changed(feedOwner);
        } catch (RuntimeException e) {
            // the cached pages expire on their own
        }
    }

    /** The live activity with this uuid; 404 for an unknown, expired or malformed one. */
    public Activity live(String uuid) {
        if (!Validation.isUuid(uuid)) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return activities.find(uuid).filter(a -> a.isLiveAt(now())).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private static Validation messageChecks(String text, int max, String tooLong) {
        return new Validation()
                .check(Validation.isBlank(text), "message_blank")
                .check(Validation.length(text) > max, tooLong)
                .check(Validation.hasControlCharacters(text) || Validation.hasNoncharacters(text), "message_invalid_characters");
    }

    private static void checkKey(String key, Validation validation) {
        validation.check(key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY
                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)), "idempotency_key_invalid");
    }

    /**
     * Runs {@code write} once per idempotency key and caller within 24 hours: a retry gets the activity the first
     * request created. A claim holds for {@link #IDEMPOTENCY_LEASE}: a retry while the first request may still be
     * writing waits for it briefly, then answers 409; after the lease, a request whose activity never appeared (it
     * died, or answered 5xx before writing) is taken over. The lease is longer than any DynamoDB call may take
     * ({@code cruddur.aws.call-timeout}), so the first request has either written or given up by then. Without a key, every
     * call writes.
     */
    private Activity once(String sub, String key, String request, Function<String, Activity> write) {
        String uuid = UUID.randomUUID().toString();
        if (key == null) {
            return write.apply(uuid);
        }
        String hash = sha256(request);
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = now();
            Optional<ActivityRepository.Claim> claimed = activities.claimIdempotencyKey(sub, key, hash, uuid, now,
                    now.plus(IDEMPOTENCY_LEASE), now.plus(IDEMPOTENCY_WINDOW));
            if (claimed.isEmpty()) {
                return write.apply(uuid);
            }
            ActivityRepository.Claim claim = claimed.get();
            if (!claim.requestHash().equals(hash)) {
                throw new ApiException(422, "idempotency_key_reused");
            }
            Optional<Activity> first = awaitFirst(claim);
            if (first.isPresent()) {
                return first.get();
            }
            if (claim.leaseUntil().isAfter(now())) {
                break;
            }
            if (activities.takeOverIdempotencyKey(sub, key, claim, uuid, now().plus(IDEMPOTENCY_LEASE))) {
                return write.apply(uuid);
            }
        }
        throw new ApiException(409, "idempotency_key_in_progress");
    }

    /** The claim's activity, waiting up to two seconds for a request that still holds its lease to write it. */
    private Optional<Activity> awaitFirst(ActivityRepository.Claim claim) {
        for (int attempt = 0; attempt < 40; attempt++) {
            Optional<Activity> found = activities.find(claim.uuid());
            if (found.isPresent() || !claim.leaseUntil().isAfter(now())) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
