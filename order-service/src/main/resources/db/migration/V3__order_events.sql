-- The outbox of order status events (ADR 14): a row is written in the transaction of the status
-- change, sent to seckill.order.events by OrderEventRelay and deleted once Kafka acknowledged all of
-- its events. A placement batch's CREATED events are one row (one JSON per line): one more row and one
-- more global lock for the batch's AT branch, not a thousand. A row is keyed by its lowest order id and
-- the status (an order reaches a status once) and covers the ids up to last_order_id. seq orders the
-- rows as they were written: an order's later event is always written after its earlier one committed.
-- xid is the global transaction that wrote the row (none for a local one): the relay waits until it ended.
CREATE TABLE order_events (
    order_id      BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    last_order_id BIGINT       NOT NULL,
    seq           BIGINT       NOT NULL AUTO_INCREMENT,
    events        INT          NOT NULL,
    payload       MEDIUMTEXT   NOT NULL,
    xid           VARCHAR(128) NULL,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (order_id, status),
    UNIQUE KEY ux_order_events_seq (seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
