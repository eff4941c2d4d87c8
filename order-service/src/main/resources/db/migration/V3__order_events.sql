-- The outbox of order status events (ADR 14): a row is written in the transaction of the status
-- change, sent to seckill.order.events by OrderEventRelay and deleted once Kafka acknowledged it.
-- One event per order and status: the primary key makes a second one impossible. xid is the global
-- transaction that wrote the row (none for a local one): the relay waits until it ended.
CREATE TABLE order_events (
    order_id   BIGINT        NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    payload    VARCHAR(2048) NOT NULL,
    xid        VARCHAR(128)  NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (order_id, status),
    KEY idx_order_events_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
