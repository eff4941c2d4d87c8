package io.github.seckill.order.placement;

import java.util.List;
import java.util.Map;

import io.github.seckill.common.messaging.OrderPlaced;
import io.github.seckill.common.redis.TryOutcome;

/** A committed batch: the orders now in MySQL, and what the TCC try said of the others. */
record BatchResult(List<OrderPlaced> committed, Map<Long, TryOutcome> notHeld) {
}
