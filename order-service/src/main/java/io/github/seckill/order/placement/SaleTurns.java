package io.github.seckill.order.placement;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Component;

/**
 * Turn-taking per sale inside this instance, for the part of a global transaction that updates the
 * sale's hot rows (stock, buyer quotas) through to its global commit. Without it, the consumer
 * threads of one instance race each other for Seata's global lock on the stock row: the losers hold
 * the row's database lock while they retry, time out, roll back and are retried order by order,
 * which under a steady stream snowballs (ADR 9). Between instances the stock slices keep them apart:
 * each instance's consumers take from the slices of their own partitions (ADR 18).
 * A thread takes its turns once per transaction and gives them all back after the transaction ended.
 */
@Component
public class SaleTurns {

    private static final int STRIPES = 64;
    private static final long WAIT_SECONDS = 20;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final ThreadLocal<Deque<ReentrantLock>> held = ThreadLocal.withInitial(ArrayDeque::new);

    SaleTurns() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Waits for the turns of these sales, in one fixed order so that two transactions never wait on each other. */
    public void take(Collection<Long> sales) {
        TreeSet<Integer> needed = new TreeSet<>();
        sales.forEach(s -> needed.add(Math.floorMod(Long.hashCode(s), STRIPES)));
        for (int stripe : needed) {
            ReentrantLock lock = stripes[stripe];
            try {
                if (!lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("sale turn not free after " + WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for a sale turn", e);
            }
            held.get().push(lock);
        }
    }

    /** Gives back every turn this thread took; call once its global transaction has ended. */
    public void giveBack() {
        Deque<ReentrantLock> mine = held.get();
        while (!mine.isEmpty()) {
            mine.pop().unlock();
        }
    }
}
