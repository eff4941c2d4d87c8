package io.github.seckill.common.redis;

import java.util.List;

/**
 * What a sale's ledger holds once read through: how many reservations are not settled yet (RESERVED,
 * TRYING or CANCELLING) and the failed orders it keeps.
 */
public record LedgerSummary(int unsettled, List<ReleasedOrder> failed) {

    public LedgerSummary {
        failed = List.copyOf(failed);
    }

    /** Nothing in the sale can move any more but a cancel of a created order, which has not begun. */
    public boolean settled() {
        return unsettled == 0;
    }
}
