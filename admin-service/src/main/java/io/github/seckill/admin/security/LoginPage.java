package io.github.seckill.admin.security;

import org.springframework.web.bind.annotation.GetMapping;

import io.github.seckill.admin.ui.UiController;

/** The login form; Spring Security's filter handles its POST. */
@UiController
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
