package io.github.seckill.api.account;

import java.net.URI;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody Credentials credentials) {
        long id = accounts.register(credentials);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id))
                .body(Map.of("id", id, "username", credentials.username()));
    }

    @PostMapping("/login")
    Tokens.AccessToken login(@Valid @RequestBody Credentials credentials) {
        return accounts.login(credentials);
    }
}
