package io.github.seckill.api.ratelimit;

import java.time.Duration;

import org.springframework.boot.convert.DurationStyle;

/**
 * A token bucket written as {@code capacity/period}, e.g. {@code 5/1s}: at most {@code capacity} requests
 * at once, refilled to {@code capacity} over each {@code period}. {@code off} (or capacity 0) disables it.
 */
record Rate(long capacity, Duration period) {

    static final Rate OFF = new Rate(0, Duration.ofSeconds(1));

    Rate {
        if (capacity < 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate is capacity/period with capacity >= 0 and period > 0");
        }
    }

    /** Read from configuration by Spring's conversion service. */
    public static Rate valueOf(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("off")) {
            return OFF;
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("rate '" + text + "' is not capacity/period, e.g. 5/1s");
        }
        return new Rate(Long.parseLong(s.substring(0, slash).trim()),
                DurationStyle.detectAndParse(s.substring(slash + 1).trim()));
    }

    boolean enabled() {
        return capacity > 0;
    }

    @Override
    public String toString() {
        return enabled() ? capacity + "/" + period : "off";
    }
}
