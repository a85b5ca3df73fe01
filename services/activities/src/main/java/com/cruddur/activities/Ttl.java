package com.cruddur.activities;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How long a crud lives, as the frontend names it. */
public enum Ttl {
    DAYS_30("30-days", Duration.ofDays(30)),
    DAYS_7("7-days", Duration.ofDays(7)),
    DAYS_3("3-days", Duration.ofDays(3)),
    DAY_1("1-day", Duration.ofDays(1)),
    HOURS_12("12-hours", Duration.ofHours(12)),
    HOURS_3("3-hours", Duration.ofHours(3)),
    HOUR_1("1-hour", Duration.ofHours(1));

    /** The longest a crud can live: nothing older than this is live. */
    public static final Duration MAX = Duration.ofDays(30);

    private final String label;
    private final Duration duration;

    Ttl(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public Duration duration() {
        return duration;
    }

    public static Optional<Ttl> parse(String label) {
        return Arrays.stream(values()).filter(ttl -> ttl.label.equals(label)).findFirst();
    }
}
