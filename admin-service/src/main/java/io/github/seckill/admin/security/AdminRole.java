package io.github.seckill.admin.security;

/** What an admin account may do; the REST API needs {@link #ADMIN}. */
enum AdminRole {
    ADMIN
}
