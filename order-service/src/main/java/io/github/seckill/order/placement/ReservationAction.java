package io.github.seckill.order.placement;

import java.util.Map;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import io.github.seckill.common.redis.TryOutcome;

/**
 * The TCC branch on the Redis reservations of one sale's orders in a batch (docs/design.md §3): try
 * takes them for this global transaction, confirm settles them, cancel hands them back (kept for a
 * retry). The fence lives in the Lua scripts, keyed by (order, xid), because Seata's own TCC fence
 * covers databases only. Public: Seata invokes the phases reflectively.
 */
@LocalTCC
public interface ReservationAction {

    /** Takes what it can; the outcome per order id (orders not held stay out of the batch). */
    @TwoPhaseBusinessAction(name = "redis-reservation", commitMethod = "confirm", rollbackMethod = "cancel")
    Map<Long, TryOutcome> hold(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderIds") String orderIds);

    boolean confirm(BusinessActionContext context);

    boolean cancel(BusinessActionContext context);
}
