package io.github.seckill.admin.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class AccountNotFound extends ResponseStatusException {

    AccountNotFound(long id) {
        super(HttpStatus.NOT_FOUND, "no admin account with id " + id);
    }
}
