package io.github.seckill.admin.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords per account in MySQL (so a restart or another replica does not forget them)
 * and locks the account after too many; a successful login clears the count.
 */
@Component
class Lockout {

    private static final Logger log = LoggerFactory.getLogger(Lockout.class);

    private final AdminUsers users;
    private final LoginSettings settings;
    private final Clock clock;

    Lockout(AdminUsers users, LoginSettings settings, Clock clock) {
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        users.findByUsername(event.getAuthentication().getName()).ifPresent(u -> {
            u.loginFailed(settings.maxFailures(), settings.lockFor(), clock.instant());
            if (u.lockedAt(clock.instant())) {
                log.warn("admin account '{}' locked until {} after {} failed logins", u.username(),
                        u.lockedUntil(), settings.maxFailures());
            }
        });
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        users.findByUsername(event.getAuthentication().getName())
                .filter(u -> u.failedAttempts() > 0 || u.lockedUntil() != null)
                .ifPresent(AdminUser::loginSucceeded);
    }
}
