package io.github.seckill.api.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Username and password, as register and login take them. */
record Credentials(
        @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+",
                message = "may contain letters, digits, '.', '_' and '-' only") String username,
        @NotBlank @Size(min = 8, max = 72) String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + "]";
    }
}
