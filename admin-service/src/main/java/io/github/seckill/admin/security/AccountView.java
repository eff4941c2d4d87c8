package io.github.seckill.admin.security;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** An account as the UI and the audit log show it: never the password hash. */
record AccountView(long id, String username, Set<String> roles, boolean enabled, int failedAttempts,
        Instant lockedUntil, Instant createdAt) {

    static AccountView of(AdminUser u) {
        Set<String> roles = new TreeSet<>();
        u.roles().forEach(r -> roles.add(r.name()));
        return new AccountView(u.id(), u.username(), roles, u.enabled(), u.failedAttempts(), u.lockedUntil(),
                u.createdAt());
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
