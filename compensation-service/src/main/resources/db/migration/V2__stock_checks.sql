-- The latest Redis vs MySQL stock check of each sale (one row per sale, overwritten each run), so
-- every replica reports the same drift and ops can read it whichever replica ran the check.
CREATE TABLE stock_checks (
    activity_id     BIGINT      NOT NULL,
    total           BIGINT      NOT NULL,
    redis_available BIGINT      NOT NULL,
    live            BIGINT      NOT NULL,
    mysql_remaining BIGINT      NOT NULL,
    mysql_sold      BIGINT      NOT NULL,
    drift           BIGINT      NOT NULL,
    hanging         INT         NOT NULL,
    repair          VARCHAR(32) NOT NULL,
    checked_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
