-- Admin-owned tables. Times are DATETIME(3) holding UTC (Hibernate writes with hibernate.jdbc.time_zone=UTC);
-- DATETIME rather than TIMESTAMP: no session time-zone conversion and no 2038 limit.

CREATE TABLE products (
    id          BIGINT         NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200)   NOT NULL,
    description VARCHAR(2000)  NULL,
    price       DECIMAL(12, 2) NOT NULL,
    created_at  DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_products_price CHECK (price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE activities (
    id             BIGINT         NOT NULL AUTO_INCREMENT,
    product_id     BIGINT         NOT NULL,
    title          VARCHAR(200)   NOT NULL,
    price          DECIMAL(12, 2) NOT NULL,
    stock          INT            NOT NULL,
    limit_per_user INT            NOT NULL,
    start_at       DATETIME(3)    NOT NULL,
    end_at         DATETIME(3)    NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    version        BIGINT         NOT NULL,
    created_at     DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_activities_product (product_id),
    KEY ix_activities_start (start_at),
    CONSTRAINT fk_activities_product FOREIGN KEY (product_id) REFERENCES products (id),
    CONSTRAINT ck_activities_price CHECK (price > 0),
    CONSTRAINT ck_activities_stock CHECK (stock BETWEEN 1 AND 10000000),
    CONSTRAINT ck_activities_limit CHECK (limit_per_user BETWEEN 1 AND stock),
    CONSTRAINT ck_activities_window CHECK (end_at > start_at),
    CONSTRAINT ck_activities_status CHECK (status IN ('SCHEDULED', 'PREWARMED', 'CLOSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE admin_users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_admin_users_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE admin_user_roles (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT fk_admin_user_roles_user FOREIGN KEY (user_id) REFERENCES admin_users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
