-- Back office UI: account lockout and roles, archived products, the audit log.

ALTER TABLE admin_users
    ADD COLUMN enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN failed_attempts INT         NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    DATETIME(3) NULL;

ALTER TABLE admin_user_roles
    ADD CONSTRAINT ck_admin_user_roles_role CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER'));

ALTER TABLE products
    ADD COLUMN archived_at DATETIME(3) NULL;

-- One row per admin action. before/after are JSON snapshots of the target (NULL when not applicable).
CREATE TABLE audit_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_id   VARCHAR(64)   NULL,
    before_json LONGTEXT      NULL,
    after_json  LONGTEXT      NULL,
    at          DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_at (at),
    KEY ix_audit_actor (actor, at),
    KEY ix_audit_target (target_type, target_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
