package io.github.seckill.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the launcher started, and how to stop each: {@link #stopAll()} stops them last-started first.
 * Starting and registering is atomic with respect to {@code stopAll}, so a Ctrl-C during the start
 * leaves nothing behind.
 */
final class Stops {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private boolean stopping;

    synchronized <T> T start(Supplier<T> start, Consumer<T> stop) {
        if (stopping) {
            throw new StackFailure("stopping");
        }
        T started = start.get();
        steps.push(() -> stop.accept(started));
        return started;
    }

    synchronized boolean stopping() {
        return stopping;
    }

    void stopAll() {
        List<Runnable> lastFirst;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            lastFirst = new ArrayList<>(steps);
        }
        if (!lastFirst.isEmpty()) {
            System.out.println("stopping ...");
        }
        for (Runnable step : lastFirst) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("while stopping: " + e);
            }
        }
        done.countDown();
    }

    void awaitStopped() throws InterruptedException {
        done.await();
    }
}
