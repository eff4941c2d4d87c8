package io.github.seckill.compensation.alerts;

import java.time.Instant;

/**
 * Something ops should look at.
 *
 * @param severity URGENT (an order needs a person) or WARNING (compensation failed, will try again)
 */
public record Alert(String severity, String title, String text, long orderId, long activityId, Instant at) {

    public static Alert urgent(String title, String text, long orderId, long activityId, Instant at) {
        return new Alert("URGENT", title, text, orderId, activityId, at);
    }

    public static Alert warning(String title, String text, long orderId, long activityId, Instant at) {
        return new Alert("WARNING", title, text, orderId, activityId, at);
    }
}
