package io.github.seckill.order.placement;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

import io.github.seckill.common.redis.TryOutcome;

/**
 * The TCC branch on the Redis reservation (DESIGN.md §3): try takes the reservation for this
 * global transaction, confirm settles it, cancel hands it back (kept for a retry). The fence lives
 * in Redis, in the same Lua calls, because Seata's own TCC fence covers databases only.
 */
@LocalTCC
public interface ReservationAction {

    @TwoPhaseBusinessAction(name = "redis-reservation", commitMethod = "confirm", rollbackMethod = "cancel")
    TryOutcome hold(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderId") long orderId);

    boolean confirm(BusinessActionContext context);

    boolean cancel(BusinessActionContext context);
}
