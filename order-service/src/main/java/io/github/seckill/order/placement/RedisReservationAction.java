package io.github.seckill.order.placement;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.TryOutcome;

/**
 * Every phase is one idempotent Lua call over the batch's orders of one sale. Confirm and cancel
 * answer true once done (now or before): false would make the TC retry them forever.
 */
@Component
class RedisReservationAction implements ReservationAction {

    private final Reservations reservations;
    private final PlacementMetrics metrics;

    RedisReservationAction(Reservations reservations, PlacementMetrics metrics) {
        this.reservations = reservations;
        this.metrics = metrics;
    }

    /** Order ids travel in the action context as one comma-separated string (exact, whatever JSON does). */
    static String join(List<Long> orderIds) {
        return String.join(",", orderIds.stream().map(String::valueOf).toList());
    }

    @Override
    public Map<Long, TryOutcome> hold(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderIds") String orderIds) {
        Map<Long, TryOutcome> outcomes = reservations.tryHold(new SaleId(activityId), split(orderIds),
                context.getXid());
        metrics.tried(outcomes);
        return outcomes;
    }

    @Override
    public boolean confirm(BusinessActionContext context) {
        List<Long> orders = split(text(context, "orderIds"));
        metrics.confirmed(orders.size(), reservations.confirm(new SaleId(activityId(context)), orders,
                context.getXid()));
        return true;
    }

    @Override
    public boolean cancel(BusinessActionContext context) {
        List<Long> orders = split(text(context, "orderIds"));
        metrics.cancelled(orders.size(), reservations.cancel(new SaleId(activityId(context)), orders,
                context.getXid()));
        return true;
    }

    private static long activityId(BusinessActionContext context) {
        Object value = context.getActionContext("activityId");
        if (value == null) {
            throw new IllegalStateException("action context lacks activityId for " + context.getXid());
        }
        return ((Number) value).longValue();
    }

    private static String text(BusinessActionContext context, String name) {
        Object value = context.getActionContext(name);
        if (value == null) {
            throw new IllegalStateException("action context lacks " + name + " for " + context.getXid());
        }
        return value.toString();
    }

    private static List<Long> split(String orderIds) {
        return Arrays.stream(orderIds.split(",")).map(Long::valueOf).toList();
    }
}
