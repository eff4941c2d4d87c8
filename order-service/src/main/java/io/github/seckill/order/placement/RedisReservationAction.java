package io.github.seckill.order.placement;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.seckill.common.redis.Reservations;
import io.github.seckill.common.redis.TryOutcome;

/** Every phase is one idempotent Lua call keyed by (order, xid); repeats are no-ops. */
@Component
class RedisReservationAction implements ReservationAction {

    private static final Logger log = LoggerFactory.getLogger(RedisReservationAction.class);

    private final Reservations reservations;

    RedisReservationAction(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public TryOutcome hold(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderId") long orderId) {
        TryOutcome outcome = reservations.tryHold(activityId, orderId, context.getXid());
        if (!outcome.held()) {
            throw new ReservationUnavailable(orderId, outcome);
        }
        return outcome;
    }

    @Override
    public boolean confirm(BusinessActionContext context) {
        long activityId = number(context, "activityId");
        long orderId = number(context, "orderId");
        if (!reservations.confirm(activityId, orderId, context.getXid())) {
            // Not held by this xid: nothing to settle. Answering false would make the TC retry forever.
            log.error("confirm of order {} by {} found the reservation not held by it", orderId, context.getXid());
        }
        return true;
    }

    @Override
    public boolean cancel(BusinessActionContext context) {
        long activityId = number(context, "activityId");
        long orderId = number(context, "orderId");
        boolean restored = reservations.cancel(activityId, orderId, context.getXid());
        log.debug("cancel of order {} by {}: {}", orderId, context.getXid(), restored ? "restored" : "fenced");
        return true;
    }

    private static long number(BusinessActionContext context, String name) {
        Object value = context.getActionContext(name);
        if (value == null) {
            throw new IllegalStateException("action context lacks " + name + " for " + context.getXid());
        }
        return ((Number) value).longValue();
    }
}
