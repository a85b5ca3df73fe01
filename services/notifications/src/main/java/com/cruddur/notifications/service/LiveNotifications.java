package com.cruddur.notifications.service;

import com.cruddur.common.auth.AccountStatus;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.ratelimit.RateLimiter;
import com.cruddur.notifications.Notification;
import com.cruddur.notifications.NotificationsConfig;
import com.cruddur.notifications.repository.NotificationRepository;
import com.cruddur.notifications.repository.StreamRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The caller's new notifications, live (docs/live-notifications.md): single-use tickets, streams that replay the
 * notification log after a position and then follow it, woken at once by the instance that stored a notification
 * (in this process, or over HTTP when the stream is held by another instance), and at every heartbeat anyway.
 * A user's streams here are served together: one read of the log, one unread count and one queued delivery at a
 * time for all of them, however many notifications woke them; the heartbeat does its store calls on its own thread,
 * so that neither it nor a burst of wakes queues ahead of a new notification's delivery.
 */
@ApplicationScoped
public class LiveNotifications {

    private static final Logger LOG = Logger.getLogger(LiveNotifications.class);

    /** What a stream carries: {@code name} null for a heartbeat comment, {@code id} only for notifications. */
    public record StreamEvent(String name, String id, String data) {
        static StreamEvent heartbeat() {
            return new StreamEvent(null, null, null);
        }
    }

    public static final String TICKET_INVALID = "ticket_invalid";
    public static final String LAST_EVENT_ID_INVALID = "last_event_id_invalid";

    /** One more stream than a user may have: answered 429 {@code too_many_streams} with {@code Retry-After}. */
    public static class TooManyStreams extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyStreams(long retryAfterSeconds) {
            super("too_many_streams", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** More tickets than a caller may ask for: answered 429 {@code rate_limited} with the limit's headers. */
    public static class TooManyTickets extends RuntimeException {
        private final transient RateLimiter.Decision decision;

        TooManyTickets(RateLimiter.Decision decision) {
            super("rate_limited", null, false, false);
            this.decision = decision;
        }

        public Map<String, String> headers() {
            return decision.headers();
        }
    }

    private static final Pattern POSITION = Pattern.compile("[0-9]{1,12}");
    private static final int PAGE = 50;
    private static final Duration MIN_LEASE = Duration.ofSeconds(30);

    private final NotificationsConfig.Stream config;
    private final StreamRepository streams;
    private final NotificationRepository notifications;
    private final Inbox inbox;
    private final AccountStatus accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final RateLimiter tickets;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient peers = HttpClient.newBuilder()
            // HTTP/1.1: a POST with a body over an h2c upgrade fails on the receiving Vert.x server
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    /** The streams this instance holds, by user. */
    private final Map<String, Recipient> local = new ConcurrentHashMap<>();

    private ExecutorService senders;
    private ScheduledExecutorService heartbeats;
    private volatile String instance;

    public LiveNotifications(
            NotificationsConfig config,
            StreamRepository streams,
            NotificationRepository notifications,
            Inbox inbox,
            AccountStatus accounts,
            ObjectMapper json,
            Clock clock) {
        this.config = config.stream();
        this.streams = streams;
        this.notifications = notifications;
        this.inbox = inbox;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
        this.tickets = new RateLimiter(this.config.ticketsPerMinute(), Duration.ofMinutes(1), clock);
    }

    void start(@Observes StartupEvent event) {
        AtomicInteger named = new AtomicInteger();
        senders = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "live-sender-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.heartbeat().toMillis();
        var unused = heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        local.values().forEach(recipient -> recipient.open.forEach(LiveStream::end));
        heartbeats.shutdownNow();
        senders.shutdownNow();
    }

    /** A new ticket for {@code sub}: random, kept only as its hash, for one stream within the ticket lifetime. */
    public String ticket(String sub) {
        RateLimiter.Decision decision = tickets.take(sub);
        if (!decision.allowed()) {
            throw new TooManyTickets(decision);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        streams.putTicket(hash(ticket), sub, now().plus(config.ticketLifetime()));
        return ticket;
    }

    /**
     * Redeems the ticket and opens its user's stream after {@code lastEventId} (a position this API issued), or
     * from now on. Everything that can fail fails here, before the stream starts.
     */
    public Multi<StreamEvent> open(String ticket, Optional<String> lastEventId) {
        Optional<Long> after = lastEventId.map(id -> {
            if (!POSITION.matcher(id).matches()) {
                throw new ApiException(422, LAST_EVENT_ID_INVALID);
            }
            return Long.parseLong(id);
        });
        String sub = Optional.ofNullable(ticket)
                .filter(t -> !t.isEmpty() && t.length() <= 256)
                .flatMap(t -> streams.takeTicket(hash(t)))
                .filter(t -> t.expiresAt().isAfter(now()))
                .map(StreamRepository.Ticket::sub)
                .filter(accounts::isActive)
                .orElseThrow(() -> new ApiException(401, TICKET_INVALID));
        if (streams.openStreams(sub, now()).size() >= config.maxPerUser()) {
            throw new TooManyStreams(config.heartbeat().toSeconds());
        }
        long start = after.orElseGet(() -> streams.lastSeq(sub));
        String id = UUID.randomUUID().toString();
        streams.holdStream(sub, id, instance(), lease());
        return Multi.createFrom().emitter(emitter -> {
            LiveStream stream = new LiveStream(id, sub, emitter, start);
            Recipient recipient = local.compute(sub, (s, held) -> {
                Recipient found = held == null ? new Recipient(s) : held;
                found.open.add(stream);
                return found;
            });
            emitter.onTermination(() -> senders.execute(() -> close(stream)));
            recipient.wake();
        });
    }

    /** Called when a notification was stored at {@code at}: appends it to the recipient's log. */
    public void logged(String recipient, String at, Instant expires) {
        streams.append(recipient, at, expires);
    }

    /**
     * Tells the recipient's open streams that the log grew: this instance's at once, the others' over HTTP (found in
     * the table; one query per stored notification). A peer that does not answer catches up at its next heartbeat.
     */
    public void wake(String recipient) {
        wakeHere(recipient);
        Set<String> others;
        try {
            others = streams.openStreams(recipient, now()).stream()
                    .map(StreamRepository.OpenStream::instance)
                    .filter(peer -> !peer.equals(instance()))
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            // the notification is stored and logged: the other instances' streams read it at their next heartbeat
            LOG.debugf("the open streams of a user could not be read: %s", e.toString());
            return;
        }
        for (String peer : others) {
            String body;
            try {
                body = json.writeValueAsString(Map.of("sub", recipient));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            var unused = peers.sendAsync(
                            HttpRequest.newBuilder(URI.create(peer + "/internal/notifications/wake"))
                                    .timeout(Duration.ofSeconds(1))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        if (failure != null || response.statusCode() != 204) {
                            LOG.debugf("waking the streams at %s failed: %s", peer, failure);
                        }
                    });
        }
    }

    /** Makes this instance's streams of {@code recipient} read what the log holds after what they sent. */
    public void wakeHere(String recipient) {
        Recipient held = local.get(recipient);
        if (held != null) {
            held.wake();
        }
    }

    /**
     * Every heartbeat, on the heartbeat thread (never ahead of a delivery): a comment to each stream; the streams of
     * a user disabled or deleted end; the others' leases renewed, 25 to a request; and the user's log read once (its
     * last position), to deliver what a lost wake left behind.
     */
    private void beat() {
        try {
            beatOnce();
        } catch (RuntimeException e) {
            // a failed heartbeat must not end the schedule: the next one tries again
            LOG.warnf("a heartbeat failed: %s", e.toString());
        }
    }

    private void beatOnce() {
        List<Recipient> recipients = List.copyOf(local.values());
        List<LiveStream> renewed = new ArrayList<>();
        for (Recipient recipient : recipients) {
            for (LiveStream stream : recipient.open) {
                if (!stream.emitter.isCancelled()) {
                    stream.emitter.emit(StreamEvent.heartbeat());
                }
            }
        }
        List<Recipient> active = new ArrayList<>();
        for (Recipient recipient : recipients) {
            if (accounts.isActive(recipient.sub)) {
                active.add(recipient);
                recipient.open.stream()
                        .filter(stream -> !stream.emitter.isCancelled())
                        .forEach(renewed::add);
            } else {
                recipient.open.forEach(LiveStream::end);
            }
        }
        try {
            streams.holdStreams(
                    renewed.stream()
                            .map(stream -> new StreamRepository.HeldStream(stream.sub, stream.id))
                            .toList(),
                    instance(),
                    lease());
        } catch (RuntimeException e) {
            LOG.debugf("the streams' leases were not renewed: %s", e.toString());
        }
        for (LiveStream stream : renewed) {
            if (stream.emitter.isCancelled()) {
                // the tab went away meanwhile (often noticed by this very heartbeat's comment) and its record may
                // have been dropped before the renewal put it back: drop it again, or it counts for a lease
                dropRecord(stream);
            }
        }
        for (Recipient recipient : active) {
            try {
                long logged = streams.lastSeq(recipient.sub);
                if (recipient.open.stream().anyMatch(stream -> stream.last < logged)) {
                    recipient.wake();
                }
            } catch (RuntimeException e) {
                LOG.debugf("a user's log could not be read: %s", e.toString());
            }
        }
    }

    private void close(LiveStream stream) {
        local.computeIfPresent(stream.sub, (sub, held) -> {
            held.open.remove(stream);
            return held.open.isEmpty() ? null : held;
        });
        dropRecord(stream);
    }

    private void dropRecord(LiveStream stream) {
        try {
            streams.dropStream(stream.sub, stream.id);
        } catch (RuntimeException e) {
            LOG.debugf("a closed stream's record stays until its lease ends: %s", e.toString());
        }
    }

    /** Three heartbeats, and never less than 30 s: a busy instance's late heartbeat must not drop its streams. */
    private Instant lease() {
        Duration lease = config.heartbeat().multipliedBy(3);
        return now().plus(lease.compareTo(MIN_LEASE) < 0 ? MIN_LEASE : lease);
    }

    /**
     * This instance's address for the others: the configured one, else the HTTP host and port (the host's address
     * when listening on all interfaces, as in a container).
     */
    private String instance() {
        if (instance == null) {
            instance = config.instanceUrl().orElseGet(() -> {
                Config settings = ConfigProvider.getConfig();
                String port = settings.getValue(
                        LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port",
                        String.class);
                String host = settings.getOptionalValue("quarkus.http.host", String.class)
                        .orElse("0.0.0.0");
                if (host.equals("localhost")) {
                    host = "127.0.0.1";
                } else if (host.equals("0.0.0.0")) {
                    try {
                        host = InetAddress.getLocalHost().getHostAddress();
                    } catch (UnknownHostException e) {
                        host = "127.0.0.1";
                    }
                }
                return "http://" + host + ":" + port;
            });
        }
        return instance;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A user's streams here, served together: a wake queues one delivery unless one is already queued, and that
     * delivery reads the log once after the stream furthest behind and sends each stream what it has not sent.
     */
    private final class Recipient {
        final String sub;
        final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
        /** A delivery is queued and has not started yet: a wake meanwhile needs no other. */
        private final AtomicBoolean queued = new AtomicBoolean();

        Recipient(String sub) {
            this.sub = sub;
        }

        void wake() {
            if (queued.compareAndSet(false, true)) {
                senders.execute(this::deliver);
            }
        }

        /**
         * Sends each open stream the listed notifications the log holds after what it sent, then the unread count to
         * those that got any (and to a new stream in any case).
         */
        synchronized void deliver() {
            queued.set(false); // from here on, a wake queues another delivery: this one may have read too early
            List<LiveStream> serving = open.stream()
                    .filter(stream -> !stream.emitter.isCancelled())
                    .toList();
            if (serving.isEmpty()) {
                return;
            }
            try {
                Set<LiveStream> sent = new HashSet<>();
                long from =
                        serving.stream().mapToLong(stream -> stream.last).min().orElseThrow();
                List<StreamRepository.LogEntry> entries;
                do {
                    entries = streams.after(sub, from, PAGE);
                    Map<String, Notification> listed = notifications.listed(
                            sub,
                            entries.stream().map(StreamRepository.LogEntry::at).toList(),
                            now());
                    List<Notification> found = new ArrayList<>();
                    Map<String, Long> positions = new HashMap<>();
                    for (StreamRepository.LogEntry entry : entries) {
                        Notification n = listed.get(entry.at());
                        if (n != null && positions.putIfAbsent(n.uuid(), entry.seq()) == null) {
                            found.add(n);
                        }
                    }
                    for (Inbox.View view : inbox.views(sub, found)) {
                        long seq = positions.get(view.notificationUuid());
                        StreamEvent event = new StreamEvent(
                                "notification", StreamRepository.position(seq), json.writeValueAsString(view));
                        for (LiveStream stream : serving) {
                            if (seq > stream.last) {
                                stream.emitter.emit(event);
                                sent.add(stream);
                            }
                        }
                    }
                    if (!entries.isEmpty()) {
                        from = entries.get(entries.size() - 1).seq();
                        for (LiveStream stream : serving) {
                            stream.last = Math.max(stream.last, from);
                        }
                    }
                } while (entries.size() == PAGE);
                List<LiveStream> counted = serving.stream()
                        .filter(stream -> stream.fresh || sent.contains(stream))
                        .toList();
                if (!counted.isEmpty()) {
                    StreamEvent unread = new StreamEvent(
                            "unread", null, json.writeValueAsString(Map.of("unread", inbox.unread(sub))));
                    for (LiveStream stream : counted) {
                        stream.fresh = false;
                        stream.emitter.emit(unread);
                    }
                }
            } catch (JsonProcessingException | RuntimeException e) {
                // the store or the users service is away: the next wake or heartbeat tries again from `last`
                LOG.debugf("the streams of a user could not catch up: %s", e.toString());
            }
        }
    }

    /**
     * One open stream: the last log position it was sent ({@code last}), and whether it still awaits its first unread
     * count ({@code fresh}); changed only by its user's deliveries, one at a time.
     */
    private static final class LiveStream {
        final String id;
        final String sub;
        final MultiEmitter<? super StreamEvent> emitter;
        volatile long last;
        volatile boolean fresh = true;

        LiveStream(String id, String sub, MultiEmitter<? super StreamEvent> emitter, long last) {
            this.id = id;
            this.sub = sub;
            this.emitter = emitter;
            this.last = last;
        }

        void end() {
            emitter.complete();
        }
    }
}
