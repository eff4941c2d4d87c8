package io.github.seckill.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A back-office account; the password is kept only as a BCrypt hash. */
@Entity
@Table(name = "admin_users")
class AdminUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "admin_user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);

    private Instant createdAt;

    private boolean enabled = true;

    private int failedAttempts;

    private Instant lockedUntil;

    protected AdminUser() {
    }

    AdminUser(String username, String passwordHash, Set<AdminRole> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = EnumSet.copyOf(roles);
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Counts a failed login; the account locks for {@code lockFor} once {@code maxFailures} is reached. */
    void loginFailed(int maxFailures, Duration lockFor, Instant now) {
        failedAttempts++;
        if (failedAttempts >= maxFailures) {
            lockedUntil = now.plus(lockFor).truncatedTo(ChronoUnit.MILLIS);
            failedAttempts = 0;
        }
    }

    void loginSucceeded() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void unlock() {
        loginSucceeded();
    }

    void change(Set<AdminRole> roles, boolean enabled) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
        this.enabled = enabled;
    }

    void password(String hash) {
        this.passwordHash = hash;
    }

    Long id() {
        return id;
    }

    boolean enabled() {
        return enabled;
    }

    int failedAttempts() {
        return failedAttempts;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    Instant createdAt() {
        return createdAt;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<AdminRole> roles() {
        return Set.copyOf(roles);
    }
}
