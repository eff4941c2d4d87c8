package io.github.seckill.api.account;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.api.ratelimit.RateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Accounts and tokens; open without a token, limited per client address. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
@SecurityRequirements
class AccountController {

    private final Accounts accounts;
    private final RateLimits limits;

    AccountController(Accounts accounts, RateLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    @Operation(summary = "Register", description = "201; 409 username-taken; 400 validation.")
    @PostMapping("/register")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody Credentials credentials,
            @Parameter(hidden = true) HttpServletRequest http) {
        limits.admitAuth(http.getRemoteAddr());
        long id = accounts.register(credentials);
        return ResponseEntity.created(URI.create("/api/v1/users/" + id))
                .body(Map.of("id", id, "username", credentials.username()));
    }

    @Operation(summary = "Log in", description = "An access token (Bearer) and a refresh token; 401 bad-credentials.")
    @PostMapping("/login")
    Tokens.TokenPair login(@Valid @RequestBody Credentials credentials,
            @Parameter(hidden = true) HttpServletRequest http) {
        limits.admitAuth(http.getRemoteAddr());
        return accounts.login(credentials);
    }

    @Operation(summary = "Refresh tokens", description = "New access and refresh tokens; the refresh token sent is "
            + "spent. 401 when it is invalid, expired or used before.")
    @PostMapping("/refresh")
    Tokens.TokenPair refresh(@Valid @RequestBody Refresh request, @Parameter(hidden = true) HttpServletRequest http) {
        limits.admitAuth(http.getRemoteAddr());
        return accounts.refresh(request.refreshToken());
    }

    record Refresh(@NotBlank @Size(max = 800) String refreshToken) {
    }
}
