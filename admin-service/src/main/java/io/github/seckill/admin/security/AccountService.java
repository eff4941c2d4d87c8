package io.github.seckill.admin.security;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.admin.audit.AuditLog;

/** Admin accounts as ADMINs manage them; every change is audited (without any password). */
@Service
class AccountService {

    private final AdminUsers users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(AdminUsers users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<AccountView> all() {
        return users.findAll(Sort.by("username")).stream().map(AccountView::of).toList();
    }

    @Transactional(readOnly = true)
    AccountView get(long id) {
        return AccountView.of(find(id));
    }

    boolean taken(String username) {
        return users.existsByUsername(username);
    }

    @Transactional
    AccountView create(AccountForm form) {
        AdminUser user = users.save(new AdminUser(form.getUsername(), encoder.encode(form.getPassword()),
                form.getRoles()));
        user.change(form.getRoles(), form.isEnabled());
        AccountView after = AccountView.of(user);
        audit.record("account.create", "account", user.id(), null, after);
        return after;
    }

    @Transactional
    AccountView update(long id, AccountForm form) {
        AdminUser user = find(id);
        AccountView before = AccountView.of(user);
        user.change(form.getRoles(), form.isEnabled());
        if (form.hasPassword()) {
            user.password(encoder.encode(form.getPassword()));
        }
        AccountView after = AccountView.of(users.saveAndFlush(user));
        audit.record(form.hasPassword() ? "account.update+password" : "account.update", "account", id, before,
                after);
        return after;
    }

    @Transactional
    AccountView unlock(long id) {
        AdminUser user = find(id);
        AccountView before = AccountView.of(user);
        user.unlock();
        AccountView after = AccountView.of(users.saveAndFlush(user));
        audit.record("account.unlock", "account", id, before, after);
        return after;
    }

    boolean locked(AccountView account) {
        return account.lockedAt(clock.instant());
    }

    private AdminUser find(long id) {
        return users.findById(id).orElseThrow(() -> new AccountNotFound(id));
    }
}
