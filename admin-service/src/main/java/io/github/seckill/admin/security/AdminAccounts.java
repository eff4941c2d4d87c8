package io.github.seckill.admin.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Spring Security's view of the <code>admin_users</code> table, with the lock and the enabled flag. */
@Service
class AdminAccounts implements UserDetailsService {

    private final AdminUsers users;
    private final Clock clock;

    AdminAccounts(AdminUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(u -> User.withUsername(u.username())
                        .password(u.passwordHash())
                        .roles(u.roles().stream().map(Enum::name).toArray(String[]::new))
                        .disabled(!u.enabled())
                        .accountLocked(u.lockedAt(clock.instant()))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such admin"));
    }
}
