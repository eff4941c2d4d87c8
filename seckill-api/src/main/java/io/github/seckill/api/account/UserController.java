package io.github.seckill.api.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.github.seckill.api.web.Problem;
import io.github.seckill.common.problem.ProblemTypes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The account registration's {@code Location} names: the shopper's own, and no one else's. */
@RestController
@Tag(name = "Accounts")
class UserController {

    private final Accounts accounts;

    UserController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "My account", description = "id, username and when it was registered. Another "
            + "shopper's id is 404 not-found, as an id that does not exist.")
    @GetMapping("/api/v1/users/{id}")
    Accounts.Account account(@PathVariable("id") long id,
            @Parameter(hidden = true) @AuthenticationPrincipal Jwt shopper) {
        if (id != Long.parseLong(shopper.getSubject())) {
            throw notFound(id);
        }
        return accounts.account(id).orElseThrow(() -> notFound(id));
    }

    private static Problem notFound(long id) {
        return new Problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "User not found", "no user " + id);
    }
}
