package io.github.seckill.admin.activity;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.github.seckill.admin.product.ProductCatalog;
import io.github.seckill.admin.ui.UiController;
import io.github.seckill.admin.ui.UiSettings;

/** Sales pages: list, schedule, edit before start, prewarm, close, and the live page of one sale. */
@UiController
class SalesPage {

    private final ActivityService sales;
    private final SaleMonitor monitor;
    private final ProductCatalog products;
    private final UiSettings ui;

    SalesPage(ActivityService sales, SaleMonitor monitor, ProductCatalog products, UiSettings ui) {
        this.sales = sales;
        this.monitor = monitor;
        this.products = products;
        this.ui = ui;
    }

    @GetMapping("/sales")
    String list(Model model) {
        model.addAttribute("sales", sales.all());
        return "sales/list";
    }

    @GetMapping("/sales/new")
    String blank(Model model) {
        return form(new SaleForm(), null, model);
    }

    @PostMapping("/sales")
    String create(@Valid @ModelAttribute("form") SaleForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return form(form, null, model);
        }
        try {
            ActivityView sale = sales.schedule(form.toRequest(ui.zone()));
            flash.addFlashAttribute("notice", "notice.saved");
            return "redirect:/sales/" + sale.id();
        } catch (InvalidSale e) {
            errors.rejectValue(e.field(), "sale.invalid." + e.field(), e.getMessage());
        } catch (UnknownProduct e) {
            errors.rejectValue("productId", "sale.invalid.productId", e.getMessage());
        }
        return form(form, null, model);
    }

    @GetMapping("/sales/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ActivityView sale = sales.get(id);
        return form(SaleForm.of(sale, ui.zone()), sale, model);
    }

    @PostMapping("/sales/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SaleForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        ActivityView sale = sales.get(id);
        form.setProductId(sale.productId());
        if (errors.hasErrors()) {
            return form(form, sale, model);
        }
        try {
            sales.reschedule(id, form.toRequest(ui.zone()));
            flash.addFlashAttribute("notice", "notice.saved");
            return "redirect:/sales/" + id;
        } catch (InvalidSale e) {
            errors.rejectValue(e.field(), "sale.invalid." + e.field(), e.getMessage());
        } catch (SaleStateConflict e) {
            errors.reject("sale.invalid.state", e.getMessage());
        }
        return form(form, sale, model);
    }

    @PostMapping("/sales/{id}/prewarm")
    String prewarm(@PathVariable long id, RedirectAttributes flash) {
        return act(() -> sales.prewarm(id), "notice.prewarmed", flash, id);
    }

    @PostMapping("/sales/{id}/close")
    String close(@PathVariable long id, RedirectAttributes flash) {
        return act(() -> sales.close(id), "notice.closed", flash, id);
    }

    @GetMapping("/sales/{id}")
    String live(@PathVariable long id, Model model) {
        model.addAttribute("sale", sales.get(id));
        model.addAttribute("stats", monitor.stats(id));
        model.addAttribute("redisKeys", monitor.redisKeys(id));
        return "sales/live";
    }

    private String act(Runnable action, String notice, RedirectAttributes flash, long id) {
        try {
            action.run();
            flash.addFlashAttribute("notice", notice);
        } catch (SaleStateConflict e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/sales/" + id;
    }

    private String form(SaleForm form, ActivityView sale, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("sale", sale);
        model.addAttribute("products", products.options());
        return "sales/form";
    }

    @ExceptionHandler
    ModelAndView notFound(SaleNotFound e) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("detail", e.getMessage());
        return page;
    }
}
