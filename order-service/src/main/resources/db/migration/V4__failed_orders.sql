-- Failed orders kept after their sale's Redis keys expire (ADR 15). A failed order (refused, timed
-- out, given up) never becomes an orders row: it lives as a RELEASED entry of its sale's Redis ledger.
-- Before the ledger may expire, the retention job copies each such entry here, once (the order id is
-- the key; copying again changes nothing), so the order lookup still answers FAILED with its reason.
-- A purchase withdrawn before its shopper was answered (503) is no order and is not copied.
-- failed_at is when the reservation was released (null for an entry released before the ledger kept it).
CREATE TABLE failed_orders (
    id          BIGINT         NOT NULL,
    activity_id BIGINT         NOT NULL,
    user_id     BIGINT         NOT NULL,
    quantity    INT            NOT NULL,
    amount      DECIMAL(12, 2) NOT NULL,
    reason      VARCHAR(255)   NULL,
    placed_at   DATETIME(3)    NOT NULL,
    failed_at   DATETIME(3)    NULL,
    archived_at DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY idx_failed_orders_activity (activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
