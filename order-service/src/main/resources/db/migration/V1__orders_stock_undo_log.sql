-- Orders, keyed by the order id the shopper API assigned: a replayed message cannot insert twice.
CREATE TABLE orders (
    id          BIGINT         NOT NULL,
    activity_id BIGINT         NOT NULL,
    user_id     BIGINT         NOT NULL,
    quantity    INT            NOT NULL,
    unit_price  DECIMAL(12, 2) NOT NULL,
    amount      DECIMAL(12, 2) NOT NULL,
    status      VARCHAR(16)    NOT NULL,
    reason      VARCHAR(255)   NULL,
    xid         VARCHAR(128)   NULL,
    placed_at   DATETIME(3)    NOT NULL,
    created_at  DATETIME(3)    NOT NULL,
    updated_at  DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_orders_user (user_id, created_at),
    KEY idx_orders_activity_status (activity_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- MySQL's side of a sale's stock: decremented by the order's AT branch, one conditional UPDATE.
CREATE TABLE activity_stock (
    activity_id    BIGINT         NOT NULL,
    total          BIGINT         NOT NULL,
    remaining      BIGINT         NOT NULL,
    sold           BIGINT         NOT NULL DEFAULT 0,
    limit_per_user INT            NOT NULL,
    price          DECIMAL(12, 2) NOT NULL,
    updated_at     DATETIME(3)    NOT NULL,
    PRIMARY KEY (activity_id),
    CONSTRAINT ck_stock_remaining CHECK (remaining >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Seata AT undo log (the client's MySQL schema).
CREATE TABLE undo_log (
    branch_id     BIGINT       NOT NULL COMMENT 'branch transaction id',
    xid           VARCHAR(128) NOT NULL COMMENT 'global transaction id',
    context       VARCHAR(128) NOT NULL COMMENT 'undo_log context, such as serialization',
    rollback_info LONGBLOB     NOT NULL COMMENT 'rollback info',
    log_status    INT(11)      NOT NULL COMMENT '0: normal status, 1: defense status',
    log_created   DATETIME(6)  NOT NULL COMMENT 'create datetime',
    log_modified  DATETIME(6)  NOT NULL COMMENT 'modify datetime',
    UNIQUE KEY ux_undo_log (xid, branch_id)
) ENGINE = InnoDB AUTO_INCREMENT = 1 DEFAULT CHARSET = utf8mb4 COMMENT = 'AT transaction mode undo table';
ALTER TABLE undo_log ADD INDEX ix_log_created (log_created);
