package io.github.seckill.order.lifecycle;

import org.apache.seata.rm.tcc.api.BusinessActionContext;
import org.apache.seata.rm.tcc.api.BusinessActionContextParameter;
import org.springframework.stereotype.Component;

import io.github.seckill.common.id.OrderId;
import io.github.seckill.common.id.SaleId;
import io.github.seckill.common.redis.RestockOutcome;
import io.github.seckill.common.redis.Reservations;

@Component
class RedisRestockAction implements RestockAction {

    private final Reservations reservations;

    RedisRestockAction(Reservations reservations) {
        this.reservations = reservations;
    }

    @Override
    public void restock(BusinessActionContext context,
            @BusinessActionContextParameter(paramName = "activityId") long activityId,
            @BusinessActionContextParameter(paramName = "orderId") String orderId) {
        RestockOutcome outcome = reservations.tryRestock(new SaleId(activityId), new OrderId(Long.parseLong(orderId)),
                context.getXid());
        if (!outcome.held()) {
            throw new IllegalStateException("order " + orderId + " cannot be restocked: " + outcome);
        }
    }

    @Override
    public boolean confirm(BusinessActionContext context) {
        reservations.confirmRestock(new SaleId(activityId(context)), new OrderId(orderId(context)), context.getXid());
        return true;
    }

    @Override
    public boolean cancel(BusinessActionContext context) {
        reservations.cancelRestock(new SaleId(activityId(context)), new OrderId(orderId(context)), context.getXid());
        return true;
    }

    private static long activityId(BusinessActionContext context) {
        return ((Number) context.getActionContext("activityId")).longValue();
    }

    private static long orderId(BusinessActionContext context) {
        return Long.parseLong(context.getActionContext("orderId").toString());
    }
}
