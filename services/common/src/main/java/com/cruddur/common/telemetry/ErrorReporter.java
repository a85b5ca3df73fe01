package com.cruddur.common.telemetry;

import com.rollbar.api.payload.Payload;
import com.rollbar.api.payload.data.Person;
import com.rollbar.api.payload.data.Request;
import com.rollbar.notifier.Rollbar;
import com.rollbar.notifier.config.ConfigBuilder;
import com.rollbar.notifier.sender.BufferedSender;
import com.rollbar.notifier.sender.SyncSender;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reports server errors to Rollbar: each with the request's method, route and status, the person's {@code sub} only,
 * and the trace id (to open the trace in Honeycomb); never a token, cookie or body. Sending is asynchronous and
 * bounded: at most 1,000 reports wait, and more are dropped, so Rollbar being slow or down never slows a request or
 * grows memory. Without {@code ROLLBAR_ACCESS_TOKEN} nothing is sent (said once, at start-up).
 */
@Singleton
public class ErrorReporter {

    private static final Logger LOG = Logger.getLogger(ErrorReporter.class);
    private static final int MAX_WAITING = 1000;

    /** What we tell Rollbar about the request that failed. */
    public record Failure(String method, String route, int status, Optional<String> sub) {}

    private final Rollbar rollbar;
    private final ThreadLocal<Failure> current = new ThreadLocal<>();

    public ErrorReporter(
            @ConfigProperty(name = "cruddur.rollbar.access-token") Optional<String> token,
            @ConfigProperty(name = "cruddur.rollbar.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "cruddur.rollbar.flush-interval", defaultValue = "5s") Duration flushInterval,
            @ConfigProperty(name = "cruddur.environment") String environment,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version") String version) {
        if (token.isEmpty() || token.get().isBlank()) {
            LOG.info("Rollbar is off: ROLLBAR_ACCESS_TOKEN is not set");
            this.rollbar = null;
            return;
        }
        SyncSender.Builder http = new SyncSender.Builder().accessToken(token.get());
        endpoint.ifPresent(http::url);
        BufferedSender sender = new BufferedSender.Builder()
                .sender(http.build())
                .queue(new DroppingQueue(MAX_WAITING))
                .flushFreq(flushInterval.toMillis())
                .build();
        ConfigBuilder config = ConfigBuilder.withAccessToken(token.get())
                .environment(environment)
                .codeVersion(version)
                .framework("quarkus")
                .handleUncaughtErrors(false)
                .sender(sender)
                .person(() -> Optional.ofNullable(current.get())
                        .flatMap(Failure::sub)
                        .map(sub -> new Person.Builder().id(sub).build())
                        .orElse(null))
                .request(() -> Optional.ofNullable(current.get())
                        .map(f -> new Request.Builder()
                                .method(f.method())
                                .url(f.route())
                                .build())
                        .orElse(null))
                .custom(this::custom);
        endpoint.ifPresent(config::endpoint);
        this.rollbar = new Rollbar(config.build());
        LOG.infof("Rollbar is on for %s (%s)", service, environment);
    }

    /** Reports one server error; never throws. */
    public void report(Throwable error, Failure failure) {
        if (rollbar == null) {
            return;
        }
        current.set(failure);
        try {
            rollbar.error(error);
        } catch (RuntimeException e) {
            LOG.warnf("could not report to Rollbar: %s", e.toString());
        } finally {
            current.remove();
        }
    }

    private Map<String, Object> custom() {
        Map<String, Object> custom = new HashMap<>();
        Failure failure = current.get();
        if (failure != null) {
            custom.put("route", failure.route());
            custom.put("status", failure.status());
        }
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            custom.put("trace_id", span.getTraceId());
        }
        return custom;
    }

    @PreDestroy
    void close() throws Exception {
        if (rollbar != null) {
            rollbar.close(true);
        }
    }

    /** A bounded queue that drops what does not fit, instead of failing the caller. */
    private static final class DroppingQueue extends ArrayBlockingQueue<Payload> {
        DroppingQueue(int capacity) {
            super(capacity);
        }

        @Override
        public boolean add(Payload payload) {
            return offer(payload);
        }
    }
}
