package io.github.seckill.order.lifecycle;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.apache.seata.rm.tcc.api.LocalTCC;
import org.apache.seata.rm.tcc.api.TwoPhaseBusinessAction;

/**
 * The Redis branch of cancelling a created order: try marks the ledger entry CANCELLING(xid),
 * confirm gives stock and buyer quota back (and clears sold-out flags), cancel leaves the order
 * as it was. Fenced in Lua like placement. Public: Seata invokes the phases reflectively.
 */
@LocalTCC
public interface RestockAction {

    @TwoPhaseBusinessAction(name = "redis-restock", commitMethod = "confirm", rollbackMethod = "cancel")
    void restock(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderId") String orderId);

    boolean confirm(BusinessActionContext context);

    boolean cancel(BusinessActionContext context);
}
