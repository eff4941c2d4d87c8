package io.github.seckill.admin.security;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Creates the bootstrap admin when absent; an existing account (and its password) is left alone. */
@Component
class AdminSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminSeeder.class);

    private final AdminUsers users;
    private final PasswordEncoder encoder;
    private final BootstrapAdmin bootstrap;

    AdminSeeder(AdminUsers users, PasswordEncoder encoder, BootstrapAdmin bootstrap) {
        this.users = users;
        this.encoder = encoder;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Returns true when this call created the account. */
    boolean seed() {
        if (users.existsByUsername(bootstrap.username())) {
            return false;
        }
        try {
            users.save(new AdminUser(bootstrap.username(), encoder.encode(bootstrap.password()),
                    Set.of(AdminRole.ADMIN)));
            log.info("created bootstrap admin '{}'", bootstrap.username());
            return true;
        } catch (DataIntegrityViolationException e) {
            // another replica created it between the check and the insert
            return false;
        }
    }
}
