package com.cruddur.common.error;

import com.cruddur.common.telemetry.ErrorReporter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A dependency that is unreachable or throttling is not our bug: the request answers 503 {@code
 * ["service_unavailable"]} with {@code Retry-After}, and the outage is told once per burst, not once per request.
 * A burst is the run of failures of one dependency with less than {@link Bursts#QUIET} between them: its first failure
 * logs one WARN and sends one Rollbar report; the first failure after the quiet period logs, at INFO, how many
 * requests the previous burst answered 503, before opening the next.
 */
@Singleton
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    /** The client's wait before retrying, in seconds ({@code Retry-After}). */
    public static final String RETRY_AFTER_SECONDS = "5";

    private final ErrorReporter reporter;
    private final Bursts bursts;

    public Outages(ErrorReporter reporter, Clock clock) {
        this.reporter = reporter;
        this.bursts = new Bursts(clock);
    }

    /**
     * The dependency that {@code error} says is unavailable: a call that never got an answer (connection refused or
     * cut, a timeout) or an AWS answer of throttling or a server error. Empty for anything else, which is our bug.
     */
    public static Optional<String> unavailableDependency(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof AwsServiceException aws && (aws.isThrottlingException() || aws.statusCode() >= 500)) {
                return Optional.of(
                        aws.awsErrorDetails() == null || aws.awsErrorDetails().serviceName() == null
                                ? "AWS"
                                : aws.awsErrorDetails().serviceName());
            }
            if (e instanceof SdkClientException) {
                return Optional.of("AWS");
            }
        }
        return Optional.empty();
    }

    /**
     * Counts one request answered 503 because {@code dependency} is unavailable.
     * @return whether this failure opened a burst (and so was logged and reported)
     */
    public boolean record(String dependency, Throwable error, ErrorReporter.Failure failure) {
        Bursts.Failure counted = bursts.failed(dependency);
        counted.previous()
                .ifPresent(ended -> LOG.infof(
                        "%s was unavailable for %s: %d requests answered 503",
                        dependency, ended.length(), ended.count()));
        if (counted.opened()) {
            LOG.warnf("%s is unavailable, answering 503 until it is back: %s", dependency, error.toString());
            reporter.report(error, failure);
        }
        return counted.opened();
    }

    /** How many requests the current (or last) burst of {@code dependency} answered 503. */
    public long burstCount(String dependency) {
        return bursts.count(dependency);
    }
}
