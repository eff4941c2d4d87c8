package io.github.seckill.admin.security;

/**
 * What an admin account may do. ADMIN: everything, including accounts, products, the retry policy and
 * the audit log. OPERATOR: sales, orders and retries of failed orders. VIEWER: reads only.
 */
enum AdminRole {
    ADMIN, OPERATOR, VIEWER
}
