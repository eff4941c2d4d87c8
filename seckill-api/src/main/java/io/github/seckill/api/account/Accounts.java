package io.github.seckill.api.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;

/** Registration, login and token refresh. */
@Service
class Accounts {

    /** Checked when the user does not exist, so an unknown name and a wrong password cost the same. */
    private final String noUserHash;

    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final Tokens tokens;
    private final SpentRefreshTokens spent;
    private final Clock clock;

    Accounts(UserAccounts users, PasswordEncoder passwords, Tokens tokens, SpentRefreshTokens spent, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.spent = spent;
        this.clock = clock;
        this.noUserHash = passwords.encode("no such user");
    }

    /** The account with this id, or empty. */
    @Transactional(readOnly = true)
    Optional<Account> account(long id) {
        return users.findById(id).map(user -> new Account(user.id(), user.username(), user.createdAt()));
    }

    /** What a shopper sees of an account: never the password hash. */
    record Account(long id, String username, Instant createdAt) {
    }

    @Transactional
    long register(Credentials credentials) {
        if (users.existsByUsername(credentials.username())) {
            throw taken(credentials.username());
        }
        try {
            return users.saveAndFlush(new UserAccount(credentials.username(),
                    passwords.encode(credentials.password()), clock.instant())).id();
        } catch (DataIntegrityViolationException raced) {
            throw taken(credentials.username());
        }
    }

    @Transactional(readOnly = true)
    Tokens.TokenPair login(Credentials credentials) {
        UserAccount user = users.findByUsername(credentials.username()).orElse(null);
        boolean matches = passwords.matches(credentials.password(), user == null ? noUserHash : user.passwordHash());
        if (user == null || !matches) {
            throw new Problem(HttpStatus.UNAUTHORIZED, ProblemTypes.BAD_CREDENTIALS,
                    "Bad credentials", "username or password is wrong");
        }
        return tokens.issue(user);
    }

    /** New tokens for a refresh token; the refresh token is spent by it. */
    @Transactional(readOnly = true)
    Tokens.TokenPair refresh(String refreshToken) {
        Jwt token;
        try {
            token = tokens.readRefresh(refreshToken);
        } catch (JwtException e) {
            throw invalidRefresh("refresh token is invalid or expired");
        }
        long userId = Long.parseLong(token.getSubject());
        if (!spent.spend(userId, token.getId(), token.getExpiresAt())) {
            throw invalidRefresh("refresh token was already used");
        }
        return users.findById(userId).map(tokens::issue)
                .orElseThrow(() -> invalidRefresh("the account no longer exists"));
    }

    private static Problem invalidRefresh(String detail) {
        return new Problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail);
    }

    private static Problem taken(String username) {
        return new Problem(HttpStatus.CONFLICT, ProblemTypes.USERNAME_TAKEN,
                "Username taken", "username '" + username + "' is already registered");
    }
}
