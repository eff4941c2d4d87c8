-- Every attempt of the retry ladder, the DLQ compensation and ops retries (one row each).
CREATE TABLE compensation_log (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    order_id      BIGINT       NOT NULL,
    activity_id   BIGINT       NOT NULL,
    stage         VARCHAR(16)  NOT NULL, -- LADDER, DLQ, OPS
    attempt       INT          NOT NULL,
    delay_ms      BIGINT       NOT NULL,
    outcome       VARCHAR(32)  NOT NULL,
    error_class   VARCHAR(255) NULL,
    error_message VARCHAR(1000) NULL,
    actor         VARCHAR(64)  NOT NULL,
    at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_compensation_log_order (order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- An order still being compensated: cleared when the compensation succeeds.
CREATE TABLE pending_compensations (
    order_id    BIGINT        NOT NULL,
    activity_id BIGINT        NOT NULL,
    attempts    INT           NOT NULL,
    first_error VARCHAR(1000) NULL,
    last_error  VARCHAR(1000) NULL,
    first_at    DATETIME(3)   NOT NULL,
    last_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Orders nothing automatic could heal; ops retry or resolve them.
CREATE TABLE failed_order_archives (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    order_id        BIGINT        NOT NULL,
    activity_id     BIGINT        NOT NULL,
    payload         TEXT          NOT NULL,
    reason          VARCHAR(1000) NULL,
    attempts        INT           NOT NULL,
    first_error     VARCHAR(1000) NULL,
    last_error      VARCHAR(1000) NULL,
    status          VARCHAR(16)   NOT NULL, -- OPEN, RETRIED, RESOLVED
    resolution      VARCHAR(1000) NULL,
    resolved_by     VARCHAR(64)   NULL,
    archived_at     DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_archives_order (order_id),
    KEY idx_archives_status_time (status, archived_at),
    KEY idx_archives_sale (activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The ladder's delays, changed at run time through the ops API (one row).
CREATE TABLE retry_policy (
    id         TINYINT      NOT NULL,
    delays     VARCHAR(512) NOT NULL, -- ISO-8601 durations, comma separated
    updated_by VARCHAR(64)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who called the ops API, what, when.
CREATE TABLE ops_audit (
    id       BIGINT        NOT NULL AUTO_INCREMENT,
    actor    VARCHAR(64)   NOT NULL,
    method   VARCHAR(8)    NOT NULL,
    path     VARCHAR(512)  NOT NULL,
    query    VARCHAR(1000) NULL,
    status   INT           NOT NULL,
    at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_ops_audit_at (at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ShedLock: one runner across replicas for the scheduled jobs.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
