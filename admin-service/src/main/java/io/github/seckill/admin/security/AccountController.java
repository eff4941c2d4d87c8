package io.github.seckill.admin.security;

import jakarta.validation.Valid;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.seckill.admin.ui.UiController;

/** Admin accounts page (ADMIN only, see {@link SecurityConfig}). */
@UiController
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/users")
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("form", new AccountForm());
        model.addAttribute("roles", AdminRole.values());
        return "users/list";
    }

    @PostMapping("/users")
    String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        if (!form.hasPassword() || form.passwordTooShort()) {
            errors.rejectValue("password", "account.password.invalid");
        }
        if (form.getUsername() != null && accounts.taken(form.getUsername())) {
            errors.rejectValue("username", "account.username.taken");
        }
        if (errors.hasErrors()) {
            model.addAttribute("accounts", accounts.all());
            model.addAttribute("roles", AdminRole.values());
            return "users/list";
        }
        accounts.create(form);
        flash.addFlashAttribute("notice", "notice.saved");
        return "redirect:/users";
    }

    @GetMapping("/users/{id}")
    String edit(@PathVariable long id, Model model) {
        AccountView account = accounts.get(id);
        AccountForm form = new AccountForm();
        form.setUsername(account.username());
        form.getRoles().clear();
        account.roles().forEach(r -> form.getRoles().add(AdminRole.valueOf(r)));
        form.setEnabled(account.enabled());
        return editPage(account, form, model);
    }

    @PostMapping("/users/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") AccountForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        AccountView account = accounts.get(id);
        form.setUsername(account.username());
        if (form.passwordTooShort()) {
            errors.rejectValue("password", "account.password.invalid");
        }
        if (errors.hasFieldErrors("roles") || errors.hasFieldErrors("password")) {
            return editPage(account, form, model);
        }
        accounts.update(id, form);
        flash.addFlashAttribute("notice", "notice.saved");
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        accounts.unlock(id);
        flash.addFlashAttribute("notice", "notice.unlocked");
        return "redirect:/users";
    }

    private String editPage(AccountView account, AccountForm form, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("locked", accounts.locked(account));
        model.addAttribute("form", form);
        model.addAttribute("roles", AdminRole.values());
        return "users/edit";
    }
}
