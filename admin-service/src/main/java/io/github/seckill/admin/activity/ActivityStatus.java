package io.github.seckill.admin.activity;

/** Life of a sale as the back office sees it: SCHEDULED, then PREWARMED into Redis, then CLOSED. */
enum ActivityStatus {
    SCHEDULED, PREWARMED, CLOSED
}
