-- Per-user quantity bought per sale: the per-user limit held in MySQL too (invariant I2).
CREATE TABLE user_purchases (
    activity_id BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    quantity    INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (activity_id, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE orders ADD COLUMN paid_at DATETIME(3) NULL AFTER placed_at;
ALTER TABLE orders ADD KEY idx_orders_status_created (status, created_at);

-- ShedLock: one runner across replicas for scheduled jobs (payment timeouts).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
