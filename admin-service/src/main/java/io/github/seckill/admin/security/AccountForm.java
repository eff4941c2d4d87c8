package io.github.seckill.admin.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The account form; the password is required for a new account and optional (a reset) on edit. */
class AccountForm {

    @Pattern(regexp = "[A-Za-z0-9._-]{3,100}", message = "{account.username.invalid}")
    private String username;

    @Size(max = 72, message = "{account.password.invalid}")
    private String password;

    @NotEmpty(message = "{account.roles.required}")
    private Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);

    private boolean enabled = true;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? null : username.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<AdminRole> getRoles() {
        return roles;
    }

    public void setRoles(Set<AdminRole> roles) {
        this.roles = roles == null ? EnumSet.noneOf(AdminRole.class) : roles;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    /** Minimum length of a new password (BCrypt reads at most 72 bytes). */
    static final int MIN_PASSWORD = 8;

    boolean passwordTooShort() {
        return hasPassword() && password.length() < MIN_PASSWORD;
    }
}
