package com.cruddur.activities.service;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.activities.Activity;
import com.cruddur.activities.Ttl;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.idempotency.IdempotencyKeys;
import com.cruddur.common.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Posting cruds and replies: validation, expiry, and safe retries. The item written is the one commit point; the
 * rest (a reply's count, events, mentions) follows from it through the outbox, a crud's search tokens come before it
 * (docs/events.md).
 */
@ApplicationScoped
public class Posting {

    public static final int CRUD_MAX = 280;
    public static final int REPLY_MAX = 1024;
    public static final String NOT_FOUND = "activity_not_found";

    private final ActivityRepository activities;
    private final ActivityEvents events;
    private final FeedCache feeds;
    private final ActivitiesConfig config;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public Posting(
            ActivityRepository activities,
            ActivityEvents events,
            FeedCache feeds,
            ActivitiesConfig config,
            IdempotencyKeys keys,
            Clock clock) {
        this.activities = activities;
        this.events = events;
        this.feeds = feeds;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    /** A new crud by {@code sub}, live for {@code ttl}. */
    public Activity create(String sub, String message, String ttl, String idempotencyKey) {
        String text = message == null ? null : message.strip();
        Optional<Ttl> lifetime = Ttl.parse(ttl);
        Validation validation = messageChecks(text, CRUD_MAX, "message_exceed_max_chars")
                .check(Validation.isBlank(ttl), "ttl_blank")
                .check(!Validation.isBlank(ttl) && lifetime.isEmpty(), "ttl_invalid");
        IdempotencyKeys.check(idempotencyKey, validation);
        validation.throwIfFailed();
        return keys.once(
                activities.table(),
                sub,
                idempotencyKey,
                "crud\n" + ttl + "\n" + text,
                ticket -> {
                    String uuid = ticket.uuid();
                    Instant now = now();
                    Activity crud = new Activity(
                            uuid,
                            sub,
                            text,
                            now,
                            now.plus(lifetime.orElseThrow().duration()),
                            null,
                            0,
                            0,
                            0);
                    activities.insert(
                            crud, Math.floorMod(uuid.hashCode(), config.feedShards()), events.beforeCrud(crud));
                    committed(crud, sub);
                    return crud;
                },
                this::written);
    }

    /** A reply by {@code sub} to a live activity; it expires with it and counts in its {@code replies_count}. */
    public Activity reply(String sub, String parentUuid, String message, String idempotencyKey) {
        String text = message == null ? null : message.strip();
        Validation validation = messageChecks(text, REPLY_MAX, "message_exceed_max_chars_1024");
        IdempotencyKeys.check(idempotencyKey, validation);
        Activity parent = live(parentUuid);
        validation.throwIfFailed();
        return keys.once(
                activities.table(),
                sub,
                idempotencyKey,
                "reply\n" + parentUuid + "\n" + text,
                ticket -> {
                    Activity reply =
                            new Activity(ticket.uuid(), sub, text, now(), parent.expiresAt(), parent.uuid(), 0, 0, 0);
                    activities.insert(reply, 0, events.pending(reply, parent.authorSub()));
                    committed(reply, parent.authorSub());
                    return reply;
                },
                this::written);
    }

    /** What a request holding an idempotency key wrote, if it did. */
    private Optional<Activity> written(IdempotencyKeys.Ticket ticket) {
        return activities.find(ticket.uuid());
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
                .check(
                        Validation.hasControlCharacters(text) || Validation.hasNoncharacters(text),
                        "message_invalid_characters");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
